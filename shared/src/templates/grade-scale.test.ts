import { describe, expect, it } from 'vitest';
import { belowGoodCount, goodOrBetterCount, gradeLabel, gradeOptions, isBelowGood } from './grade-scale.ts';

describe('the grade scale', () => {
  it('shows the authority’s own labels for the canonical grades, best first', () => {
    const labels = ['Excellent', 'Good', 'Needs work', 'Poor'];
    expect(gradeLabel('requires-improvement', labels)).toBe('Needs work');
    expect(gradeOptions(labels).map((o) => o.value)).toEqual(['outstanding', 'good', 'requires-improvement', 'inadequate']);
  });

  it('falls back to the Ofsted wording', () => {
    expect(gradeLabel('inadequate')).toBe('Inadequate');
  });
});

describe('below good', () => {
  it('is requires improvement or inadequate, and nothing else', () => {
    expect(isBelowGood('requires-improvement')).toBe(true);
    expect(isBelowGood('inadequate')).toBe(true);
    expect(isBelowGood('good')).toBe(false);
    expect(isBelowGood('outstanding')).toBe(false);
    expect(isBelowGood(undefined)).toBe(false);
  });

  it('splits counts per grade into below good and good or better, which add up to them all', () => {
    const grades = { outstanding: 1, good: 3, 'requires-improvement': 1, inadequate: 1 };
    expect(belowGoodCount(grades)).toBe(2);
    expect(goodOrBetterCount(grades)).toBe(4);
  });
});
