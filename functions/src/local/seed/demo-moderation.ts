/**
 * Demo moderations: QA has moderated two completed audits a month in the older demo months
 * (never their own), agreeing on most grades and differing by a grade on some, so the
 * agreement figures show something real for every period and team.
 */
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { Moderation, SectionModeration } from '@waypoint/shared/moderation/moderation-schemas';
import { GRADES, type Grade } from '@waypoint/shared/templates/grade-scale';
import type { DemoTenant } from './demo-data.ts';

/** One grade harsher or kinder, staying on the scale. */
function nudge(grade: Grade, by: number): Grade {
  return GRADES[Math.min(GRADES.length - 1, Math.max(0, GRADES.indexOf(grade) + by))]!;
}

export function demoModerations(tenant: DemoTenant, audits: readonly Audit[]): Moderation[] {
  const qa = `${tenant.prefix.toLowerCase()}-qa`;
  const months = [...new Set(audits.map((a) => a.month))].sort().slice(0, 4);
  const chosen = months.flatMap((month) => audits.filter((a) => a.month === month && a.state === 'completed' && a.auditorId !== qa && a.completedAt).slice(0, 2));
  return chosen.map((audit, n) => {
    const sections: Record<string, SectionModeration> = {};
    Object.entries(audit.sectionGrades).forEach(([sectionId, grade], i) => {
      // Every third section graded a step harsher, on alternate audits a step kinder: a realistic spread.
      const moved = (i + n) % 3 === 0 ? nudge(grade, n % 2 === 0 ? 1 : -1) : grade;
      sections[sectionId] =
        moved === grade ? { grade } : { grade: moved, comment: moved === nudge(grade, 1) ? 'The record does not yet evidence this grade: the analysis is descriptive.' : 'The impact for the child is clearer in the record than the grade allows.' };
    });
    const at = audit.completedAt!.replace('T12:00', 'T16:00');
    return {
      auditId: audit.id,
      month: audit.month,
      teamId: audit.teamId,
      auditorId: audit.auditorId,
      moderatorId: qa,
      sections,
      ...(audit.overallGrade ? { overallGrade: n % 4 === 3 ? nudge(audit.overallGrade, 1) : audit.overallGrade, auditorOverallGrade: audit.overallGrade } : {}),
      comment: n % 4 === 3 ? 'A thorough audit; on the evidence the overall grade is a step lower.' : 'Agree with the overall judgement; see the section comments.',
      auditorSectionGrades: audit.sectionGrades,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
  });
}
