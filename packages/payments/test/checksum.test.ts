import { describe, expect, it } from 'vitest';
import { canonicalJson, checksumMatches, clickPesaChecksum } from '../src/clickpesa/checksum';
import { signPayload } from '../src/stand-ins/clickpesa/checksum';
import { clickPesaTestChecksum } from './support/clickpesa-sign';

const KEY = 'secret-key';
const PAYLOADS: Record<string, unknown>[] = [
  // The example in ClickPesa's checksum documentation.
  {
    amount: 100,
    currency: 'USD',
    reference: 'TX123',
    exchange: { fromCurrency: 'TZS', toCurrency: 'TZS', rate: '1', amount: '1000' },
    customer: { name: 'John Doe', email: 'john@example.com', phone: '+255123456789' },
  },
  { z: [3, { b: 1, a: [{ d: null, c: true }] }], a: 'ü "quoted" \u2028 / \\', B: 1.5, _: -0 },
  JSON.parse('{"__proto__":{"polluted":1},"constructor":"x","10":"ten","9":"nine"}'),
  { event: 'PAYMENT RECEIVED', data: {}, empty: [] },
];

describe('ClickPesa checksum', () => {
  it('sorts keys at every level, keeps array order, and writes compact JSON', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });

  it('writes array-index keys first, in numeric order, as JavaScript (ClickPesa’s reference) does', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"10":2,"9":3,"a":4,"01":5}'))).toBe(
      '{"9":3,"10":2,"01":5,"a":4,"b":1}',
    );
  });

  it.each(PAYLOADS.map((payload, index) => [index, payload] as const))(
    'agrees with two independent implementations (payload %i)',
    (_index, payload) => {
      const ours = clickPesaChecksum(KEY, payload);
      expect(ours).toMatch(/^[0-9a-f]{64}$/);
      expect(signPayload(KEY, payload)).toBe(ours);
      expect(clickPesaTestChecksum(KEY, payload)).toBe(ours);
    },
  );

  it('leaves checksum and checksumMethod out, and is independent of key order', () => {
    const payload = { b: 2, a: 1 };
    const sum = clickPesaChecksum(KEY, payload);
    expect(clickPesaChecksum(KEY, { a: 1, b: 2, checksum: 'x', checksumMethod: 'canonical' })).toBe(sum);
    expect(checksumMatches(KEY, { a: 1, b: 2, checksum: sum }, sum)).toBe(true);
  });

  it('fails on another key, another value, or a checksum of the wrong shape', () => {
    const payload = { a: 1 };
    const sum = clickPesaChecksum(KEY, payload);
    expect(checksumMatches('other', payload, sum)).toBe(false);
    expect(checksumMatches(KEY, { a: 2 }, sum)).toBe(false);
    expect(checksumMatches(KEY, payload, sum.toUpperCase())).toBe(false);
    expect(checksumMatches(KEY, payload, sum.slice(1))).toBe(false);
    expect(checksumMatches(KEY, payload, '')).toBe(false);
  });
});
