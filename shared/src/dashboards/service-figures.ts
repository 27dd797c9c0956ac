/**
 * From a period's monthly totals to the service view's figures. Pure, so the exact figures
 * can be specified from fixed totals; the route only reads the items and the open actions.
 */
import { ACTION_DIFFERENCES, type ActionDifference } from '../actions/action-schemas.ts';
import { DEMOGRAPHIC_DIMENSIONS, DIMENSION_LABELS, groupLabel, groupsOf } from '../demographics/demographics.ts';
import { gradeAgreement, type GradePair } from '../moderation/agreement.ts';
import { auditDueDate } from '../programme/programme-dates.ts';
import { suppressBreakdown, type Shown } from '../reporting/small-numbers.ts';
import { GRADES, type Grade } from '../templates/grade-scale.ts';
import type { DashboardPeriod } from './dashboard-periods.ts';
import type { AgreementFigure, AuditTimeliness, DaysToDoneBin, FairnessDimension, GradeCounts, MonthFigures, SectionGrades, ServiceView } from './service-view-schemas.ts';
import { SERVICE_FIGURES } from './service-view-schemas.ts';
import { feedbackThemesFigure } from './feedback-theme-figures.ts';
import { counter, daysToDoneBinEnd, gradeOfCode, type Counters } from './totals-counters.ts';
import { sumRows, type TotalsRow } from './totals-rollups.ts';
import type { CaseType } from '../cases/case-schemas.ts';

export interface ServiceInputs {
  period: DashboardPeriod;
  months: string[];
  filters: { team: string | null; caseType: CaseType | null };
  today: string;
  /** The scope's totals, at most one per month of the period. */
  rows: readonly TotalsRow[];
  /** Section titles by id, in the order sections should be listed. */
  sectionTitles: Record<string, string>;
  /** The authority's feedback themes as they are now (none when absent). */
  themes?: readonly string[];
}

const count = (counters: Counters, name: string) => counters[name] ?? 0;

export function gradeCounts(counters: Counters, name: (grade: Grade) => string): GradeCounts {
  return Object.fromEntries(GRADES.map((g) => [g, count(counters, name(g))])) as GradeCounts;
}

function timeliness(counters: Counters, ended: boolean): Omit<AuditTimeliness, 'onTimeShare'> {
  const due = count(counters, counter.auditsDue);
  const completed = count(counters, counter.auditsCompleted);
  const completedOnTime = count(counters, counter.auditsOnTime);
  return { due, completed, completedOnTime, completedLate: completed - completedOnTime, outstanding: due - completed, late: ended ? due - completed : 0 };
}

