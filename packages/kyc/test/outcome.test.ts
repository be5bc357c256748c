import { describe, expect, it } from 'vitest';
import { kycOutcome } from '../src/outcome';
import { KYC_OVERALL_STATUSES } from '../src/provider';

describe('kycOutcome', () => {
  it.each([
    ['APPROVED', 'completed'],
    ['SUSPECTED', 'completed'],
    ['DENIED', 'failed'],
    ['EXPIRED', 'expired'],
    ['REVIEWING', 'in_progress'],
    ['ACTIVE', 'in_progress'],
  ] as const)('maps a final %s to %s', (overall, outcome) => {
    expect(kycOutcome(overall, true)).toBe(outcome);
  });

  it('fails a final SUSPECTED when suspected results do not complete', () => {
    expect(kycOutcome('SUSPECTED', true, { suspectedCompletes: false })).toBe('failed');
    expect(kycOutcome('SUSPECTED', true, { suspectedCompletes: true })).toBe('completed');
  });

  it('keeps every non-final result in progress, except EXPIRED', () => {
    for (const overall of KYC_OVERALL_STATUSES) {
      const expected = overall === 'EXPIRED' ? 'expired' : 'in_progress';
      expect(kycOutcome(overall, false)).toBe(expected);
      expect(kycOutcome(overall, false, { suspectedCompletes: false })).toBe(expected);
    }
  });

  it('does not let the setting touch anything but SUSPECTED', () => {
    for (const overall of KYC_OVERALL_STATUSES.filter((s) => s !== 'SUSPECTED')) {
      expect(kycOutcome(overall, true, { suspectedCompletes: false })).toBe(kycOutcome(overall, true));
    }
  });
});
