import type { KycOverall } from '../provider';
import { checksFor } from './outcomes';
import type { SessionRecord } from './store';

export interface SimResult {
  overall: KycOverall;
  final: boolean;
}

// Obviously fake personal data, in the shape of iDenfy's `data` block.
function fakeData(overall: KycOverall) {
  if (overall === 'EXPIRED') return null;
  return {
    docFirstName: 'SIMULATED',
    docLastName: 'PERSON',
    docNumber: 'SIM0000000',
    docPersonalCode: null,
    docExpiry: '2035-01-01',
    docDob: '1990-01-01',
    docDateOfIssue: '2025-01-01',
    docType: 'ID_CARD',
    docSex: 'UNDEFINED',
    docNationality: 'LT',
    docIssuingCountry: 'LT',
    fullName: 'SIMULATED PERSON',
    selectedCountry: 'LT',
    manuallyDataChanged: false,
  };
}

/** The webhook iDenfy would send for this result, serialized once: these exact bytes are signed. */
export function webhookBody(session: SessionRecord, result: SimResult, now: number): Uint8Array {
  const finishSeconds = Math.floor(now / 1000);
  const checks = checksFor(result.overall, result.final);
  const body = {
    clientId: session.clientId,
    scanRef: session.scanRef,
    externalRef: null,
    platform: 'PC',
    startTime: Math.min(Math.floor(session.createdAt / 1000), finishSeconds),
    finishTime: finishSeconds,
    clientIp: '192.0.2.1',
    clientIpCountry: 'LT',
    clientLocation: 'Simulated',
    final: result.final,
    status: { overall: result.overall, ...checks, additionalSteps: null },
    data: fakeData(result.overall),
    fileUrls: {},
    additionalStepPdfUrls: {},
    AML: [],
    LID: [],
  };
  return new TextEncoder().encode(JSON.stringify(body));
}
