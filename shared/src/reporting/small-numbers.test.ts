import { describe, expect, it } from 'vitest';
import { describeShown, suppressBreakdown } from './small-numbers.ts';

describe('small-number suppression', () => {
  it('hides every group under 5 and shows the rest', () => {
    const shown = suppressBreakdown({ a: 12, b: 3, c: 4, d: 0 });
    expect(shown).toEqual({ a: { value: 12, suppressed: false }, b: { value: null, suppressed: true }, c: { value: null, suppressed: true }, d: { value: 0, suppressed: false } });
  });

  it('hides the next smallest group too when only one would be hidden, so totals cannot reveal it', () => {
    const shown = suppressBreakdown({ a: 30, b: 2, c: 9 });
    expect(shown.b.suppressed).toBe(true);
    expect(shown.c.suppressed).toBe(true);
    expect(shown.a).toEqual({ value: 30, suppressed: false });
  });

  it('never prints a hidden figure', () => {
    expect(describeShown({ value: null, suppressed: true })).toBe('fewer than 5');
    expect(describeShown({ value: 7, suppressed: false })).toBe('7');
  });
});
