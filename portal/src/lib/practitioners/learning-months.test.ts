import { describe, expect, it } from 'vitest';
import type { LearningMonth } from '@waypoint/shared/dashboards/learning-schemas';
import { areasPhrase, hasGradedMonths, learningMonthRows, learningMonthsSummary } from './learning-months.ts';

const none = { outstanding: 0, good: 0, 'requires-improvement': 0, inadequate: 0 };
const series = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'];
const months: LearningMonth[] = [
  { month: '2031-02', grades: none, areasForDevelopment: [] },
  {
    month: '2031-03',
    grades: { ...none, good: 1, inadequate: 1 },
    areasForDevelopment: [
      { sectionId: 'voice', title: '4. Voice of the child', belowGood: 2 },
      { sectionId: 'planning', title: '3. Planning and review', belowGood: 1 },
    ],
  },
];

describe('a practitioner’s grades month by month, for the chart and table', () => {
  it('draws a stacked row a month, in grade order, and says when a month had no completed audits', () => {
    const rows = learningMonthRows(months);
    expect(rows.map((r) => [r.label, r.values, r.text])).toEqual([
      ['Feb 2031', [0, 0, 0, 0], 'No audits completed'],
      ['Mar 2031', [0, 1, 0, 1], '2 (50% good or better)'],
    ]);
  });

  it('summarises the graded months in the authority’s grade names', () => {
    expect(learningMonthsSummary(months, series)).toBe('Mar 2031: 1 Good, 1 Inadequate. No audits were completed in the other months.');
    expect(learningMonthsSummary([months[0]!], series)).toBe('No audits were completed in these 12 months.');
    expect(hasGradedMonths([months[0]!])).toBe(false);
    expect(hasGradedMonths(months)).toBe(true);
  });

  it('names the month’s areas for development without their numbers, with a count where there was more than one', () => {
    expect(areasPhrase(months[1]!)).toBe('Voice of the child (2), Planning and review');
    expect(areasPhrase(months[0]!)).toBe('None');
  });
});
