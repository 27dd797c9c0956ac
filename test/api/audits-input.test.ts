/** Bad input to the audit routes: 400 problem+json naming each field, and nothing written. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, AuditSummary } from '@waypoint/shared/audits/audit-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readAllPages } from './api-client.ts';
import { moveAudit, outbox, patchAudit, planAudit, readyToComplete, requiredAnswers, type Saved } from './audits-support.ts';

let stack: TestStack;
let draft: Saved;
beforeAll(async () => {
  stack = await startStack();
  draft = await patchAudit(stack, await planAudit(stack), { answers: { assessment: { grade: 'good' } } });
});
afterAll(async () => {
  await stack?.stop();
});

const paths = (problem: { errors?: { path: string }[] }) => problem.errors?.map((e) => e.path).sort() ?? [];

/** PATCHes the draft, expects 400, and checks the audit did not change. */
async function refusedSave(body: unknown): Promise<string[]> {
  const problem = await expectProblem(await stack.api(nv('manager'), `/v1/audits/${draft.audit.id}`, jsonInit('PATCH', body, { 'if-match': draft.etag })), 400);
  const after = await expectJson<Audit>(await stack.api(nv('manager'), `/v1/audits/${draft.audit.id}`));
  expect(after.version).toBe(draft.audit.version);
  expect(after.answers).toEqual(draft.audit.answers);
  return paths(problem);
}

/** POSTs a new audit, expects 400, and checks no audit of the case and no email appeared. */
async function refusedPlan(body: Record<string, unknown>): Promise<string[]> {
  const before = (await readAllPages<AuditSummary>(stack, nv('qa'), '/v1/audits?caseRef=NV-00006')).items.length;
  const mails = (await outbox(stack)).length;
  const problem = await expectProblem(await stack.api(nv('manager'), '/v1/audits', jsonInit('POST', { caseRef: 'NV-00006', templateId: 'journey-of-the-child', ...body })), 400);
  expect((await readAllPages<AuditSummary>(stack, nv('qa'), '/v1/audits?caseRef=NV-00006')).items).toHaveLength(before);
  expect(await outbox(stack)).toHaveLength(mails);
  return paths(problem);
}

describe('answers that do not match the pinned template', () => {
  it('names an unknown section and an unknown question', async () => {
    expect(await refusedSave({ answers: { nonsense: { grade: 'good' } } })).toEqual(['answers.nonsense']);
    expect(await refusedSave({ answers: { assessment: { colour: 'red' } } })).toEqual(['answers.assessment.colour']);
  });

  it('names a grade that is not on the scale, and answers of the wrong type', async () => {
    expect(await refusedSave({ answers: { assessment: { grade: 'excellent' } } })).toEqual(['answers.assessment.grade']);
    expect(await refusedSave({ answers: { assessment: { evidenced: true, safeguardingConcern: 'yes', latestAssessmentDate: '2026-02-30', childSeenAlone: 'perhaps', evidence: 42 } } })).toEqual([
      'answers.assessment.childSeenAlone',
      'answers.assessment.evidence',
      'answers.assessment.evidenced',
      'answers.assessment.latestAssessmentDate',
      'answers.assessment.safeguardingConcern',
    ]);
  });

  it('refuses an answer longer than the limit, and fields the audit does not have', async () => {
    expect(await refusedSave({ answers: { assessment: { evidence: 'x'.repeat(10_001) } } })).toEqual(['answers.assessment.evidence']);
    expect(await refusedSave({ tenantId: 'someone-else' })).toEqual(['tenantId']);
    expect(await refusedSave({ state: 'completed' })).toEqual(['state']);
  });

  it('never echoes a rejected value back', async () => {
    const problem = await expectProblem(await stack.api(nv('manager'), `/v1/audits/${draft.audit.id}`, jsonInit('PATCH', { answers: { assessment: { grade: 'SECRET-GRADE' } } }, { 'if-match': draft.etag })), 400);
    expect(JSON.stringify(problem)).not.toContain('SECRET-GRADE');
  });
});

describe('dates and people', () => {
  it('refuses a conversation date in the future, before the case opened, or not a real date', async () => {
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    expect(await refusedSave({ conversationDate: tomorrow })).toEqual(['conversationDate']);
    expect(await refusedSave({ conversationDate: '2025-12-31' })).toEqual(['conversationDate']);
    expect(await refusedSave({ conversationDate: '2026-02-29' })).toEqual(['conversationDate']);
    expect(await refusedPlan({ conversationDate: tomorrow })).toEqual(['conversationDate']);
    expect(await refusedPlan({ conversationDate: '2025-12-31' })).toEqual(['conversationDate']);
  });

  it('refuses a period reviewed that ends before it starts or ends in the future', async () => {
    expect(await refusedSave({ periodReviewed: { from: '2026-06-01', to: '2026-01-01' } })).toEqual(['periodReviewed']);
    expect(await refusedSave({ periodReviewed: { from: '2026-01-01', to: '2099-01-01' } })).toEqual(['periodReviewed.to']);
  });

  it('refuses a student who is not a student social worker of this authority', async () => {
    expect(await refusedPlan({ studentId: 'nv-practitioner' })).toEqual(['studentId']);
    expect(await refusedPlan({ studentId: 'sm-student' })).toEqual(['studentId']);
    expect(await refusedSave({ studentId: 'nobody' })).toEqual(['studentId']);
  });

  it('names a case and a template that do not exist, both at once', async () => {
    expect(await refusedPlan({ caseRef: 'NV-99999', templateId: 'no-such-template' })).toEqual(['caseRef', 'templateId']);
  });

  it('refuses a partner without an agency and an unknown audit type', async () => {
    expect(await refusedPlan({ partners: [{ name: 'Dana Whitfield' }], auditType: 'spot-check' })).toEqual(['auditType', 'partners.0.agency']);
  });
});

describe('completing with answers missing', () => {
  it('lists every missing required answer and the conversation date, and leaves the audit in progress', async () => {
    const planned = await planAudit(stack);
    const answers = requiredAnswers();
    delete answers.assessment!.grade;
    delete answers['outcomes-and-impact']!.impact;
    const partial = await patchAudit(stack, planned, { answers });
    const problem = await expectProblem(await moveAudit(stack, partial, 'complete'), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['conversationDate', 'answers.assessment.grade', 'answers.outcomes-and-impact.impact']);
    const after = await expectJson<Audit>(await stack.api(nv('manager'), `/v1/audits/${planned.audit.id}`));
    expect(after).toMatchObject({ state: 'in-progress', version: partial.audit.version });
  });

  it('counts an answer cleared since as missing', async () => {
    const ready = await readyToComplete(stack);
    const cleared = await patchAudit(stack, ready, { answers: { 'overall-judgement': { strengths: '' } } });
    const problem = await expectProblem(await moveAudit(stack, cleared, 'complete'), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['answers.overall-judgement.strengths']);
  });
});
