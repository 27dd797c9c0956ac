import { describe, expect, it } from 'vitest';
import { gradeLabel, gradeOptions } from './grade-scale.ts';

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
