import { PaymentProviderError } from './errors';
import { moneyProblem } from './money';
import type { AmountCheck, CheckoutRequest, Money } from './provider';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function httpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

function boundedText(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max;
}

/**
 * A provider's `checkAmount`: the shared rules (positive safe integer, ISO-shaped code), then the
 * provider's currency list and its own rule, if any.
 */
export function checkAmountWith(
  amount: Money,
  currencies: readonly string[] | 'any',
  extra?: (amount: Money) => AmountCheck,
): AmountCheck {
  const problem = moneyProblem(amount);
  if (problem) return { ok: false, ...problem };
  if (currencies !== 'any' && !currencies.includes(amount.currency)) {
    return { ok: false, field: 'currency', message: `the currency must be one of ${currencies.join(', ')}` };
  }
  return extra ? extra(amount) : { ok: true };
}

/**
 * Refuses, before anything is sent, a request no provider should receive. Messages name the field, never
 * its value.
 */
export function assertCheckoutRequest(provider: string, request: CheckoutRequest, amount: AmountCheck): void {
  const refuse = (message: string) =>
    new PaymentProviderError('invalid_request', `${provider} createCheckout: ${message}`);
  if (!boundedText(request.topUpId, 200)) throw refuse('topUpId must be 1-200 characters');
  if (!boundedText(request.idempotencyKey, 255)) throw refuse('idempotencyKey must be 1-255 characters');
  if (!amount.ok) throw refuse(amount.message);
  for (const field of ['returnUrl', 'cancelUrl', 'callbackUrl'] as const) {
    if (!httpUrl(request[field])) throw refuse(`${field} must be an absolute http(s) URL`);
  }
  if (request.customerEmail !== undefined && !EMAIL.test(request.customerEmail)) {
    throw refuse('customerEmail is not an email address');
  }
  if (request.description !== undefined && !boundedText(request.description, 200)) {
    throw refuse('description must be 1-200 characters');
  }
}
