/** How far each section of an audit has got, for the section list beside the form and on the audit page. */
import type { Answers } from '@waypoint/shared/templates/answer-schemas';
import type { TemplateDefinition, TemplateSection } from '@waypoint/shared/templates/template-schemas';

export type SectionStatus = 'not-started' | 'in-progress' | 'answered';

export const SECTION_STATUS_LABELS: Record<SectionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  answered: 'Answered',
};

/** Answered means every required question has an answer; optional ones may stay blank. */
export function sectionStatus(section: TemplateSection, answers: Answers): SectionStatus {
  const given = answers[section.id] ?? {};
  const answered = section.questions.filter((q) => given[q.id] !== undefined);
  if (answered.length === 0) return 'not-started';
  return section.questions.every((q) => !q.required || given[q.id] !== undefined) ? 'answered' : 'in-progress';
}

export interface SectionProgress {
  id: string;
  title: string;
  status: SectionStatus;
}

export function sectionProgress(template: Pick<TemplateDefinition, 'sections'>, answers: Answers): SectionProgress[] {
  return template.sections.map((s) => ({ id: s.id, title: s.title, status: sectionStatus(s, answers) }));
}

/** The section after this one, or undefined after the last. */
export function nextSectionId(template: Pick<TemplateDefinition, 'sections'>, sectionId: string): string | undefined {
  const index = template.sections.findIndex((s) => s.id === sectionId);
  return index === -1 ? undefined : template.sections[index + 1]?.id;
}
