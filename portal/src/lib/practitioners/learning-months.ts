/**
 * A person's grades month by month as rows for the shared bar chart, the chart's summary in
 * words, and each month's areas for development as a phrase. It describes one person's
 * practice over time; nothing here sets it beside anyone else's.
 */
import type { LearningMonth } from '@waypoint/shared/dashboards/learning-schemas';
import { GRADES } from '@waypoint/shared/templates/grade-scale';
import type { BarInput } from '../components/charts/bar-chart.ts';
import { gradeRow, shortMonth } from '../dashboard/dashboard-charts.ts';

const completedIn = (m: LearningMonth) => GRADES.reduce((sum, g) => sum + m.grades[g], 0);

export function hasGradedMonths(months: readonly LearningMonth[]): boolean {
  return months.some((m) => completedIn(m) > 0);
}

export function learningMonthRows(months: readonly LearningMonth[]): BarInput[] {
  return months.map((m) => ({ ...gradeRow(m.month, shortMonth(m.month), m.grades), ...(completedIn(m) === 0 ? { text: 'No audits completed' } : {}) }));
}

/** Each month with completed audits and what they were graded; the rest in one phrase. */
export function learningMonthsSummary(months: readonly LearningMonth[], series: readonly string[]): string {
  const graded = months.filter((m) => completedIn(m) > 0);
  if (graded.length === 0) return 'No audits were completed in these 12 months.';
  const month = (m: LearningMonth) => `${shortMonth(m.month)}: ${GRADES.flatMap((g, i) => (m.grades[g] > 0 ? [`${m.grades[g]} ${series[i]}`] : [])).join(', ')}`;
  const rest = graded.length < months.length ? ' No audits were completed in the other months.' : '';
  return `${graded.map(month).join('; ')}.${rest}`;
}

/** "Assessment (2), Planning and review" — the sections graded below good that month; "None" when there were none. */
export function areasPhrase(month: LearningMonth): string {
  if (month.areasForDevelopment.length === 0) return 'None';
  return month.areasForDevelopment.map((a) => `${a.title.replace(/^\d+\.\s*/, '')}${a.belowGood > 1 ? ` (${a.belowGood})` : ''}`).join(', ');
}
