import {
  currencyDigits,
  formatMoney,
  type Money,
  PAYMENT_PROVIDER_NAMES,
  type PaymentProvider,
} from '@hero-onboarding/payments';
import type { PaymentsConfig } from '../config';
import type { PaymentProviders } from '../context';
import { AppError } from '../http/errors';
import { majorToMinor } from './money';

export interface TopUpInput {
  readonly provider: PaymentProvider;
  readonly amount: Money;
}

type Field = 'amount' | 'currency' | 'provider';

const refuse = (field: Field, message: string) =>
  new AppError(400, `invalid_${field}`, message, {}, { field });

/**
 * Reads `amount` (minor units: a whole number, or its digits from a form) or `amount_decimal` (the
 * currency's major unit as a person writes it, "10.50": what the page's form sends), `currency` (ISO 4217,
 * any case, from TOPUP_CURRENCIES) and `provider` (default: stripe, or the only one configured). Every
 * refusal is a 400 naming the field; nothing is created and no provider is called before this passes.
 */
export function readTopUpInput(
  body: Record<string, unknown>,
  config: PaymentsConfig,
  providers: PaymentProviders,
): TopUpInput {
  const provider = readProvider(body.provider, providers);
  let amountMinor: number;
  let currency: string;
  if ('amount_decimal' in body) {
    if (body.amount !== undefined && body.amount !== '')
      throw refuse('amount', 'Send "amount" (minor units) or "amount_decimal", not both.');
    currency = readCurrency(body.currency, config); // first: how many decimals an amount may have depends on it
    amountMinor = readDecimalAmount(body.amount_decimal, currency, config);
  } else {
    amountMinor = readAmount(body.amount, config);
    currency = readCurrency(body.currency, config);
  }
  const amount = { amountMinor, currency };
  const check = provider.checkAmount(amount);
  if (!check.ok) throw refuse(check.field, `${provider.name} cannot take this top-up: ${check.message}.`);
  return { provider, amount };
}

function readProvider(value: unknown, providers: PaymentProviders): PaymentProvider {
  const available = PAYMENT_PROVIDER_NAMES.filter((name) => providers[name] !== undefined);
  if (value === undefined || value === '') {
    const only = available.length === 1 ? available[0] : undefined;
    const fallback = providers.stripe ?? (only === undefined ? undefined : providers[only]);
    if (fallback !== undefined) return fallback;
    throw refuse(
      'provider',
      `"provider" is required: one of ${available.join(', ') || '(none configured)'}.`,
    );
  }
  const name = PAYMENT_PROVIDER_NAMES.find((n) => n === value);
  const chosen = name === undefined ? undefined : providers[name];
  if (chosen === undefined)
    throw refuse('provider', `"provider" must be one of ${available.join(', ') || '(none configured)'}.`);
  return chosen;
}

function readAmount(value: unknown, config: PaymentsConfig): number {
  const amount =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,15}$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isSafeInteger(amount))
    throw refuse(
      'amount',
      '"amount" is required: a whole number of minor units (cents), such as 1000 for 10.00.',
    );
  if (amount < config.minCents || amount > config.maxCents)
    throw refuse('amount', `"amount" must be between ${config.minCents} and ${config.maxCents} minor units.`);
  return amount;
}

function readDecimalAmount(value: unknown, currency: string, config: PaymentsConfig): number {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  if (text.trim() === '') throw refuse('amount', 'Enter an amount, such as 10.50.');
  const amount = majorToMinor(text, currency);
  if (amount === undefined) {
    const digits = currencyDigits(currency);
    const decimals = digits === 0 ? 'whole numbers only' : `at most ${digits} decimals, after a dot`;
    throw refuse('amount', `Enter the amount as a number such as 10.50 (${currency}: ${decimals}).`);
  }
  if (amount < config.minCents || amount > config.maxCents)
    throw refuse(
      'amount',
      `The amount must be from ${formatMoney(config.minCents, currency)} to ${formatMoney(config.maxCents, currency)}.`,
    );
  return amount;
}

function readCurrency(value: unknown, config: PaymentsConfig): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(code) || !config.currencies.includes(code))
    throw refuse('currency', `"currency" must be one of ${config.currencies.join(', ')}.`);
  return code;
}
