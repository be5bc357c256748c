import { createHmac, timingSafeEqual } from 'node:crypto';

// Written apart from the adapter's on purpose: two readings of ClickPesa's rule that must agree.
function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (typeof value !== 'object' || value === null) return value;
  const fields = value as Record<string, unknown>;
  // fromEntries defines own properties, so even a `__proto__` key stays data.
  return Object.fromEntries(
    Object.keys(fields)
      .sort()
      .map((key) => [key, sortedDeep(fields[key])]),
  );
}

/** ClickPesa's payload checksum: without `checksum`/`checksumMethod`, keys sorted deep, compact JSON, HMAC-SHA256 hex. */
export function signPayload(checksumKey: string, payload: Record<string, unknown>): string {
  const { checksum: _c, checksumMethod: _m, ...rest } = payload;
  return createHmac('sha256', checksumKey)
    .update(JSON.stringify(sortedDeep(rest)))
    .digest('hex');
}

export function payloadSigned(
  checksumKey: string,
  payload: Record<string, unknown>,
  checksum: unknown,
): boolean {
  if (typeof checksum !== 'string' || !/^[0-9a-f]{64}$/.test(checksum)) return false;
  return timingSafeEqual(Buffer.from(signPayload(checksumKey, payload), 'hex'), Buffer.from(checksum, 'hex'));
}