/** Section ids found in `s.<section>.<grade>` and `x.s.<section>` counters, in the titles' order. */
function sectionIds(counters: Counters, titles: Record<string, string>): string[] {
  const found = new Set<string>();
  for (const name of Object.keys(counters)) {
    const parts = name.split('.');
    if (parts[0] === 's' && parts.length === 3) found.add(parts[1]!);
    if (parts[0] === 'x' && parts[1] === 's' && parts.length === 3) found.add(parts[2]!);
  }
  const order = Object.keys(titles);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function agreementFigure(counters: Counters, prefix: 'm.o.' | 'm.s.'): AgreementFigure {
  const table = GRADES.map(() => GRADES.map(() => 0));
  const pairs: GradePair[] = [];
  for (const [name, n] of Object.entries(counters)) {
    if (!name.startsWith(prefix) || n <= 0) continue;
    const codes = name.slice(prefix.length);
    const auditor = gradeOfCode(codes[0]!);
    const moderator = gradeOfCode(codes[1]!);
    if (!auditor || !moderator) continue;
    const [a, m] = [GRADES.indexOf(auditor), GRADES.indexOf(moderator)];
    table[a]![m]! += n;
    for (let i = 0; i < n; i++) pairs.push({ auditor: a, moderator: m });
  }
  return { ...gradeAgreement(pairs, GRADES.length), table };
}

function daysToDoneBins(counters: Counters): DaysToDoneBin[] {
  return Object.entries(counters)
    .filter(([name, n]) => name.startsWith('x.d.') && n > 0)
    .map(([name, n]) => ({ from: Number(name.slice(4)), count: n }))
    .sort((a, b) => a.from - b.from)
    .map((bin) => ({ from: bin.from, to: daysToDoneBinEnd(bin.from), count: bin.count }));
}

/** Open actions due in these months on a day before `today`: overdue, from the `o.<day>` counters. */
function overdueIn(rows: readonly TotalsRow[], today: string): number {
  let overdue = 0;
  for (const row of rows) {
    for (const [name, n] of Object.entries(row.counters)) if (name.startsWith('o.') && `${row.month}-${name.slice(2)}` < today) overdue += n;
  }
  return overdue;
}

/** The median of binned values, each bin standing for its first day (exact where bins are single days). */
export function medianOfBins(bins: readonly DaysToDoneBin[]): number | null {
  const n = bins.reduce((sum, b) => sum + b.count, 0);
  if (n === 0) return null;
  const nth = (k: number) => {
    let seen = 0;
    for (const bin of bins) {
      seen += bin.count;
      if (seen >= k) return bin.from;
    }
    return bins.at(-1)!.from;
  };
  return n % 2 === 1 ? nth((n + 1) / 2) : (nth(n / 2) + nth(n / 2 + 1)) / 2;
}

function fairness(counters: Counters): FairnessDimension[] {
  return DEMOGRAPHIC_DIMENSIONS.map((dimension) => {
    const groups = groupsOf(dimension);
    const sizes = suppressBreakdown(Object.fromEntries(groups.map((g) => [g, count(counters, counter.fairness(dimension, g, 'due'))])));
    return {
      dimension,
      label: DIMENSION_LABELS[dimension],
      groups: groups.map((group) => {
        const hidden: Shown = { value: null, suppressed: true };
        if (sizes[group]!.suppressed) return { group, label: groupLabel(dimension, group), audits: hidden, completedOnTime: hidden, onTimeShare: null, grades: Object.fromEntries(GRADES.map((g) => [g, hidden])) as Record<Grade, Shown> };
        const due = count(counters, counter.fairness(dimension, group, 'due'));
        const onTime = count(counters, counter.fairness(dimension, group, 'ontime'));
        const timely = suppressBreakdown({ onTime, notOnTime: due - onTime });
        const grades = suppressBreakdown(Object.fromEntries(GRADES.map((g) => [g, count(counters, counter.fairness(dimension, group, g))])) as Record<Grade, number>);
        const shareShown = due > 0 && !timely.onTime.suppressed && !timely.notOnTime.suppressed;
        return { group, label: groupLabel(dimension, group), audits: sizes[group]!, completedOnTime: timely.onTime, onTimeShare: shareShown ? onTime / due : null, grades };
      }),
    };
  });
}

export function serviceView(inputs: ServiceInputs): ServiceView {
  const byMonth = new Map(inputs.rows.map((row) => [row.month, row.counters]));
  const total = sumRows(inputs.rows);
  const ended = (month: string) => inputs.today > auditDueDate(month);
  const trend: MonthFigures[] = inputs.months.map((month) => {
    const counters = byMonth.get(month) ?? {};
    return { month, ...timeliness(counters, ended(month)), grades: gradeCounts(counters, counter.overallGrade), actionsRaised: count(counters, counter.actionsRaised), actionsDone: count(counters, counter.actionsDone) };
  });
  const endedMonths = trend.filter((m) => ended(m.month));
  const endedDue = endedMonths.reduce((sum, m) => sum + m.due, 0);
  const audits: AuditTimeliness = {
    ...timeliness(total, false),
    late: trend.reduce((sum, m) => sum + m.late, 0),
    onTimeShare: endedDue > 0 ? endedMonths.reduce((sum, m) => sum + m.completedOnTime, 0) / endedDue : null,
  };
  const title = (id: string) => inputs.sectionTitles[id] ?? id;
  const sections: SectionGrades[] = sectionIds(total, inputs.sectionTitles)
    .map((sectionId) => {
      const grades = gradeCounts(total, (g) => counter.sectionGrade(sectionId, g));
      return { sectionId, title: title(sectionId), grades, belowGood: grades['requires-improvement'] + grades.inadequate };
    })
    .filter((s) => GRADES.some((g) => s.grades[g] > 0));
  const bins = daysToDoneBins(total);
  const [from, to] = [inputs.months[0]!, inputs.months.at(-1)!];
  const raised = count(total, counter.actionsRaised);
  const done = count(total, counter.actionsDone);
  const cancelled = count(total, counter.actionsCancelled);
  const areas = sectionIds(total, inputs.sectionTitles)
    .map((sectionId) => ({ sectionId, title: title(sectionId), belowGood: count(total, counter.sectionGrade(sectionId, 'requires-improvement')) + count(total, counter.sectionGrade(sectionId, 'inadequate')), actionsRaised: count(total, counter.actionsFromSection(sectionId)) }))
    .filter((a) => a.belowGood + a.actionsRaised > 0)
    .sort((a, b) => b.belowGood - a.belowGood || b.actionsRaised - a.actionsRaised || a.title.localeCompare(b.title))
    .slice(0, 5);
  return {
    period: { kind: inputs.period, from, to, months: inputs.months },
    filters: inputs.filters,
    today: inputs.today,
    audits,
    trend,
    grades: { overall: gradeCounts(total, counter.overallGrade), sections },
    moderation: { audits: count(total, counter.moderatedAudits), overall: agreementFigure(total, 'm.o.'), grades: agreementFigure(total, 'm.s.') },
    actions: {
      raised,
      done,
      doneOnTime: count(total, counter.actionsDoneOnTime),
      verified: count(total, counter.actionsVerified),
      cancelled,
      open: raised - done - cancelled,
      overdue: overdueIn(inputs.rows, inputs.today),
      medianDaysToDone: medianOfBins(bins),
      daysToDone: bins,
      difference: Object.fromEntries(ACTION_DIFFERENCES.map((d) => [d, count(total, counter.actionDifference(d))])) as Record<ActionDifference, number>,
    },
    areasForDevelopment: areas,
    fairness: fairness(total),
    feedbackThemes: feedbackThemesFigure(total, inputs.themes ?? []),
    exports: [...SERVICE_FIGURES],
  };
}
