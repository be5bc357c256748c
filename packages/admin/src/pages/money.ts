/**
 * Minor units (the server's decimal strings: i64, never a JS number) as an amount with its currency:
 * `"123456"`, `"USD"` -> `"1,234.56 USD"`. Every currency we take has two decimal places (the server's
 * `*_cents`); digits are moved as text, so no amount is ever rounded.
 */
export function formatCents(amountCents: string, currency: string): string {
  const negative = amountCents.startsWith('-');
  const digits = (negative ? amountCents.slice(1) : amountCents).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${digits.slice(-2)} ${currency}`;
}
