import { describe, expect, it } from 'vitest';
import type { FairnessDimension } from '@waypoint/shared/dashboards/service-view-schemas';
import { fairnessRows, feedbackThemeRows, gradeRow, shortMonth } from './dashboard-charts.ts';

const hidden = { value: null, suppressed: true } as const;
const shown = (value: number) => ({ value, suppressed: false }) as const;

describe('dashboard chart rows', () => {
  it('stacks grades best first and gives the share good or better in words', () => {
    expect(gradeRow('o', 'Overall', { outstanding: 1, good: 2, 'requires-improvement': 1, inadequate: 0 })).toEqual({ key: 'o', label: 'Overall', values: [1, 2, 1, 0], text: '4 (75% good or better)' });
  });

  it('draws no bar and no figure for a group under 5', () => {
    const dimension: FairnessDimension = {
      dimension: 'gender',
      label: 'Gender',
      groups: [
        { group: 'a', label: 'Girls', audits: shown(10), completedOnTime: shown(8), onTimeOutOf: shown(10), onTimeShare: 0.8, grades: { outstanding: shown(5), good: shown(5), 'requires-improvement': hidden, inadequate: hidden } },
        { group: 'b', label: 'Boys', audits: hidden, completedOnTime: hidden, onTimeOutOf: hidden, onTimeShare: null, grades: { outstanding: hidden, good: hidden, 'requires-improvement': hidden, inadequate: hidden } },
      ],
    };
    expect(fairnessRows(dimension)).toEqual([
      { key: 'a', label: 'Girls', values: [80], text: '80% of 10 on time' },
      { key: 'b', label: 'Boys', values: [null], text: 'fewer than 5' },
    ]);
  });

  it('draws a bar for each feedback theme that can be shown, and for the rest only “fewer than 5”', () => {
    const rows = feedbackThemeRows({
      taggedResponses: shown(12),
      withheld: false,
      themes: [
        { theme: 'Waiting', count: shown(9), share: 0.75 },
        { theme: 'Getting in touch', count: hidden, share: null },
      ],
    });
    expect(rows).toEqual([
      { key: 'Waiting', label: 'Waiting', values: [9], text: '9 (75% of tagged responses)' },
      { key: 'Getting in touch', label: 'Getting in touch', values: [null], text: 'fewer than 5' },
    ]);
  });

  it('names months briefly', () => {
    expect(shortMonth('2026-03')).toBe('Mar 2026');
  });
});
