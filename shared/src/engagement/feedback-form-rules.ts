/**
 * What makes a template usable as a feedback form in the public area, beyond being a
 * valid template: only choices and free text; every choice offers the three points and
 * both ways not to answer; at most one "I feel safe" item.
 */
import type { TemplateDefinition } from '../templates/template-schemas.ts';
import { FEEDBACK_ITEM_VALUES } from './feedback-points.ts';

export interface FormProblem {
  path: string;
  message: string;
}

export function feedbackFormProblems(form: Pick<TemplateDefinition, 'kind' | 'sections'>): FormProblem[] {
  // An audit template fails every other rule too; saying so once is enough.
  if (form.kind !== 'feedback-form') return [{ path: 'templateId', message: 'Choose a feedback form, not an audit template' }];
  const problems: FormProblem[] = [];
  let feelsSafe = 0;
  for (const section of form.sections) {
    for (const question of section.questions) {
      const path = `sections.${section.id}.${question.id}`;
      if (question.type !== 'choice' && question.type !== 'text') problems.push({ path, message: 'A feedback form asks only choices and free text' });
      if (question.type === 'choice') {
        const values = (question.options ?? []).map((o) => o.value);
        const same = values.length === FEEDBACK_ITEM_VALUES.length && FEEDBACK_ITEM_VALUES.every((value) => values.includes(value));
        if (!same) problems.push({ path, message: 'Offer yes, partly and no, with “I don’t know” and “I’d rather not say”' });
      }
      if (question.meaning === 'feels-safe') feelsSafe++;
    }
  }
  if (feelsSafe > 1) problems.push({ path: 'sections', message: 'At most one item can be “I feel safe”' });
  return problems;
}
