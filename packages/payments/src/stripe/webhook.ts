import Stripe from 'stripe';
import type { PaymentState, RawBody, WebhookReceipt } from '../provider';
import { readSession, sessionNotice } from './session';

export const STRIPE_SIGNATURE_HEADER = 'Stripe-Signature';

type SessionEvent =
  | 'checkout.session.completed'
  | 'checkout.session.async_payment_succeeded'
  | 'checkout.session.async_payment_failed'
  | 'checkout.session.expired';

const HANDLED: readonly SessionEvent[] = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
];

function stateFor(type: SessionEvent, paymentStatus: string): PaymentState {
  switch (type) {
    case 'checkout.session.completed':
      // An async method (bank debit) completes the session before the money arrives.
      return paymentStatus === 'paid' ? 'paid' : 'pending';
    case 'checkout.session.async_payment_succeeded':
      return 'paid';
    case 'checkout.session.async_payment_failed':
      return 'failed';
    case 'checkout.session.expired':
      return 'expired';
  }
}

export interface StripeWebhookInput {
  readonly webhookSecret: string;
  readonly now: () => number;
}

/**
 * Verifies with the SDK's `constructEvent` over the exact bytes (Stripe's default 300 s tolerance), then
 * reads the event. Any verification failure is `forged`; the SDK only parses after the signature holds, so
 * a parse failure after that is `malformed`.
 */
export function receiveStripeWebhook(
  input: StripeWebhookInput,
  rawBody: RawBody,
  header: (name: string) => string | undefined,
): WebhookReceipt {
  const signature = header(STRIPE_SIGNATURE_HEADER);
  if (signature === undefined || signature === '') return { kind: 'forged' };
  const payload = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody);
  let event: unknown;
  try {
    event = Stripe.webhooks.constructEvent(
      payload,
      signature,
      input.webhookSecret,
      undefined,
      undefined,
      input.now(),
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) return { kind: 'forged' };
    return { kind: 'malformed', message: 'the signed body is not a JSON event' };
  }
  if (typeof event !== 'object' || event === null)
    return { kind: 'malformed', message: 'event is not an object' };
  const { id, type, data } = event as { id?: unknown; type?: unknown; data?: { object?: unknown } };
  if (typeof id !== 'string' || id === '') return { kind: 'malformed', message: 'event id is missing' };
  if (typeof type !== 'string' || type === '') return { kind: 'malformed', message: 'event type is missing' };
  const handled = HANDLED.find((candidate) => candidate === type);
  if (!handled) return { kind: 'ignored', eventKey: id, eventType: type };
  const read = readSession(data?.object);
  if (!read.ok) return { kind: 'malformed', message: `data.object.${read.field} is missing or unexpected` };
  const made = sessionNotice(read.facts, stateFor(handled, read.facts.paymentStatus));
  if (!made.ok) return { kind: 'malformed', message: `data.object.${made.field} is missing` };
  return { kind: 'notice', eventKey: id, eventType: type, notice: made.notice, trustworthy: true };
}
