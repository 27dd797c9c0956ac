import { describe, expect, it } from 'vitest';
import { medianOfBins, serviceView, type ServiceInputs } from './service-figures.ts';

const inputs = (overrides: Partial<ServiceInputs> = {}): ServiceInputs => ({
  period: 'quarter',
  months: ['2026-10', '2026-11', '2026-12'],
  filters: { team: null, caseType: null },
  today: '2026-11-26',
  rows: [
    {
      month: '2026-10',
      counters: {
        'a.due': 5,
        'a.done': 4,
        'a.ontime': 3,
        'g.g': 3,
        'g.i': 1,
        's.assessment.g': 2,
        's.assessment.r': 2,
        's.planning.i': 1,
        'm.n': 2,
        'm.o.gg': 1,
        'm.o.gr': 1,
        'm.s.gg': 3,
        'm.s.gr': 1,
        'm.s.ri': 1,
        'x.raised': 6,
        'x.done': 4,
        'x.ontime': 3,
        'x.verified': 2,
        'x.cancelled': 1,
        'x.d.3': 1,
        'x.d.10': 2,
        'x.d.45': 1,
        'x.s.assessment': 4,
        'x.s.planning': 2,
        'x.i.yes': 1,
        'o.30': 1,
        'f.gender.female.due': 12,
        'f.gender.female.ontime': 6,
        'f.gender.female.g': 6,
        'f.gender.female.i': 5,
        'f.gender.male.due': 3,
        'f.gender.other.due': 9,
      },
    },
    // Open actions due 25 and 26 November: overdue on the 26th is the one due the 25th, with October's.
    { month: '2026-11', counters: { 'a.due': 4, 'a.done': 1, 'a.ontime': 1, 'g.o': 1, 'x.raised': 2, 'o.25': 1, 'o.26': 2 } },
  ],
  sectionTitles: { planning: 'Planning and review', assessment: 'Assessment' },
  ...overrides,
});

