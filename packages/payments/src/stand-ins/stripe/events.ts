import { createHmac } from 'node:crypto';
import { randomId } from '../common/ids';

export interface EventRecord {
  readonly id: string;
  readonly type: string;
  readonly sessionId: string;
  readonly created: number;
  /** Serialized once: every delivery of the event sends these exact bytes. */
  readonly body: Uint8Array;
}

export const API_VERSION = '2026-10-28.endive';

/** An event in Stripe's envelope, its object frozen at the moment it happened. */
export function buildEvent(
  type: string,
  session: Record<string, unknown>,
  createdSeconds: number,
): EventRecord {
  const id = randomId('evt_', 24);
  const event = {
    id,
    object: 'event',
    api_version: API_VERSION,
    created: createdSeconds,
    data: { object: session },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
  return {
    id,
    type,
    sessionId: String(session.id),
    created: createdSeconds,
    body: new TextEncoder().encode(JSON.stringify(event)),
  };
}

/**
 * Stripe's scheme, written from its documentation: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`
 * keyed with the endpoint's secret.
 */
export function stripeSignature(secret: string, body: Uint8Array, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestampSeconds}.`, 'utf8');
  mac.update(body);
  return `t=${timestampSeconds},v1=${mac.digest('hex')}`;
}
