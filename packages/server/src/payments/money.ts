import { currencyDigits, decimalToMinor } from '@hero-onboarding/payments';

/**
 * A person's amount in the currency's major unit (`"10.50"`, `"1,000"`, `"7"`) in minor units, exactly:
 * integer arithmetic on the digits. Undefined for anything else: a sign, an exponent, a comma as the
 * decimal mark, or more decimals than the currency has (`"10.505"` USD cannot be paid exactly).
 */
export function majorToMinor(text: string, currency: string): number | undefined {
  const trimmed = text.trim();
  // Thousands separators only where they belong ("1,000.50"), so "10,50" is refused, not read as 1050.
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? trimmed.replaceAll(',', '') : trimmed;
  return decimalToMinor(plain, currencyDigits(currency));
}