describe('the service view from monthly totals', () => {
  const view = serviceView(inputs());

  it('splits the audits due into on time, completed late, late and not yet due, month by month and for the period', () => {
    // October has ended: 3 on time, 1 completed late, 1 still not done (late). November has not: 1 on time, 3 not yet due.
    expect(view.audits).toEqual({ due: 9, completed: 5, completedOnTime: 4, completedLate: 1, outstanding: 4, late: 1, notYetDue: 3, onTimeOutOf: 6, onTimeShare: 4 / 6 });
    expect(view.trend.map((m) => [m.month, m.due, m.completedOnTime, m.completedLate, m.late, m.notYetDue])).toEqual([
      ['2026-10', 5, 3, 1, 1, 0],
      ['2026-11', 4, 1, 0, 0, 3],
      ['2026-12', 0, 0, 0, 0, 0],
    ]);
    for (const m of [...view.trend, view.audits]) expect(m.completedOnTime + m.completedLate + m.late + m.notYetDue).toBe(m.due);
  });

  it('gives the share on time out of the figure it shows beside it: the audits completed or late', () => {
    expect(view.audits.onTimeShare).toBe(view.audits.completedOnTime / view.audits.onTimeOutOf);
    expect(view.audits.onTimeOutOf).toBe(view.audits.completedOnTime + view.audits.completedLate + view.audits.late);
    // Each figure is its months' added up, so the period never disagrees with its own table.
    for (const name of ['due', 'completedOnTime', 'completedLate', 'late', 'notYetDue', 'onTimeOutOf'] as const) expect(view.trend.reduce((sum, m) => sum + m[name], 0)).toBe(view.audits[name]);
  });

  it('gives the grade distribution overall and by section, in the templates’ order', () => {
    expect(view.grades.overall).toEqual({ outstanding: 1, good: 3, 'requires-improvement': 0, inadequate: 1 });
    expect(view.grades.sections.map((s) => [s.sectionId, s.title, s.belowGood])).toEqual([
      ['planning', 'Planning and review', 1],
      ['assessment', 'Assessment', 2],
    ]);
  });

  it('gives moderation agreement from the tables', () => {
    expect(view.moderation.audits).toBe(2);
    expect(view.moderation.overall).toMatchObject({ pairs: 2, exact: 1, exactShare: 0.5 });
    expect(view.moderation.grades.table[1]).toEqual([0, 3, 1, 0]);
    expect(view.moderation.grades).toMatchObject({ pairs: 5, exact: 3 });
  });

  it('follows the actions raised in the period, and counts open ones due in it before today as overdue', () => {
    expect(view.actions).toMatchObject({ raised: 8, done: 4, doneOnTime: 3, verified: 2, cancelled: 1, open: 3, overdue: 2, medianDaysToDone: 10 });
    expect(view.actions.daysToDone).toEqual([
      { from: 3, to: 3, count: 1 },
      { from: 10, to: 10, count: 2 },
      { from: 45, to: 51, count: 1 },
    ]);
    expect(view.actions.difference).toEqual({ yes: 1, partly: 0, no: 0, 'too-early': 0 });
  });

  it('lists the most common areas for development first', () => {
    expect(view.areasForDevelopment).toEqual([
      { sectionId: 'assessment', title: 'Assessment', belowGood: 2, actionsRaised: 4 },
      { sectionId: 'planning', title: 'Planning and review', belowGood: 1, actionsRaised: 2 },
    ]);
  });

  it('leaves the overall judgement out of the areas: it has no section grade, so it would read "0 below good" beside inadequate overall grades', () => {
    const rows = inputs().rows.map((r) => (r.month === '2026-10' ? { ...r, counters: { ...r.counters, 'x.s.overall': 5 } } : r));
    expect(serviceView(inputs({ rows })).areasForDevelopment.map((a) => a.sectionId)).toContain('overall');
    const withOverall = serviceView(inputs({ rows, overallGradeSections: ['overall'] }));
    expect(withOverall.areasForDevelopment.map((a) => a.sectionId)).toEqual(['assessment', 'planning']);
    expect(withOverall.grades.overall.inadequate).toBe(1);
  });

  it('judges each group’s share on time the same way: out of its audits completed or late', () => {
    // November has not ended: its 5 on-time audits count, its 3 not yet done do not.
    const rows = [...inputs().rows.filter((r) => r.month === '2026-10'), { month: '2026-11', counters: { 'f.gender.female.due': 8, 'f.gender.female.ontime': 5 } }];
    const female = serviceView(inputs({ rows }))
      .fairness.find((d) => d.dimension === 'gender')!
      .groups.find((g) => g.group === 'female')!;
    expect(female.audits.value).toBe(20);
    expect(female.completedOnTime.value).toBe(11);
    expect(female.onTimeOutOf.value).toBe(17);
    expect(female.onTimeShare).toBe(11 / 17);
  });

  it('shows "fewer than 5" for a small group and hides the next smallest so the total cannot give it away', () => {
    const gender = view.fairness.find((d) => d.dimension === 'gender')!;
    const by = Object.fromEntries(gender.groups.map((g) => [g.group, g]));
    expect(by.male!.audits).toEqual({ value: null, suppressed: true });
    expect(by.other!.audits).toEqual({ value: null, suppressed: true });
    expect(by.other!.grades.good.suppressed).toBe(true);
    expect(by.female!.audits).toEqual({ value: 12, suppressed: false });
    expect(by.female!.completedOnTime).toEqual({ value: 6, suppressed: false });
    expect(by.female!.onTimeShare).toBe(0.5);
    // 6 good and 5 inadequate are shown; the grades with none are shown as 0.
    expect(by.female!.grades.good).toEqual({ value: 6, suppressed: false });
    expect(by.female!.grades.outstanding).toEqual({ value: 0, suppressed: false });
    expect(by['not-recorded']!.audits).toEqual({ value: 0, suppressed: false });
  });

  it('is empty but whole for a period with no totals', () => {
    const empty = serviceView(inputs({ rows: [] }));
    expect(empty.audits).toEqual({ due: 0, completed: 0, completedOnTime: 0, completedLate: 0, outstanding: 0, late: 0, notYetDue: 0, onTimeOutOf: 0, onTimeShare: null });
    expect(empty.actions.medianDaysToDone).toBeNull();
    expect(empty.moderation.overall.weightedKappa).toBeNull();
  });
});

describe('the median of binned days', () => {
  it('is exact where bins are single days and averages the middle two of an even count', () => {
    expect(
      medianOfBins([
        { from: 2, to: 2, count: 1 },
        { from: 5, to: 5, count: 1 },
      ]),
    ).toBe(3.5);
    expect(
      medianOfBins([
        { from: 2, to: 2, count: 3 },
        { from: 31, to: 37, count: 1 },
      ]),
    ).toBe(2);
    expect(medianOfBins([])).toBeNull();
  });
});
