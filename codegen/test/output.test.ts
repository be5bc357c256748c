import { describe, expect, it } from 'vitest';
import { shortDiff } from '../src/output';

describe('check-mode diff', () => {
  it('shows only changed lines, old before new, grouped by position', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f'].join('\n');
    const after = ['a', 'B', 'c', 'd', 'e', 'f', 'g'].join('\n');
    expect(shortDiff(before, after)).toBe(
      ['  @@ line 2', '  - b', '  + B', '  @@ line 7', '  + g'].join('\n'),
    );
  });

  it('caps long diffs and says how much is hidden', () => {
    const after = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    expect(shortDiff('', after, 3).split('\n')).toEqual([
      '  @@ line 1',
      '  - ',
      '  + line 0',
      '  + line 1',
      '  ... 28 more changed line(s)',
    ]);
  });
});
