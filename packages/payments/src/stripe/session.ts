import type { Money, PaymentNotice, PaymentState } from '../provider';

/** What we read from a Checkout Session, whether it came in a webhook or from a retrieve. */
export interface SessionFacts {
  readonly id: string;
  readonly status: 'open' | 'complete' | 'expired';
  readonly paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  readonly paymentIntentId: string | null;
  /** Only when the PaymentIntent was expanded (lookups). */
  readonly paymentIntentStatus: string | null;
  readonly topUpId: string | null;
  readonly amount: Money | null;
}

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function amountOf(session: Fields): Money | null {
  const total = session.amount_total;
  const currency = session.currency;
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) return null;
  if (typeof currency !== 'string' || !/^[a-zA-Z]{3}$/.test(currency)) return null;
  return { amountMinor: total, currency: currency.toUpperCase() };
}

/** Reads the fields we use, or names the first one that is missing or unexpected. */
export function readSession(
  value: unknown,
): { ok: true; facts: SessionFacts } | { ok: false; field: string } {
  if (!isObject(value) || value.object !== 'checkout.session') return { ok: false, field: 'object' };
  const id = text(value.id);
  if (id === null) return { ok: false, field: 'id' };
  const status = oneOf(value.status, ['open', 'complete', 'expired'] as const);
  if (!status) return { ok: false, field: 'status' };
  const paymentStatus = oneOf(value.payment_status, ['paid', 'unpaid', 'no_payment_required'] as const);
  if (!paymentStatus) return { ok: false, field: 'payment_status' };
  const intent = value.payment_intent;
  if (intent !== null && intent !== undefined && !isObject(intent) && typeof intent !== 'string') {
    return { ok: false, field: 'payment_intent' };
  }
  const metadata = isObject(value.metadata) ? value.metadata : {};
  return {
    ok: true,
    facts: {
      id,
      status,
      paymentStatus,
      paymentIntentId: isObject(intent) ? text(intent.id) : text(intent),
      paymentIntentStatus: isObject(intent) ? text(intent.status) : null,
      topUpId: text(value.client_reference_id) ?? text(metadata.top_up_id),
      amount: amountOf(value),
    },
  };
}

/** Where a session's payment stands when we ask (retrieve with the PaymentIntent expanded). */
export function lookupState(facts: SessionFacts): PaymentState {
  if (facts.status === 'open') return 'pending';
  if (facts.status === 'expired') return 'expired';
  if (facts.paymentStatus === 'paid') return 'paid';
  // Complete but unpaid: an async method (bank debit) still settling, or one that failed.
  if (facts.paymentStatus === 'unpaid') {
    const intent = facts.paymentIntentStatus;
    return intent === 'requires_payment_method' || intent === 'canceled' ? 'failed' : 'pending';
  }
  // no_payment_required: nothing was collected, so nothing may be credited.
  return 'failed';
}

/** The port's notice, or the field that makes it unusable (a `paid` notice must carry its payment and amount). */
export function sessionNotice(
  facts: SessionFacts,
  state: PaymentState,
): { ok: true; notice: PaymentNotice } | { ok: false; field: string } {
  if (state === 'paid' && facts.paymentIntentId === null) return { ok: false, field: 'payment_intent' };
  if (state === 'paid' && facts.amount === null) return { ok: false, field: 'amount_total' };
  return {
    ok: true,
    notice: {
      providerRef: facts.id,
      topUpId: facts.topUpId,
      state,
      paymentId: facts.paymentIntentId,
      amount: facts.amount,
    },
  };
}
