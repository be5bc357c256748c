import { describe, expect, it } from 'vitest';
import { checkClickPesaAmount, clickPesaMoney, totalPrice } from '../src/clickpesa/amounts';
import { decimalToMinor, jsonAmountToMinor, minorToDecimal } from '../src/money';

describe('minor units <-> decimals, exactly', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [1050, '10.50'],
    [100_000, '1000.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%d minor units is "%s"', (minor, text) => {
    expect(minorToDecimal(minor)).toBe(text);
    expect(decimalToMinor(text)).toBe(minor);
  });

  it('handles other exponents', () => {
    expect(minorToDecimal(5, 0)).toBe('5');
    expect(minorToDecimal(5, 3)).toBe('0.005');
    expect(decimalToMinor('1.5', 3)).toBe(1500);
  });

  it('reads shorter and padded fractions, refuses what would lose money or is not a plain decimal', () => {
    expect(decimalToMinor('10.5')).toBe(1050);
    expect(decimalToMinor('10')).toBe(1000);
    expect(decimalToMinor('10.500')).toBe(1050);
    expect(decimalToMinor(' 7 ')).toBe(700);
    for (const bad of ['10.505', '-1', '1e3', '1,000', '', '.5', '5.', 'NaN', '0x10', '90071992547409.92']) {
      expect(decimalToMinor(bad)).toBeUndefined();
    }
  });

  it('refuses negative or unsafe minor units', () => {
    expect(() => minorToDecimal(-1)).toThrow(RangeError);
    expect(() => minorToDecimal(1.5)).toThrow(RangeError);
  });

  it('reads JSON numbers through their exact text, never by multiplying floats', () => {
    expect(jsonAmountToMinor(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996 in floats
    expect(jsonAmountToMinor(10000)).toBe(1_000_000);
    expect(jsonAmountToMinor(12.345)).toBeUndefined();
    expect(jsonAmountToMinor(1e21)).toBeUndefined();
    expect(jsonAmountToMinor(-1)).toBeUndefined();
    expect(jsonAmountToMinor(null)).toBeUndefined();
  });
});

describe("ClickPesa's amounts", () => {
  it('writes totalPrice in major units, without a needless .00', () => {
    expect(totalPrice({ amountMinor: 1_000_000, currency: 'TZS' })).toBe('10000');
    expect(totalPrice({ amountMinor: 1050, currency: 'USD' })).toBe('10.50');
    expect(totalPrice({ amountMinor: 7, currency: 'USD' })).toBe('0.07');
  });

  it('reads collected amounts as strings or numbers, in either case of currency', () => {
    expect(clickPesaMoney('10000.00', 'TZS')).toEqual({ amountMinor: 1_000_000, currency: 'TZS' });
    expect(clickPesaMoney(10000, 'tzs')).toEqual({ amountMinor: 1_000_000, currency: 'TZS' });
    expect(clickPesaMoney('10.5', 'USD')).toEqual({ amountMinor: 1050, currency: 'USD' });
    expect(clickPesaMoney('10.505', 'USD')).toBeUndefined();
    expect(clickPesaMoney('10', 'TZSX')).toBeUndefined();
    expect(clickPesaMoney(undefined, 'TZS')).toBeUndefined();
  });

  it('takes whole shillings and any cents of USD only', () => {
    expect(checkClickPesaAmount({ amountMinor: 100, currency: 'TZS' })).toEqual({ ok: true });
    expect(checkClickPesaAmount({ amountMinor: 101, currency: 'TZS' })).toMatchObject({
      ok: false,
      field: 'amount',
    });
    expect(checkClickPesaAmount({ amountMinor: 101, currency: 'USD' })).toEqual({ ok: true });
    expect(checkClickPesaAmount({ amountMinor: 100, currency: 'KES' })).toMatchObject({
      ok: false,
      field: 'currency',
    });
  });
});
