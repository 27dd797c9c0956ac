/**
 * What stops an audit completing, as links to where each is fixed: the same list the API
 * gives in its 400 (`conversationDate`, `answers.<section>.<question>`), or the shared
 * helper's before anything is posted.
 */
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { missingAnswers } from '@waypoint/shared/templates/answer-schemas';
import type { TemplateDefinition } from '@waypoint/shared/templates/template-schemas';
import { fieldId } from '../forms/form-errors.ts';

export interface CompletionProblem {
  href?: string;
  message: string;
}

/** The page and input where a problem's path is answered, when there is one. */
export function problemHref(auditId: string, path: string): string | undefined {
  const base = `/audits/${encodeURIComponent(auditId)}`;
  if (path === 'conversationDate' || path.startsWith('periodReviewed') || path.startsWith('partners') || path === 'studentId') {
    return `${base}/conversation#${fieldId(path)}`;
  }
  const answer = /^answers\.([^.]+)\.([^.]+)$/.exec(path);
  if (answer) return `${base}/sections/${encodeURIComponent(answer[1]!)}#${fieldId(path)}`;
  return undefined;
}

export function problemsFromApi(auditId: string, errors: readonly { path: string; message: string }[] | undefined): CompletionProblem[] {
  return (errors ?? []).map((e) => ({ href: problemHref(auditId, e.path), message: e.message }));
}

/** Checked here exactly as the API checks on completion, so the list matches what it would say. */
export function completionProblems(template: Pick<TemplateDefinition, 'sections'>, audit: Pick<Audit, 'id' | 'answers' | 'conversationDate'>): CompletionProblem[] {
  const missing = missingAnswers(template, audit.answers);
  if (!audit.conversationDate) missing.unshift({ path: 'conversationDate', message: 'Record the date of the audit conversation before completing' });
  return problemsFromApi(audit.id, missing);
}
