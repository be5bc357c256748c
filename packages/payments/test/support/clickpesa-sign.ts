import { createHmac } from 'node:crypto';
import type { ReceivedWebhook } from './receiver';

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return Object.fromEntries(entries.map(([key, item]) => [key, sortDeep(item)]));
}

/** ClickPesa's documented checksum, written a third time for tests: sorted deep, compact, HMAC-SHA256 hex. */
export function clickPesaTestChecksum(key: string, payload: Record<string, unknown>): string {
  const { checksum: _c, checksumMethod: _m, ...rest } = payload;
  return createHmac('sha256', key)
    .update(JSON.stringify(sortDeep(rest)))
    .digest('hex');
}

/** A webhook body carrying its checksum, as ClickPesa sends them. */
export function clickPesaSigned(key: string, payload: Record<string, unknown>): ReceivedWebhook {
  const body = { ...payload, checksum: clickPesaTestChecksum(key, payload), checksumMethod: 'canonical' };
  return {
    body: new TextEncoder().encode(JSON.stringify(body)),
    headers: { 'content-type': 'application/json' },
  };
}
