import { describe, expect, it } from 'vitest';
import type { FairnessDimension } from '@waypoint/shared/dashboards/service-view-schemas';
import { fairnessRows, feedbackThemeRows, gradeRow, onTimeText, shortMonth, timelinessRows } from './dashboard-charts.ts';

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
      { key: 'a', label: 'Girls', values: [80], text: '80% on time (8 of 10 completed or late)' },
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

  it('splits the audits due into four bars that add up to them, and gives the share on time with what it is out of', () => {
    const audits = { due: 26, completed: 18, completedOnTime: 18, completedLate: 0, outstanding: 8, late: 3, notYetDue: 5, onTimeOutOf: 21, onTimeShare: 18 / 21 };
    const [due, ...parts] = timelinessRows(audits);
    expect(parts.map((p) => p.label)).toEqual(['Completed on time', 'Completed late', 'Late, not yet completed', 'Not yet due']);
    expect(parts.reduce((sum, p) => sum + p.values[0]!, 0)).toBe(due!.values[0]);
    expect(onTimeText(audits)).toBe('86% (18 of the 21 audits completed or late)');
    expect(onTimeText({ ...audits, completedOnTime: 0, onTimeOutOf: 0, onTimeShare: null })).toMatch(/^not yet known/);
  });

  it('names months briefly', () => {
    expect(shortMonth('2026-03')).toBe('Mar 2026');
  });
});
