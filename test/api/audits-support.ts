/**
 * What the audit, template and action suites share: complete answers for a template, a
 * short way to plan and save an audit, and reading the outbox.
 */
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { Answers } from '@waypoint/shared/templates/answer-schemas';
import { BUILT_IN_TEMPLATES, JOURNEY_OF_THE_CHILD_ID } from '@waypoint/shared/templates/built-in/built-in-templates';
import type { Grade } from '@waypoint/shared/templates/grade-scale';
import type { TestStack } from '../support/stack.ts';
import { expectJson, jsonInit, nv } from './api-client.ts';

export const JOURNEY = BUILT_IN_TEMPLATES.find((t) => t.templateId === JOURNEY_OF_THE_CHILD_ID)!;

export const todayInLondon = () => londonDate(new Date());

/** Every required answer of a template, graded `grade`, with nothing flagged. */
export function requiredAnswers(template = JOURNEY, grade: Grade = 'good'): Answers {
  return Object.fromEntries(
    template.sections.map((section) => [
      section.id,
      Object.fromEntries(
        section.questions.filter((q) => q.required).map((q) => [q.id, q.type === 'grade' ? grade : q.type === 'evidenced' ? 'yes' : q.type === 'choice' ? q.options![0]!.value : q.type === 'date' ? '2026-01-10' : 'Discussed and evidenced in the record.']),
      ),
    ]),
  );
}

export interface Saved {
  audit: Audit;
  etag: string;
}

async function saved(response: Response, status = 200): Promise<Saved> {
  const audit = await expectJson<Audit>(response, status);
  return { audit, etag: response.headers.get('etag')! };
}

/** Plans a Journey of the Child audit as the Northvale manager (or `email`). */
export async function planAudit(stack: TestStack, body: Record<string, unknown> = {}, email = nv('manager')): Promise<Saved> {
  return saved(await stack.api(email, '/v1/audits', jsonInit('POST', { caseRef: 'NV-00005', templateId: JOURNEY_OF_THE_CHILD_ID, ...body })), 201);
}

export async function patchAudit(stack: TestStack, current: Saved, body: Record<string, unknown>, email = nv('manager')): Promise<Saved> {
  return saved(await stack.api(email, `/v1/audits/${current.audit.id}`, jsonInit('PATCH', body, { 'if-match': current.etag })));
}

export async function moveAudit(stack: TestStack, current: Saved, move: 'complete' | 'cancel' | 'reopen', body: Record<string, unknown> = {}, email = nv('manager')): Promise<Response> {
  return stack.api(email, `/v1/audits/${current.audit.id}/${move}`, jsonInit('POST', body, { 'if-match': current.etag }));
}

/** An audit in progress with every required answer and the conversation held today: ready to complete. */
export async function readyToComplete(stack: TestStack, body: Record<string, unknown> = {}): Promise<Saved> {
  const planned = await planAudit(stack, body);
  return patchAudit(stack, planned, { conversationDate: todayInLondon(), answers: requiredAnswers() });
}

export async function completedAudit(stack: TestStack, body: Record<string, unknown> = {}): Promise<Saved> {
  return saved(await moveAudit(stack, await readyToComplete(stack, body), 'complete'));
}

export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
}

export async function outbox(stack: TestStack): Promise<OutboxMessage[]> {
  const { items } = await expectJson<{ items: OutboxMessage[] }>(await stack.api(nv('qa'), '/v1/dev/outbox?limit=100'));
  return items;
}

/** Messages about one audit (they carry its id in their link). */
export async function messagesAbout(stack: TestStack, auditId: string): Promise<OutboxMessage[]> {
  return (await outbox(stack)).filter((m) => m.text.includes(auditId));
}
