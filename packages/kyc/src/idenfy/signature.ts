import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RawBody } from '../provider';

/** The header iDenfy signs its webhooks with. */
export const IDENFY_SIGNATURE_HEADER = 'Idenfy-Signature';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

function toBytes(body: RawBody): Buffer {
  return typeof body === 'string'
    ? Buffer.from(body, 'utf8')
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/**
 * The `Idenfy-Signature` value for a body: lowercase hex HMAC-SHA256 of its raw bytes.
 *
 * @example
 * fetch(callbackUrl, { method: 'POST', body, headers: { 'Idenfy-Signature': signWebhookBody(body, secret) } });
 */
export function signWebhookBody(rawBody: RawBody, secret: string): string {
  return createHmac('sha256', secret).update(toBytes(rawBody)).digest('hex');
}

/**
 * True only when `signature` is the HMAC of exactly these bytes under `secret`. Never throws:
 * a missing, short, garbled or uppercase signature, or an empty secret (which anyone could sign
 * with), is simply `false`.
 */
export function verifyWebhookSignature(
  rawBody: RawBody,
  signature: string | undefined,
  secret: string,
): boolean {
  if (typeof signature !== 'string' || !HEX_SHA256.test(signature)) return false;
  if (typeof secret !== 'string' || secret.length === 0) return false;
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) return false;
  const expected = createHmac('sha256', secret).update(toBytes(rawBody)).digest();
  // Both are 32 bytes here (the regex fixed the length), as timingSafeEqual requires.
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
