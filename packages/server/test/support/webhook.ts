import { createHmac } from 'node:crypto';
import { IDENFY } from './stack';

/** Signs like iDenfy: hex HMAC-SHA256 of the exact body bytes. Written here, independent of the code under test. */
export function idenfySignature(body: string | Uint8Array, key = IDENFY.webhookSecret): string {
  return createHmac('sha256', key).update(body).digest('hex');
}

export function idenfyResult(fields: { scanRef: string; clientId: string; overall: string; final: boolean }) {
  return {
    clientId: fields.clientId,
    scanRef: fields.scanRef,
    externalRef: null,
    platform: 'PC',
    startTime: 1700000000,
    finishTime: 1700000100,
    clientIp: '192.0.2.1',
    final: fields.final,
    status: {
      overall: fields.overall,
      suspicionReasons: [],
      denyReasons: [],
      fraudTags: [],
      mismatchTags: [],
      autoDocument: 'DOC_VALIDATED',
      autoFace: 'FACE_MATCH',
      manualDocument: null,
      manualFace: null,
      additionalSteps: null,
    },
    data: { docFirstName: 'JANE', docLastName: 'DOE', docNumber: 'X1234567' },
    fileUrls: {},
    AML: null,
    LID: null,
  };
}
