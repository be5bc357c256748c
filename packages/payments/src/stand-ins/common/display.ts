/** A human amount for a stand-in page, e.g. "$12.34" (display only: nothing is computed from it). */
export function displayAmount(amountMinor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amountMinor / 10 ** digits);
  } catch {
    return `${amountMinor} ${currency.toUpperCase()} (minor units)`;
  }
}
