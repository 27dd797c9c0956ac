/**
 * A thematic review's report, worked out from its cohort and the completed review audits:
 * the cohort by team and case type, the overall grades and each choice answered, every
 * group under 5 shown as "fewer than 5" (with `suppressBreakdown`, as on the dashboard),
 * the lead's themes and findings, and each recommendation with its actions. Free-text
 * answers are never aggregated or exported: they would name children.
 */
import type { Audit } from '../audits/audit-schemas.ts';
import { CASE_TYPE_LABELS, type CaseType } from '../cases/case-schemas.ts';
import { describeShown, suppressBreakdown, type Shown } from '../reporting/small-numbers.ts';
import { toCsv } from '../reporting/csv.ts';
import { EVIDENCED_LABELS, questionsOf, type TemplateDefinition } from '../templates/template-schemas.ts';
import { GRADES, gradeLabel } from '../templates/grade-scale.ts';
import { REVIEW_STATE_LABELS, type Review, type ReviewActionSummary } from './review-schemas.ts';

export interface ReportCount {
  key: string;
  label: string;
  shown: Shown;
}

export interface ReportQuestion {
  sectionId: string;
  sectionTitle: string;
  questionId: string;
  label: string;
  answered: Shown;
  counts: ReportCount[];
}

export interface ReviewReport {
  review: Pick<Review, 'id' | 'title' | 'question' | 'scope' | 'leadId' | 'state' | 'templateName' | 'casesDueBy' | 'findings' | 'themes' | 'signOff' | 'publishedAt'>;
  cohort: { method: 'criteria' | 'hand' | 'none'; cases: number; reviewed: number; byTeam: ReportCount[]; byCaseType: ReportCount[] };
  /** Overall grades of the completed review audits. */
  grades: ReportCount[];
  questions: ReportQuestion[];
  recommendations: { id: string; text: string; actions: ReviewActionSummary[] }[];
  people: Record<string, string>;
}

function counted(counts: Map<string, number>, labelOf: (key: string) => string, order: readonly string[]): ReportCount[] {
  const keys = [...order.filter((k) => counts.has(k)), ...[...counts.keys()].filter((k) => !order.includes(k)).sort()];
  const shown = suppressBreakdown(Object.fromEntries(keys.map((k) => [k, counts.get(k)!])));
  return keys.map((key) => ({ key, label: labelOf(key), shown: shown[key]! }));
}

function tally<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** A total standing alone: hidden under 5 like any group. */
function total(n: number): Shown {
  return n > 0 && n < 5 ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

export function buildReviewReport(options: {
  review: Review;
  template: Pick<TemplateDefinition, 'sections'>;
  audits: readonly Pick<Audit, 'state' | 'answers' | 'overallGrade'>[];
  actions: readonly ReviewActionSummary[];
  teams: Record<string, string>;
  people: Record<string, string>;
  gradeLabels?: readonly string[];
}): ReviewReport {
  const { review, template } = options;
  const cases = review.cohort?.cases ?? [];
  const completed = options.audits.filter((a) => a.state === 'completed');
  const questions: ReportQuestion[] = [];
  for (const { section, question } of questionsOf(template)) {
    if (question.type !== 'choice' && question.type !== 'evidenced' && question.type !== 'grade') continue;
    if (question.meaning === 'overall-grade') continue;
    const values = completed.map((a) => a.answers[section.id]?.[question.id]).filter((value): value is string => typeof value === 'string');
    const labels: Record<string, string> =
      question.type === 'choice' ? Object.fromEntries((question.options ?? []).map((o) => [o.value, o.label])) : question.type === 'evidenced' ? { ...EVIDENCED_LABELS } : Object.fromEntries(GRADES.map((g) => [g, gradeLabel(g, options.gradeLabels)]));
    questions.push({
      sectionId: section.id,
      sectionTitle: section.title,
      questionId: question.id,
      label: question.label,
      answered: total(values.length),
      counts: counted(
        tally(values, (value) => value),
        (key) => labels[key] ?? key,
        Object.keys(labels),
      ),
    });
  }
  return {
    review: {
      id: review.id,
      title: review.title,
      question: review.question,
      scope: review.scope,
      leadId: review.leadId,
      state: review.state,
      templateName: review.templateName,
      casesDueBy: review.casesDueBy,
      ...(review.findings ? { findings: review.findings } : {}),
      themes: review.themes,
      ...(review.signOff ? { signOff: review.signOff } : {}),
      ...(review.publishedAt ? { publishedAt: review.publishedAt } : {}),
    },
    cohort: {
      method: review.cohort?.method ?? 'none',
      cases: cases.length,
      reviewed: completed.length,
      byTeam: counted(
        tally(cases, (c) => c.teamId),
        (key) => options.teams[key] ?? key,
        [],
      ),
      byCaseType: counted(
        tally(cases, (c) => c.caseType),
        (key) => CASE_TYPE_LABELS[key as CaseType] ?? key,
        Object.keys(CASE_TYPE_LABELS),
      ),
    },
    grades: counted(
      tally(completed, (a) => a.overallGrade),
      (key) => gradeLabel(key as (typeof GRADES)[number], options.gradeLabels),
      GRADES,
    ),
    questions,
    recommendations: review.recommendations.map((r) => ({ id: r.id, text: r.text, actions: options.actions.filter((a) => a.recommendationId === r.id) })),
    people: options.people,
  };
}

/** The report's figures as CSV rows: one per count, "fewer than 5" where a group is hidden. */
export function reviewReportCsv(report: ReviewReport): string {
  const rows: (string | number)[][] = [];
  rows.push(['Review', 'Question', report.review.question, '', report.review.title]);
  rows.push(['Review', 'State', REVIEW_STATE_LABELS[report.review.state], '', '']);
  rows.push(['Cohort', 'Cases', '', '', report.cohort.cases]);
  rows.push(['Cohort', 'Reviewed', '', '', report.cohort.reviewed]);
  for (const c of report.cohort.byTeam) rows.push(['Cohort', 'Team', c.label, '', describeShown(c.shown)]);
  for (const c of report.cohort.byCaseType) rows.push(['Cohort', 'Case type', c.label, '', describeShown(c.shown)]);
  for (const c of report.grades) rows.push(['Overall grade', '', c.label, '', describeShown(c.shown)]);
  for (const q of report.questions) for (const c of q.counts) rows.push([q.sectionTitle, q.label, c.label, '', describeShown(c.shown)]);
  for (const theme of report.review.themes) rows.push(['Theme', '', theme, '', '']);
  for (const r of report.recommendations) {
    rows.push(['Recommendation', '', r.text, '', r.actions.length]);
    for (const a of r.actions) rows.push(['Action', r.text, a.description, a.dueDate, a.state]);
  }
  return toCsv(['part', 'item', 'answer', 'due', 'count'], rows);
}
