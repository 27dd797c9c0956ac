/** What the review set-up form posted, kept to show again beside its problems. */
import { datePartsFromForm, type DateParts } from '../audits/date-parts.ts';

export interface ReviewFormValues {
  title: string;
  question: string;
  scope: string;
  templateId: string;
  casesDueBy: DateParts;
  withCaseHolder: boolean;
  reviewerIds: string[];
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export function reviewFormValues(form: FormData): ReviewFormValues {
  return {
    title: text(form, 'title'),
    question: text(form, 'question'),
    scope: text(form, 'scope'),
    templateId: text(form, 'templateId'),
    casesDueBy: datePartsFromForm(form, 'casesDueBy'),
    withCaseHolder: form.get('withCaseHolder') === 'yes',
    reviewerIds: form.getAll('reviewerIds').map(String),
  };
}
