import { currencyDigits, formatAmount, formatMoney } from '@hero-onboarding/payments';
import { describe, expect, it } from 'vitest';
import { majorToMinor } from '../src/payments/money';

describe('amounts as people write them', () => {
  it('reads the major unit into minor units exactly, with the currency own decimals', () => {
    expect(majorToMinor('10.50', 'USD')).toBe(1050);
    expect(majorToMinor('10.5', 'USD')).toBe(1050);
    expect(majorToMinor(' 7 ', 'USD')).toBe(700);
    expect(majorToMinor('0.10', 'USD')).toBe(10);
    expect(majorToMinor('1,000.25', 'USD')).toBe(100025);
    expect(majorToMinor('12,345,678', 'USD')).toBe(1234567800);
    expect(majorToMinor('10.50', 'TZS')).toBe(1050);
    expect(majorToMinor('500', 'JPY')).toBe(500);
    expect(majorToMinor('1.234', 'KWD')).toBe(1234);
    // A float would make 0.29 * 100 = 28.999999999999996; digits never do.
    expect(majorToMinor('0.29', 'USD')).toBe(29);
    expect(majorToMinor('1.005', 'USD')).toBeUndefined();
  });

  it('refuses what cannot be paid exactly or is not plainly a number', () => {
    for (const text of [
      '',
      '10.505',
      '10,50',
      '1,00',
      '-5',
      '+5',
      '1e3',
      '10.',
      '.5',
      '10 USD',
      '$10',
      '1.5',
      'NaN',
    ])
      expect(majorToMinor(text, text === '1.5' ? 'JPY' : 'USD'), text).toBeUndefined();
    expect(majorToMinor('90071992547409.92', 'USD')).toBeUndefined(); // beyond a safe integer of cents
  });

  it('formats minor units per currency, grouped, exactly however large', () => {
    expect(formatMoney('2550', 'USD')).toBe('25.50 USD');
    expect(formatMoney('5', 'USD')).toBe('0.05 USD');
    expect(formatMoney(0, 'EUR')).toBe('0.00 EUR');
    expect(formatMoney('100000', 'USD')).toBe('1,000.00 USD');
    expect(formatMoney('500', 'JPY')).toBe('500 JPY');
    expect(formatMoney('1234', 'KWD')).toBe('1.234 KWD');
    expect(formatMoney('123456789012345678901', 'USD')).toBe('1,234,567,890,123,456,789.01 USD');
    expect(formatMoney('-250', 'USD')).toBe('-2.50 USD');
    expect(formatAmount('100000', 'TZS')).toBe('1,000.00');
  });

  it('knows how many decimals a currency has, and assumes two for one it does not know', () => {
    expect([
      currencyDigits('USD'),
      currencyDigits('TZS'),
      currencyDigits('JPY'),
      currencyDigits('KWD'),
    ]).toEqual([2, 2, 0, 3]);
    expect(currencyDigits('XYZ')).toBe(2);
    expect(currencyDigits('not a code')).toBe(2);
  });
});
