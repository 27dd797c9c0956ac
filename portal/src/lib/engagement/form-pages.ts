/**
 * How a feedback form is split into pages: one question per page for younger children,
 * a section per page otherwise. Pages are numbered from 1; after the last comes the check.
 */
import type { FormPresentation } from '@waypoint/shared/engagement/audiences';
import type { LocalisedForm, LocalisedQuestion } from '@waypoint/shared/engagement/localised-form';
import type { Answers } from '@waypoint/shared/templates/answer-schemas';

export interface FormPage {
  number: number;
  sectionId: string;
  sectionTitle: string;
  questions: LocalisedQuestion[];
}

export function formPages(form: LocalisedForm, presentation: Pick<FormPresentation, 'pageBy'>): FormPage[] {
  const sections = form.sections.filter((s) => s.questions.length > 0);
  const pages = presentation.pageBy === 'question' ? sections.flatMap((s) => s.questions.map((q) => ({ sectionId: s.id, sectionTitle: s.title, questions: [q] }))) : sections.map((s) => ({ sectionId: s.id, sectionTitle: s.title, questions: s.questions }));
  return pages.map((page, i) => ({ ...page, number: i + 1 }));
}

export function questionCount(form: LocalisedForm): number {
  return form.sections.reduce((n, s) => n + s.questions.length, 0);
}

/** A page number from the address; anything else (0, 3a, past the end) is no page. */
export function pageNumber(raw: string, total: number): number | null {
  if (!/^[1-9]\d{0,2}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= total ? n : null;
}

export function answerOf(answers: Answers, sectionId: string, questionId: string): string | undefined {
  const value = answers[sectionId]?.[questionId];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Where someone coming back should carry on: the first page with nothing answered after the last page with anything. */
export function resumePage(pages: readonly FormPage[], answers: Answers): number {
  let lastAnswered = 0;
  for (const page of pages) {
    if (page.questions.some((q) => answerOf(answers, page.sectionId, q.id) !== undefined)) lastAnswered = page.number;
  }
  return Math.min(lastAnswered + 1, pages.length + 1);
}

export function anythingAnswered(answers: Answers): boolean {
  return Object.values(answers).some((section) => Object.values(section ?? {}).some((v) => typeof v === 'string' && v !== ''));
}

/** The page after `n`, as a path segment below `answer/`: a number, or `check` after the last. */
export function nextStep(n: number, total: number): string {
  return n >= total ? 'check' : String(n + 1);
}

/** Where "carry on" may lead after the help page: only a page number or the check, never an address. */
export function continueStep(raw: string | null): string | null {
  return raw !== null && /^(?:[1-9]\d{0,2}|check)$/.test(raw) ? raw : null;
}
