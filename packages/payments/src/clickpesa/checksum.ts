import { createHmac, timingSafeEqual } from 'node:crypto';

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
const isIndex = (key: string) => ARRAY_INDEX.test(key) && Number(key) < 2 ** 32 - 1;

/**
 * The order JSON.stringify writes an object built by inserting `keys` sorted: JavaScript puts array-index
 * keys ("9", "10") first in numeric order, then the rest in insertion (here: sorted) order. ClickPesa's
 * reference implementation is that JavaScript, so its checksums follow this order.
 */
function javascriptKeyOrder(keys: string[]): string[] {
  const indexes = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((key) => !isIndex(key)).sort()];
}

/**
 * ClickPesa's canonical form: object keys sorted (UTF-16 order, as JavaScript's `sort()`) at every level,
 * arrays in their order, compact, with JSON.stringify's escaping. Written out directly rather than by
 * rebuilding objects, so a `__proto__` key in a parsed body stays an ordinary key.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = value as Record<string, unknown>;
    const members = javascriptKeyOrder(Object.keys(fields))
      .filter((key) => fields[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(fields[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Everything the checksum covers: the payload without its `checksum` and `checksumMethod`. */
export function checksumPayload(body: Record<string, unknown>): Record<string, unknown> {
  const { checksum: _checksum, checksumMethod: _method, ...rest } = body;
  return rest;
}

/** HMAC-SHA256 of the canonical form with the checksum key, lower-case hex. */
export function clickPesaChecksum(checksumKey: string, payload: Record<string, unknown>): string {
  return createHmac('sha256', checksumKey)
    .update(canonicalJson(checksumPayload(payload)), 'utf8')
    .digest('hex');
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Constant-time: a checksum of the wrong shape is refused before comparing. */
export function checksumMatches(
  checksumKey: string,
  payload: Record<string, unknown>,
  received: string,
): boolean {
  if (!HEX64.test(received)) return false;
  const expected = Buffer.from(clickPesaChecksum(checksumKey, payload), 'hex');
  return timingSafeEqual(expected, Buffer.from(received, 'hex'));
}
