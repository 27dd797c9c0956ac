/**
 * What stops an audit completing, as links to where each is fixed: the same list the API
 * gives in its 400 (`conversationDate`, `answers.<section>.<question>`), or the shared
 * helper's before anything is posted. Questions repeat from section to section ("Grade for
 * this section"), so each message names its section.
 */
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { missingAnswers } from '@waypoint/shared/templates/answer-schemas';
import type { TemplateDefinition } from '@waypoint/shared/templates/template-schemas';
import { countOf } from '@waypoint/shared/formatting/plurals';
import { fieldId } from '../forms/form-errors.ts';

export interface CompletionProblem {
  href?: string;
  message: string;
}

type Sections = Pick<TemplateDefinition, 'sections'>;

const ANSWER_PATH = /^answers\.([^.]+)\.([^.]+)$/;

/** The page and input where a problem's path is answered, when there is one. */
export function problemHref(auditId: string, path: string): string | undefined {
  const base = `/audits/${encodeURIComponent(auditId)}`;
  if (path === 'conversationDate' || path.startsWith('periodReviewed') || path.startsWith('partners') || path === 'studentId') {
    return `${base}/conversation#${fieldId(path)}`;
  }
  const answer = ANSWER_PATH.exec(path);
  if (answer) return `${base}/sections/${encodeURIComponent(answer[1]!)}#${fieldId(path)}`;
  return undefined;
}

function messageFor(template: Sections, path: string, fallback: string): string {
  const answer = ANSWER_PATH.exec(path);
  const section = answer ? template.sections.find((s) => s.id === answer[1]) : undefined;
  const question = section?.questions.find((q) => q.id === answer?.[2]);
  return section && question ? `Answer “${question.label}” in ${section.title}` : fallback;
}

export function problemsFromApi(auditId: string, template: Sections, errors: readonly { path: string; message: string }[] | undefined): CompletionProblem[] {
  return (errors ?? []).map((e) => ({ href: problemHref(auditId, e.path), message: messageFor(template, e.path, e.message) }));
}

function missingOf(template: Sections, audit: Pick<Audit, 'answers' | 'conversationDate'>) {
  const missing = missingAnswers(template, audit.answers);
  if (!audit.conversationDate) missing.unshift({ path: 'conversationDate', message: 'Record the date of the audit conversation before completing' });
  return missing;
}

/** Checked here exactly as the API checks on completion, so the list matches what it would say. */
export function completionProblems(template: Sections, audit: Pick<Audit, 'id' | 'answers' | 'conversationDate'>): CompletionProblem[] {
  return problemsFromApi(audit.id, template, missingOf(template, audit));
}

export interface MissingInPart {
  href: string;
  title: string;
  count: number;
}

const CONVERSATION = 'The conversation';

/** Problems with paths counted by part of the audit, in the order given (template order), linking to the first gap in each. */
function countByPart(auditId: string, template: Sections, errors: readonly { path: string }[]): MissingInPart[] {
  const parts: MissingInPart[] = [];
  for (const { path } of errors) {
    const sectionId = ANSWER_PATH.exec(path)?.[1];
    const title = sectionId ? (template.sections.find((s) => s.id === sectionId)?.title ?? sectionId) : CONVERSATION;
    const same = parts.find((p) => p.title === title);
    if (same) same.count += 1;
    else parts.push({ href: problemHref(auditId, path) ?? '', title, count: 1 });
  }
  return parts;
}

/** The same, counted by part of the audit: a short list to read before trying to complete. */
export function missingByPart(template: Sections, audit: Pick<Audit, 'id' | 'answers' | 'conversationDate'>): MissingInPart[] {
  return countByPart(audit.id, template, missingOf(template, audit));
}

/** "3. Assessment: 3 answers missing", or what the conversation lacks. */
export function partMessage(part: MissingInPart): string {
  if (part.title === CONVERSATION) return `${CONVERSATION}: the date is not recorded`;
  return `${part.title}: ${countOf(part.count, 'answer')} missing`;
}

/**
 * What the API refused a completion for, one line per part of the audit rather than one per
 * answer (an empty audit misses forty), each linking to where its first gap is answered.
 * Problems that are not answers (the conversation's date among them) keep their own words.
 */
export function groupedProblemsFromApi(auditId: string, template: Sections, errors: readonly { path: string; message: string }[] | undefined): CompletionProblem[] {
  const all = errors ?? [];
  const answers = all.filter((e) => ANSWER_PATH.test(e.path) || e.path === 'conversationDate');
  const others = all.filter((e) => !answers.includes(e));
  return [...countByPart(auditId, template, answers).map((part) => ({ href: part.href, message: partMessage(part) })), ...problemsFromApi(auditId, template, others)];
}

/** What is missing now, grouped the same way as a refused completion. */
export function groupedCompletionProblems(template: Sections, audit: Pick<Audit, 'id' | 'answers' | 'conversationDate'>): CompletionProblem[] {
  return groupedProblemsFromApi(audit.id, template, missingOf(template, audit));
}
