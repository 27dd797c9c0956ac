/**
 * From a period's monthly totals to the service view's figures. Pure, so the exact figures
 * can be specified from fixed totals; the route only reads the items and the open actions.
 */
import { ACTION_DIFFERENCES, type ActionDifference } from '../actions/action-schemas.ts';
import { DEMOGRAPHIC_DIMENSIONS, DIMENSION_LABELS, groupLabel, groupsOf, type DemographicDimension } from '../demographics/demographics.ts';
import { gradeAgreement, type GradePair } from '../moderation/agreement.ts';
import { NO_AUDITS, addTimeliness, monthEnded, monthTimeliness, onTimeOutOf, onTimeShare, type TimelinessCounts } from '../programme/audit-timeliness.ts';
import { suppressBreakdown, type Shown } from '../reporting/small-numbers.ts';
import { GRADES, belowGoodCount, type Grade } from '../templates/grade-scale.ts';
import type { DashboardPeriod } from './dashboard-periods.ts';
import type { AgreementFigure, AuditTimeliness, DaysToDoneBin, FairnessDimension, GradeCounts, MonthFigures, SectionGrades, ServiceView } from './service-view-schemas.ts';
import { SERVICE_FIGURES } from './service-view-schemas.ts';
import { feedbackThemesFigure } from './feedback-theme-figures.ts';
import { complianceFigure } from '../compliance/compliance-totals.ts';
import { gradeAgreementFigure } from '../audits/grade-view-totals.ts';
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
  /** Sections holding a template's overall grade question: the overall judgement, left out of the areas for development. */
  overallGradeSections?: readonly string[];
}

const count = (counters: Counters, name: string) => counters[name] ?? 0;

export function gradeCounts(counters: Counters, name: (grade: Grade) => string): GradeCounts {
  return Object.fromEntries(GRADES.map((g) => [g, count(counters, name(g))])) as GradeCounts;
}

/** A month's audits by where they stand (audit-timeliness.ts), from its totals. */
function timeliness(counters: Counters, ended: boolean): Omit<AuditTimeliness, 'onTimeShare'> {
  const completed = count(counters, counter.auditsCompleted);
  const counts = monthTimeliness({ due: count(counters, counter.auditsDue), completed, completedOnTime: count(counters, counter.auditsOnTime) }, ended);
  return withOutOf({ ...counts, completed, outstanding: counts.late + counts.notYetDue });
}

function withOutOf<T extends TimelinessCounts>(counts: T): T & { onTimeOutOf: number } {
  return { ...counts, onTimeOutOf: onTimeOutOf(counts) };
}

