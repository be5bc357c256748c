import type { StandInDelivery } from '../common/delivery';
import { randomId } from '../common/ids';
import { bad, ControlInputError, oneOf, optionalBoolean, wholeNumber } from '../common/input';
import type { ClickPesaStandInCore } from './core';
import type { ClickPesaPayOptions, ClickPesaStandInPayment } from './types';
import { webhookFor } from './webhook-body';

/** "10000" or "10.5" -> "10000.00" / "10.50": ClickPesa writes collected amounts with two decimals. */
function twoDecimals(amount: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${whole}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

/** The customer pays (or fails to) on the checkout: a payment record, then its webhook. */
export async function pay(
  core: ClickPesaStandInCore,
  orderReference: string,
  options: ClickPesaPayOptions = {},
): Promise<StandInDelivery[]> {
  const outcome = oneOf(options.outcome, 'outcome', ['success', 'failed'] as const) ?? 'success';
  const format = oneOf(options.format, 'format', ['current', 'legacy'] as const) ?? 'current';
  const checksumIn = oneOf(options.checksumIn, 'checksumIn', ['body', 'header'] as const) ?? 'body';
  const deliver = optionalBoolean(options.deliver, 'deliver') ?? true;
  const repeat = wholeNumber(options.repeat, 'repeat', 1, 20) ?? 1;
  if (options.collectedAmount !== undefined && !/^\d+(\.\d{1,2})?$/.test(options.collectedAmount)) {
    throw bad('collectedAmount must be a decimal like "5.00"');
  }
  const order = core.order(orderReference);
  if (order.linkExpired)
    throw new ControlInputError(`the checkout link of ${orderReference} has expired`, 409);
  if (order.payments.some((payment) => payment.status === 'SUCCESS' || payment.status === 'SETTLED')) {
    throw new ControlInputError(`order ${orderReference} is already paid`, 409);
  }
  const at = new Date(core.now()).toISOString();
  const payment: ClickPesaStandInPayment = {
    id: `${randomId('', 10).toUpperCase()}LCP2C95`,
    status: outcome === 'success' ? 'SUCCESS' : 'FAILED',
    paymentReference: randomId('', 12).toUpperCase(),
    collectedAmount: twoDecimals(options.collectedAmount ?? order.totalPrice),
    collectedCurrency: order.orderCurrency,
    channel: 'TIGO-PESA',
    message: outcome === 'success' ? 'Payment received' : 'Insufficient balance',
    createdAt: at,
    updatedAt: at,
  };
  order.payments.push(payment);
  const webhook = webhookFor(core.checksumKey, order, payment, { format, checksumIn });
  return core.emit(order, webhook, deliver ? repeat : 0);
}

function paidPayment(core: ClickPesaStandInCore, orderReference: string): ClickPesaStandInPayment {
  const payment = core.order(orderReference).payments.find((candidate) => candidate.status === 'SUCCESS');
  if (!payment) throw new ControlInputError(`order ${orderReference} has no SUCCESS payment`, 409);
  return payment;
}

/** SUCCESS -> SETTLED: the money reached the merchant's account (no webhook). */
export function settle(core: ClickPesaStandInCore, orderReference: string): void {
  const payment = paidPayment(core, orderReference);
  payment.status = 'SETTLED';
  payment.updatedAt = new Date(core.now()).toISOString();
}

/** The received payment goes back to the customer (no webhook): a lookup now reports REVERSED. */
export function reverse(core: ClickPesaStandInCore, orderReference: string): void {
  const order = core.order(orderReference);
  const payment = order.payments.find(
    (candidate) => candidate.status === 'SUCCESS' || candidate.status === 'SETTLED',
  );
  if (!payment) throw new ControlInputError(`order ${orderReference} has no received payment`, 409);
  payment.status = 'REVERSED';
  payment.updatedAt = new Date(core.now()).toISOString();
}

/** The checkout link stops working (its page answers 410); lookups stay as they were. */
export function expireLink(core: ClickPesaStandInCore, orderReference: string): void {
  core.order(orderReference).linkExpired = true;
}

export function redeliver(core: ClickPesaStandInCore, eventId: string, options: { times?: number } = {}) {
  return core.send(eventId, wholeNumber(options.times, 'times', 1, 20) ?? 1);
}
