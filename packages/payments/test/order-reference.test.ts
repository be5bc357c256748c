import { describe, expect, it } from 'vitest';
import { makeOrderReference, ORDER_REFERENCE } from '../src/clickpesa/order-reference';

describe('ClickPesa order references', () => {
  const topUpId = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('are the top-up id’s letters and digits, the time in base 36, and 8 random characters', () => {
    const reference = makeOrderReference(topUpId, 1_767_225_600_000, () => 'Ab3dEf9H');
    expect(reference).toBe(`0f8fad5bd9cb469fa16570867728950eT${(1_767_225_600_000).toString(36)}Ab3dEf9H`);
    expect(reference).toMatch(ORDER_REFERENCE);
  });

  it('are letters and digits only, and differ on every call even at the same millisecond', () => {
    const references = Array.from({ length: 1000 }, () => makeOrderReference(topUpId, 1_767_225_600_000));
    for (const reference of references) expect(reference).toMatch(/^[A-Za-z0-9]+$/);
    expect(new Set(references).size).toBe(1000);
  });

  it('keep at most 40 characters of the id and refuse an id with nothing to keep', () => {
    const long = makeOrderReference('x'.repeat(200), 0, () => 'AAAAAAAA');
    expect(long).toBe(`${'x'.repeat(40)}T0AAAAAAAA`);
    expect(() => makeOrderReference('---', 0)).toThrow(RangeError);
    expect(() => makeOrderReference(topUpId, -1)).toThrow(RangeError);
  });
});
