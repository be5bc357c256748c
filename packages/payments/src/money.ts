import type { Money } from './provider';

/**
 * Exact conversions between minor units and decimal strings: integer arithmetic on digits, never floats.
 * `exponent` is the number of decimal places (ISO 4217's "minor unit"; 2 for TZS and USD).
 */

const CURRENCY = /^[A-Z]{3}$/;

/** A problem with a `Money` value, or undefined when it is a positive safe integer of an ISO-shaped currency. */
export function moneyProblem(money: Money): { field: 'amount' | 'currency'; message: string } | undefined {
  if (!Number.isSafeInteger(money.amountMinor) || money.amountMinor <= 0) {
    return { field: 'amount', message: 'the amount must be a positive whole number of minor units' };
  }
  if (typeof money.currency !== 'string' || !CURRENCY.test(money.currency)) {
    return { field: 'currency', message: 'the currency must be an upper-case ISO 4217 code' };
  }
  return undefined;
}

/**
 * `1050` with exponent 2 -> `"10.50"`; `100000` -> `"1000.00"`; `5` with exponent 0 -> `"5"`.
 * @throws RangeError for a negative or unsafe integer.
 */
export function minorToDecimal(amountMinor: number, exponent = 2): string {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) {
    throw new RangeError('amountMinor must be a non-negative safe integer');
  }
  if (exponent === 0) return String(amountMinor);
  const digits = String(amountMinor).padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * `"10.5"` -> 1050, `"10000.00"` -> 1000000, `"7"` -> 700 (exponent 2). Undefined for anything that is not
 * a plain non-negative decimal, that has non-zero digits beyond `exponent` places, or that does not fit a
 * safe integer: such a value cannot be credited exactly.
 */
export function decimalToMinor(text: string, exponent = 2): number | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (/[1-9]/.test(fraction.slice(exponent))) return undefined;
  const minor =
    BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.slice(0, exponent).padEnd(exponent, '0'));
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : undefined;
}

/**
 * A JSON amount (a decimal string, or a number as a JSON parser produced it) in minor units. Numbers go
 * through their shortest round-trip text, which is exact for every amount a payment API writes (`12.34`).
 */
export function jsonAmountToMinor(value: unknown, exponent = 2): number | undefined {
  if (typeof value === 'string') return decimalToMinor(value, exponent);
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    const text = String(value);
    return /e/i.test(text) ? undefined : decimalToMinor(text, exponent);
  }
  return undefined;
}

/**
 * How many decimals a currency's minor unit has (ISO 4217 via the runtime's CLDR data): 2 for USD and TZS,
 * 0 for JPY, 3 for KWD; 2 for a code the runtime does not know, as most currencies have.
 */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** `"105000"` USD -> `"1,050.00 USD"` (see formatAmount). */
export function formatMoney(amountMinor: string | number, currency: string): string {
  return `${formatAmount(amountMinor, currency)} ${currency}`;
}

/**
 * `"105000"` USD -> `"1,050.00"`. Exact for any size: the digits are placed as text and Intl formats the
 * decimal string itself (never a float), with the currency's own number of decimals.
 */
export function formatAmount(amountMinor: string | number, currency: string): string {
  const digits = currencyDigits(currency);
  const text = String(amountMinor);
  const negative = text.startsWith('-');
  const magnitude = negative ? text.slice(1) : text;
  const padded = magnitude.padStart(digits + 1, '0');
  const decimal = digits === 0 ? padded : `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
  const grouped = new Intl.NumberFormat('en', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(decimal as Intl.StringNumericLiteral); // Intl.NumberFormat v3: a decimal string, exactly
  return `${negative ? '-' : ''}${grouped}`;
}
