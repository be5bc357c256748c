import { describe, expect, it } from 'vitest';
import { parseIdenfyWebhook } from '../src/idenfy/webhook';
import { kycOutcome } from '../src/outcome';
import type { KycWebhook } from '../src/provider';
import { idenfySample as fixture } from './support/fixture';

const SCAN_REF = '6a8f1c2e-0b1d-4a53-9c3e-2f6f1c0d9e11';

function body(overrides: Record<string, unknown> = {}, status: Record<string, unknown> = {}) {
  return JSON.stringify({
    clientId: 'user-1-1700000000000',
    scanRef: SCAN_REF,
    final: true,
    startTime: 1_700_000_000,
    finishTime: 1_700_000_042,
    status: {
      overall: 'APPROVED',
      suspicionReasons: [],
      denyReasons: [],
      fraudTags: [],
      mismatchTags: [],
      autoDocument: 'DOC_VALIDATED',
      autoFace: 'FACE_MATCH',
      manualDocument: 'DOC_VALIDATED',
      manualFace: 'FACE_MATCH',
      ...status,
    },
    data: { docFirstName: 'SECRET-FIRST', docLastName: 'SECRET-LAST', docNumber: 'SECRET-NUMBER' },
    ...overrides,
  });
}

function parsed(raw: string | Uint8Array): KycWebhook {
  const result = parseIdenfyWebhook(raw);
  if (!result.success) throw new Error(`expected success, got ${result.error.message}`);
  return result.data;
}

function failure(raw: string | Uint8Array) {
  const result = parseIdenfyWebhook(raw);
  if (result.success) throw new Error('expected a parse failure');
  return result.error;
}

describe('parseIdenfyWebhook on the shared sample', () => {
  it('reads a preliminary APPROVED, which keeps KYC in progress', () => {
    const webhook = parsed(fixture.bytes());
    expect(webhook).toMatchObject({
      scanRef: 'scan-ref',
      clientId: '123',
      userId: '123',
      final: false,
      overall: 'APPROVED',
      suspicionReasons: [],
      denyReasons: [],
      fraudTags: [],
      mismatchTags: [],
      autoDocument: 'DOC_VALIDATED',
      manualFace: 'FACE_MATCH',
    });
    expect(webhook.startTime).toEqual(new Date(1_554_726_960_000));
    expect(webhook.finishTime).toEqual(new Date(1_554_727_002_000));
    expect(kycOutcome(webhook.overall, webhook.final)).toBe('in_progress');
  });

  it('keeps no personal data', () => {
    const serialized = JSON.stringify(parsed(fixture.bytes()));
    for (const personal of [
      'FIRST-NAME-EXAMPLE',
      'LAST-NAME-EXAMPLE',
      'XXXXXXXXX',
      'BIRTH PLACE',
      '192.0.2.0',
      'ssn',
    ]) {
      expect(serialized).not.toContain(personal);
    }
  });
});

describe('parseIdenfyWebhook', () => {
  it('strips the timestamp suffix to find the user', () => {
    expect(parsed(body()).userId).toBe('user-1');
  });

  it('reads the reasons and tags of a suspected result', () => {
    const webhook = parsed(
      body(
        {},
        {
          overall: 'SUSPECTED',
          suspicionReasons: ['DUPLICATE_FACE'],
          fraudTags: ['DUPLICATE_FACE'],
          mismatchTags: ['DOB'],
        },
      ),
    );
    expect(webhook).toMatchObject({
      overall: 'SUSPECTED',
      suspicionReasons: ['DUPLICATE_FACE'],
      fraudTags: ['DUPLICATE_FACE'],
      mismatchTags: ['DOB'],
    });
  });

  it('treats missing or null lists and check results as empty', () => {
    const webhook = parsed(
      body(
        { startTime: null },
        {
          denyReasons: null,
          fraudTags: undefined,
          manualDocument: null,
          manualFace: '',
          autoFace: undefined,
        },
      ),
    );
    expect(webhook.denyReasons).toEqual([]);
    expect(webhook.fraudTags).toEqual([]);
    expect(webhook.manualDocument).toBeNull();
    expect(webhook.manualFace).toBeNull();
    expect(webhook.autoFace).toBeNull();
    expect('startTime' in webhook).toBe(false);
  });

  it('reads EXPIRED-DELETED as EXPIRED', () => {
    expect(parsed(body({}, { overall: 'EXPIRED-DELETED' })).overall).toBe('EXPIRED');
  });

  it.each([
    ['not JSON', '{"scanRef":'],
    ['empty', ''],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d])],
  ])('reports malformed_json for a body that is %s', (_what, raw) => {
    expect(failure(raw).code).toBe('malformed_json');
  });

  it.each([
    ['scanRef', body({ scanRef: undefined })],
    ['scanRef', body({ scanRef: '' })],
    ['clientId', body({ clientId: 42 })],
    ['final', body({ final: 'true' })],
    ['status', body({ status: 'APPROVED' })],
    ['status.overall', body({}, { overall: 'MAYBE-SECRET-VALUE' })],
    ['status.overall', body({}, { overall: undefined })],
    ['status.fraudTags', body({}, { fraudTags: 'DUPLICATE_FACE' })],
    ['status.mismatchTags', body({}, { mismatchTags: [1] })],
    ['status.autoDocument', body({}, { autoDocument: 7 })],
    ['startTime', body({ startTime: 'yesterday' })],
    ['finishTime', body({ finishTime: -1 })],
    ['body', '[1,2]'],
    ['body', 'null'],
  ])('reports invalid_payload naming %s', (field, raw) => {
    const error = failure(raw);
    expect(error.code).toBe('invalid_payload');
    expect(error.message.startsWith(`${field} `)).toBe(true);
  });

  it('never puts a field’s value in the message', () => {
    const error = failure(body({ clientId: { name: 'SECRET-NAME' } }, { overall: 'SECRET-STATUS' }));
    expect(error.message).not.toContain('SECRET');
  });

  it('never throws, whatever it is given', () => {
    for (const raw of [undefined, null, 42, {}, new Uint8Array(0)] as unknown as string[]) {
      expect(parseIdenfyWebhook(raw).success).toBe(false);
    }
  });
});
