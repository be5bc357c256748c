import type { StandInDelivery } from '../common/delivery';
import { randomId } from '../common/ids';
import { bad, ControlInputError, oneOf, optionalBoolean, wholeNumber } from '../common/input';
import type { StripeStandInCore } from './core';
import type { SessionRecord } from './store';
import type { DeliverOptions, PayLaterOptions, PayOptions, RedeliverOptions } from './types';

function mustBe(record: SessionRecord, status: SessionRecord['status']): void {
  if (record.status !== status) {
    throw new ControlInputError(`Checkout Session ${record.id} is ${record.status}, not ${status}`, 409);
  }
}

function deliverOptions(options: DeliverOptions): DeliverOptions {
  const deliver = optionalBoolean(options.deliver, 'deliver');
  const repeat = wholeNumber(options.repeat, 'repeat', 1, 20);
  return { ...(deliver === undefined ? {} : { deliver }), ...(repeat === undefined ? {} : { repeat }) };
}

/** A card payment that succeeds at once: complete + paid, then `checkout.session.completed`. */
export function pay(
  core: StripeStandInCore,
  id: string,
  options: PayOptions = {},
): Promise<StandInDelivery[]> {
  const record = core.session(id);
  mustBe(record, 'open');
  const amount = wholeNumber(options.amountTotal, 'amountTotal', 0, Number.MAX_SAFE_INTEGER);
  if (options.currency !== undefined && !/^[a-z]{3}$/.test(options.currency))
    throw bad('currency must be 3 lower-case letters');
  record.status = 'complete';
  record.paymentStatus = 'paid';
  record.paymentIntent = { id: randomId('pi_', 24), status: 'succeeded' };
  if (amount !== undefined) record.reportedAmount = amount;
  if (options.currency !== undefined) record.reportedCurrency = options.currency;
  return core.emit('checkout.session.completed', record, deliverOptions(options));
}

/** An async method (bank debit): the async result, and which event it sends. */
export function settle(
  core: StripeStandInCore,
  id: string,
  outcome: 'succeeded' | 'failed',
  options: DeliverOptions = {},
): Promise<StandInDelivery[]> {
  const record = core.session(id);
  if (record.paymentIntent?.status !== 'processing') {
    throw new ControlInputError(`Checkout Session ${id} has no payment processing`, 409);
  }
  checkedOutcome(outcome);
  record.paymentIntent.status = outcome === 'succeeded' ? 'succeeded' : 'requires_payment_method';
  record.paymentStatus = outcome === 'succeeded' ? 'paid' : 'unpaid';
  const type = `checkout.session.async_payment_${outcome}`;
  return core.emit(type, record, deliverOptions(options));
}

function checkedOutcome(value: unknown): 'succeeded' | 'failed' {
  const outcome = oneOf(value, 'outcome', ['succeeded', 'failed'] as const);
  if (outcome === undefined) throw bad('outcome must be one of succeeded, failed');
  return outcome;
}

/** Completes with `payment_status: unpaid` (PaymentIntent processing); optionally settles right away. */
export async function payLater(
  core: StripeStandInCore,
  id: string,
  options: PayLaterOptions = {},
): Promise<StandInDelivery[]> {
  const record = core.session(id);
  mustBe(record, 'open');
  const outcome = oneOf(options.outcome, 'outcome', ['succeeded', 'failed'] as const);
  const outOfOrder = optionalBoolean(options.outOfOrder, 'outOfOrder') ?? false;
  if (outOfOrder && outcome === undefined) throw bad('outOfOrder needs an outcome');
  const delivery = deliverOptions(options);
  record.status = 'complete';
  record.paymentIntent = { id: randomId('pi_', 24), status: 'processing' };
  if (!outOfOrder) {
    const completed = await core.emit('checkout.session.completed', record, delivery);
    return outcome === undefined ? completed : [...completed, ...(await settle(core, id, outcome, delivery))];
  }
  // Record `completed` as it was, send the async result, then `completed`: a retry arriving late.
  const completed = core.record('checkout.session.completed', record);
  const result = await settle(core, id, outcome as 'succeeded' | 'failed', delivery);
  if (delivery.deliver === false) return result;
  return [...result, ...(await core.send(completed, delivery.repeat ?? 1, 0))];
}

/** Expires an open session now (as its `expires_at` would), sending `checkout.session.expired`. */
export function expire(
  core: StripeStandInCore,
  id: string,
  options: DeliverOptions = {},
): Promise<StandInDelivery[]> {
  const record = core.session(id);
  mustBe(record, 'open');
  record.status = 'expired';
  return core.emit('checkout.session.expired', record, deliverOptions(options));
}

export function redeliver(
  core: StripeStandInCore,
  eventId: string,
  options: RedeliverOptions = {},
): Promise<StandInDelivery[]> {
  const times = wholeNumber(options.times, 'times', 1, 20) ?? 1;
  const ago = wholeNumber(options.signedSecondsAgo, 'signedSecondsAgo', 0, 10 * 365 * 86_400) ?? 0;
  return core.send(core.event(eventId), times, ago);
}

export { checkedOutcome };
