/**
 * A person's grades month by month: the completed audits of their practice by overall grade in
 * each of the twelve London months to today, with the sections graded below good that month.
 * It shows one person's practice over time, so they and their supervisor can see it change;
 * it is never set beside anyone else's.
 */
import { londonDate } from '../audits/audit-dates.ts';
import { GRADES, isBelowGood } from '../templates/grade-scale.ts';
import { periodMonths } from './dashboard-periods.ts';
import type { LearningAudit, LearningMonth, LearningMonthArea } from './learning-schemas.ts';
import type { GradeCounts } from './service-view-schemas.ts';

export type AuditForLearningMonths = Pick<LearningAudit, 'role' | 'state' | 'overallGrade' | 'sectionGrades' | 'completedAt'> & {
  /** The section holding the audit's overall grade, which counts there when below good (it has no section grade). */
  overallGradeSection?: string;
};

/**
 * Counts each completed audit of their cases (not those they joined as a student) in the London
 * month it was completed: one completed at 23:30 UTC on 31 March, in summer time, counts in April.
 * `titles` gives section names in the templates' order, which also breaks ties between areas.
 */
export function gradesByMonth(audits: readonly AuditForLearningMonths[], today: string, titles: Record<string, string>): LearningMonth[] {
  const months = periodMonths('12m', today.slice(0, 7));
  const byMonth = new Map(months.map((month) => [month, { grades: Object.fromEntries(GRADES.map((g) => [g, 0])) as GradeCounts, below: new Map<string, number>() }]));
  for (const audit of audits) {
    if (audit.role !== 'case-holder' || audit.state !== 'completed' || !audit.completedAt) continue;
    const bucket = byMonth.get(londonDate(new Date(audit.completedAt)).slice(0, 7));
    if (!bucket) continue;
    if (audit.overallGrade) bucket.grades[audit.overallGrade]++;
    const below = Object.entries(audit.sectionGrades)
      .filter(([, grade]) => isBelowGood(grade))
      .map(([sectionId]) => sectionId);
    if (audit.overallGradeSection && isBelowGood(audit.overallGrade)) below.push(audit.overallGradeSection);
    for (const sectionId of below) bucket.below.set(sectionId, (bucket.below.get(sectionId) ?? 0) + 1);
  }
  const order = Object.keys(titles);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return months.map((month) => {
    const { grades, below } = byMonth.get(month)!;
    const areasForDevelopment: LearningMonthArea[] = [...below]
      .map(([sectionId, belowGood]) => ({ sectionId, title: titles[sectionId] ?? sectionId, belowGood }))
      .sort((a, b) => b.belowGood - a.belowGood || rank(a.sectionId) - rank(b.sectionId) || a.sectionId.localeCompare(b.sectionId));
    return { month, grades, areasForDevelopment };
  });
}
