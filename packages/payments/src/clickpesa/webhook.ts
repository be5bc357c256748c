import { createHash } from 'node:crypto';
import type { PaymentState, RawBody, WebhookReceipt } from '../provider';
import { clickPesaMoney } from './amounts';
import { canonicalJson, checksumMatches, checksumPayload } from './checksum';
import { ORDER_REFERENCE } from './order-reference';

/** Where a checksum may travel when it is not in the body (ClickPesa does not document one; these are seen). */
export const CLICKPESA_CHECKSUM_HEADERS = [
  'X-ClickPesa-Checksum',
  'X-ClickPesa-Signature',
  'Checksum',
] as const;

const EVENTS: Readonly<Record<string, PaymentState>> = {
  'PAYMENT RECEIVED': 'paid',
  'PAYMENT FAILED': 'failed',
};

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function parseBody(rawBody: RawBody): Fields | undefined {
  try {
    const json: unknown = JSON.parse(
      typeof rawBody === 'string' ? rawBody : new TextDecoder('utf-8', { fatal: true }).decode(rawBody),
    );
    return isObject(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

/** True when the checksum (body field first, then a header) holds for the canonical payload. */
function authentic(body: Fields, header: (name: string) => string | undefined, checksumKey: string): boolean {
  // Only the canonical method is documented well enough to verify; a body asking for another is refused.
  if (body.checksumMethod !== undefined && body.checksumMethod !== 'canonical') return false;
  const fromHeader = CLICKPESA_CHECKSUM_HEADERS.map((name) => header(name)).find(
    (value) => value !== undefined,
  );
  const received = typeof body.checksum === 'string' ? body.checksum : fromHeader;
  return received !== undefined && checksumMatches(checksumKey, body, received);
}

function eventKey(event: string, paymentId: string | undefined, body: Fields): string {
  const name = event.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  if (paymentId !== undefined) return `clickpesa:${name}:${paymentId}`;
  // No payment id to key on: the canonical body's hash is stable across redeliveries of the same content.
  return `clickpesa:${name}:sha256:${createHash('sha256')
    .update(canonicalJson(checksumPayload(body)))
    .digest('hex')}`;
}

/**
 * Verifies the checksum, then reads the event. The body is JSON that carries its own checksum, so a body
 * that is not JSON cannot be verified and is `forged`. Every notice is `trustworthy: false`: ClickPesa's
 * webhook documentation is too thin to credit on, so the server confirms with `lookup()` first.
 */
export function receiveClickPesaWebhook(
  checksumKey: string,
  rawBody: RawBody,
  header: (name: string) => string | undefined,
): WebhookReceipt {
  const body = parseBody(rawBody);
  if (!body || !authentic(body, header, checksumKey)) return { kind: 'forged' };
  // Current payloads say `event`; older ones said `eventType` (and `paymentId`, `amount`, `currency`).
  const event = text(body.event) ?? text(body.eventType);
  if (event === undefined) return { kind: 'malformed', message: 'event is missing' };
  const data = isObject(body.data) ? body.data : undefined;
  const paymentId = text(data?.id) ?? text(data?.paymentId);
  const state = EVENTS[event.toUpperCase()];
  if (state === undefined)
    return { kind: 'ignored', eventKey: eventKey(event, paymentId, body), eventType: event };
  if (data === undefined) return { kind: 'malformed', message: 'data is missing' };
  const orderReference = text(data.orderReference);
  if (orderReference === undefined || !ORDER_REFERENCE.test(orderReference)) {
    return { kind: 'malformed', message: 'data.orderReference is missing or not alphanumeric' };
  }
  const amount =
    clickPesaMoney(data.collectedAmount ?? data.amount, data.collectedCurrency ?? data.currency) ?? null;
  if (state === 'paid' && paymentId === undefined)
    return { kind: 'malformed', message: 'data.id is missing' };
  if (state === 'paid' && amount === null)
    return { kind: 'malformed', message: 'data.collectedAmount is missing' };
  return {
    kind: 'notice',
    eventKey: eventKey(event, paymentId, body),
    eventType: event,
    notice: { providerRef: orderReference, topUpId: null, state, paymentId: paymentId ?? null, amount },
    trustworthy: false,
  };
}