/** Section ids found in `s.<section>.<grade>` and `x.s.<section>` counters, in the titles' order. */
function sectionIds(counters: Counters, titles: Record<string, string>): string[] {
  const found = new Set<string>();
  // By prefix first: a period's totals hold hundreds of counters and few of them are sections'.
  for (const name of Object.keys(counters)) {
    if (name.startsWith('s.')) {
      const end = name.indexOf('.', 2);
      if (end >= 2 && !name.includes('.', end + 1)) found.add(name.slice(2, end));
    } else if (name.startsWith('x.s.') && !name.includes('.', 4)) found.add(name.slice(4));
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

/**
 * A group's audits on time and what that is out of: in a month that has ended every audit due
 * has an outcome; in one that has not, only those completed (all of them on time) have.
 */
function groupOnTime(rows: readonly TotalsRow[], ended: (month: string) => boolean, dimension: DemographicDimension, group: string): { onTime: number; outOf: number } {
  let onTime = 0;
  let outOf = 0;
  for (const row of rows) {
    const timely = count(row.counters, counter.fairness(dimension, group, 'ontime'));
    onTime += timely;
    outOf += ended(row.month) ? count(row.counters, counter.fairness(dimension, group, 'due')) : timely;
  }
  return { onTime, outOf };
}

function fairness(counters: Counters, rows: readonly TotalsRow[], ended: (month: string) => boolean): FairnessDimension[] {
  return DEMOGRAPHIC_DIMENSIONS.map((dimension) => {
    const groups = groupsOf(dimension);
    const sizes = suppressBreakdown(Object.fromEntries(groups.map((g) => [g, count(counters, counter.fairness(dimension, g, 'due'))])));
    return {
      dimension,
      label: DIMENSION_LABELS[dimension],
      groups: groups.map((group) => {
        const hidden: Shown = { value: null, suppressed: true };
        if (sizes[group]!.suppressed) return { group, label: groupLabel(dimension, group), audits: hidden, completedOnTime: hidden, onTimeOutOf: hidden, onTimeShare: null, grades: Object.fromEntries(GRADES.map((g) => [g, hidden])) as Record<Grade, Shown> };
        const { onTime, outOf } = groupOnTime(rows, ended, dimension, group);
        const timely = suppressBreakdown({ onTime, notOnTime: outOf - onTime });
        const grades = suppressBreakdown(Object.fromEntries(GRADES.map((g) => [g, count(counters, counter.fairness(dimension, group, g))])) as Record<Grade, number>);
        const shareShown = outOf > 0 && !timely.onTime.suppressed && !timely.notOnTime.suppressed;
        const outOfShown: Shown = shareShown ? { value: outOf, suppressed: false } : hidden;
        return { group, label: groupLabel(dimension, group), audits: sizes[group]!, completedOnTime: timely.onTime, onTimeOutOf: outOfShown, onTimeShare: shareShown ? onTime / outOf : null, grades };
      }),
    };
  });
}

export function serviceView(inputs: ServiceInputs): ServiceView {
  const byMonth = new Map(inputs.rows.map((row) => [row.month, row.counters]));
  const total = sumRows(inputs.rows);
  // Asked for each month once per group in every fairness dimension: worked out once a month.
  const endedMonths = new Map<string, boolean>();
  const ended = (month: string) => {
    let answer = endedMonths.get(month);
    if (answer === undefined) endedMonths.set(month, (answer = monthEnded(month, inputs.today)));
    return answer;
  };
  const trend: MonthFigures[] = inputs.months.map((month) => {
    const counters = byMonth.get(month) ?? {};
    return { month, ...timeliness(counters, ended(month)), grades: gradeCounts(counters, counter.overallGrade), actionsRaised: count(counters, counter.actionsRaised), actionsDone: count(counters, counter.actionsDone) };
  });
  // The period's figures are its months' added up, so the share is on time ÷ the very figure shown beside it.
  const period = withOutOf(trend.reduce((sum, m) => ({ ...addTimeliness(sum, m), completed: sum.completed + m.completed, outstanding: sum.outstanding + m.outstanding }), { ...NO_AUDITS, completed: 0, outstanding: 0 }));
  const audits: AuditTimeliness = { ...period, onTimeShare: onTimeShare(period) };
  const title = (id: string) => inputs.sectionTitles[id] ?? id;
  const overallGrades = gradeCounts(total, counter.overallGrade);
  const overallSections = new Set(inputs.overallGradeSections ?? []);
  const sectionBelowGood = (id: string) => belowGoodCount(gradeCounts(total, (g) => counter.sectionGrade(id, g)));
  const sectionsFound = sectionIds(total, inputs.sectionTitles);
  const sections: SectionGrades[] = sectionsFound
    .map((sectionId) => {
      const grades = gradeCounts(total, (g) => counter.sectionGrade(sectionId, g));
      return { sectionId, title: title(sectionId), grades, belowGood: belowGoodCount(grades) };
    })
    .filter((s) => GRADES.some((g) => s.grades[g] > 0));
  const bins = daysToDoneBins(total);
  const [from, to] = [inputs.months[0]!, inputs.months.at(-1)!];
  const raised = count(total, counter.actionsRaised);
  const done = count(total, counter.actionsDone);
  const cancelled = count(total, counter.actionsCancelled);
  // A section holding a template's overall grade is the overall judgement, not an area of practice: it has no
  // section grade, so listing it would say "0 below good" beside the overall grades below good in the table above.
  const areas = sectionsFound
    .filter((sectionId) => !overallSections.has(sectionId))
    .map((sectionId) => ({ sectionId, title: title(sectionId), belowGood: sectionBelowGood(sectionId), actionsRaised: count(total, counter.actionsFromSection(sectionId)) }))
    .filter((a) => a.belowGood + a.actionsRaised > 0)
    .sort((a, b) => b.belowGood - a.belowGood || b.actionsRaised - a.actionsRaised || a.title.localeCompare(b.title))
    .slice(0, 5);
  return {
    period: { kind: inputs.period, from, to, months: inputs.months },
    filters: inputs.filters,
    today: inputs.today,
    audits,
    trend,
    grades: { overall: overallGrades, sections },
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
    fairness: fairness(total, inputs.rows, ended),
    feedbackThemes: feedbackThemesFigure(total, inputs.themes ?? []),
    compliance: complianceFigure(total),
    gradeAgreement: gradeAgreementFigure(total),
    exports: [...SERVICE_FIGURES],
  };
}
