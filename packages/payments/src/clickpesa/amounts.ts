import { checkAmountWith } from '../checkout-request';
import { decimalToMinor, jsonAmountToMinor, minorToDecimal } from '../money';
import type { AmountCheck, Money } from '../provider';

/** The only currencies ClickPesa's checkout link takes. */
export const CLICKPESA_CURRENCIES = ['TZS', 'USD'] as const;

// Both have two decimal places in ISO 4217; ClickPesa writes amounts in major units ("10000.00" TZS).
const EXPONENT = 2;

/**
 * TZS must be whole shillings: mobile money moves no cents, and the payment-status call reports
 * `collectedAmount` as an integer, so a fractional shilling could never be matched exactly. USD may carry cents.
 */
function clickPesaPrecision(amount: Money): AmountCheck {
  if (amount.currency === 'TZS' && amount.amountMinor % 100 !== 0) {
    return {
      ok: false,
      field: 'amount',
      message: 'TZS amounts must be whole shillings (a multiple of 100 cents)',
    };
  }
  return { ok: true };
}

export function checkClickPesaAmount(amount: Money): AmountCheck {
  return checkAmountWith(amount, CLICKPESA_CURRENCIES, clickPesaPrecision);
}

/** Minor units -> ClickPesa's `totalPrice`, exact: 1000000 TZS cents -> "10000", 1050 USD cents -> "10.50". */
export function totalPrice(amount: Money): string {
  const text = minorToDecimal(amount.amountMinor, EXPONENT);
  return text.endsWith('.00') ? text.slice(0, -3) : text;
}

/** ClickPesa's amount (a decimal string, or an integer in the status call) and currency -> `Money`, exactly. */
export function clickPesaMoney(amount: unknown, currency: unknown): Money | undefined {
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) return undefined;
  const minor =
    typeof amount === 'string' ? decimalToMinor(amount, EXPONENT) : jsonAmountToMinor(amount, EXPONENT);
  return minor === undefined ? undefined : { amountMinor: minor, currency: currency.toUpperCase() };
}
