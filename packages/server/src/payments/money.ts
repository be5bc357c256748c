import { decimalToMinor } from '@hero-onboarding/payments';

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
