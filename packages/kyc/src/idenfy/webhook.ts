import { userIdFromClientId } from '../client-id';
import type { KycWebhook, ParseResult, RawBody } from '../provider';
import {
  asObject,
  FieldError,
  nullableString,
  optionalSeconds,
  overallStatus,
  requiredBoolean,
  requiredString,
  stringList,
} from './fields';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeJson(rawBody: RawBody): { ok: true; value: unknown } | { ok: false } {
  try {
    const text = typeof rawBody === 'string' ? rawBody : utf8.decode(rawBody);
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function readWebhook(value: unknown): KycWebhook {
  const body = asObject(value, 'body');
  const status = asObject(body.status, 'status');
  const clientId = requiredString(body, 'clientId');
  const webhook: KycWebhook = {
    scanRef: requiredString(body, 'scanRef'),
    clientId,
    userId: userIdFromClientId(clientId),
    final: requiredBoolean(body, 'final'),
    overall: overallStatus(status, 'overall', 'status.overall'),
    suspicionReasons: stringList(status, 'suspicionReasons', 'status.suspicionReasons'),
    denyReasons: stringList(status, 'denyReasons', 'status.denyReasons'),
    fraudTags: stringList(status, 'fraudTags', 'status.fraudTags'),
    mismatchTags: stringList(status, 'mismatchTags', 'status.mismatchTags'),
    autoDocument: nullableString(status, 'autoDocument', 'status.autoDocument'),
    autoFace: nullableString(status, 'autoFace', 'status.autoFace'),
    manualDocument: nullableString(status, 'manualDocument', 'status.manualDocument'),
    manualFace: nullableString(status, 'manualFace', 'status.manualFace'),
  };
  const startTime = optionalSeconds(body, 'startTime');
  const finishTime = optionalSeconds(body, 'finishTime');
  if (startTime !== undefined) webhook.startTime = new Date(startTime * 1000);
  if (finishTime !== undefined) webhook.finishTime = new Date(finishTime * 1000);
  return webhook;
}

/**
 * Parses an iDenfy result webhook. Check the signature over the same bytes first.
 * Personal `data`, file URLs and AML/LID blocks are ignored, never copied.
 *
 * @example
 * const parsed = parseIdenfyWebhook(raw);
 * if (!parsed.success) return c.json({ error: parsed.error }, 400);
 */
export function parseIdenfyWebhook(rawBody: RawBody): ParseResult<KycWebhook> {
  const decoded = decodeJson(rawBody);
  if (!decoded.ok) {
    return { success: false, error: { code: 'malformed_json', message: 'body is not valid UTF-8 JSON' } };
  }
  try {
    return { success: true, data: readWebhook(decoded.value) };
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    return { success: false, error: { code: 'invalid_payload', message: error.message } };
  }
}
