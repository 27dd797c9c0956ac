/** What an audit's answers say at a glance: grades by section, the overall grade, safeguarding. */
import type { Answers } from '../templates/answer-schemas.ts';
import { GRADES, type Grade } from '../templates/grade-scale.ts';
import type { TemplateDefinition } from '../templates/template-schemas.ts';

export interface AuditFindings {
  /** Each section's first grade question that is not the overall grade. */
  sectionGrades: Record<string, Grade>;
  overallGrade?: Grade;
  safeguardingConcern: boolean;
  /** Sections with a safeguarding concern flagged, in template order. */
  safeguardingSections: string[];
}

const isGrade = (value: unknown): value is Grade => typeof value === 'string' && (GRADES as readonly string[]).includes(value);

export function auditFindings(template: Pick<TemplateDefinition, 'sections'>, answers: Answers): AuditFindings {
  const sectionGrades: Record<string, Grade> = {};
  let overallGrade: Grade | undefined;
  const safeguardingSections: string[] = [];
  for (const section of template.sections) {
    const given = answers[section.id] ?? {};
    for (const question of section.questions) {
      const value = given[question.id];
      if (question.type === 'grade' && isGrade(value)) {
        if (question.meaning === 'overall-grade') overallGrade = value;
        else sectionGrades[section.id] ??= value;
      }
      if (question.meaning === 'safeguarding-concern' && value === true && !safeguardingSections.includes(section.id)) safeguardingSections.push(section.id);
    }
  }
  return { sectionGrades, overallGrade, safeguardingConcern: safeguardingSections.length > 0, safeguardingSections };
}
