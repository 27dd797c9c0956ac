/** An audit's lifecycle over HTTP: every allowed and forbidden move, versions, concurrency and the activity log. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import { londonMonth } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readAllPages } from './api-client.ts';
import { completedAudit, moveAudit, patchAudit, planAudit, readyToComplete, requiredAnswers, todayInLondon, type Saved } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const savedFrom = async (response: Response): Promise<Saved> => ({ audit: await expectJson<Audit>(response), etag: response.headers.get('etag')! });

describe('planning and saving', () => {
  it('plans an audit on the newest template version, with sensible defaults', async () => {
    const response = await stack.api(nv('manager'), '/v1/audits', jsonInit('POST', { caseRef: 'NV-00005', templateId: 'journey-of-the-child' }));
    const audit = await expectJson<Audit>(response, 201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/v1/audits/${audit.id}`);
    expect(audit).toMatchObject({
      caseRef: 'NV-00005',
      teamId: 'child-in-need',
      templateVersion: 1,
      state: 'planned',
      auditType: 'monthly',
      month: londonMonth(new Date()),
      auditorId: 'nv-manager',
      caseHolderId: 'nv-practitioner',
      answers: {},
      safeguardingConcern: false,
      periodReviewed: { to: todayInLondon() },
    });
  });

  it('keeps a planned audit planned while only its details change, and starts it when answers are first saved', async () => {
    const planned = await planAudit(stack);
    const details = await patchAudit(stack, planned, { conversationDate: todayInLondon(), partners: [{ name: 'Dana Whitfield', agency: 'Northgate Primary' }] });
    expect(details.audit).toMatchObject({ state: 'planned', version: 2, conversationDate: todayInLondon() });
    const started = await patchAudit(stack, details, { answers: { assessment: { evidenced: 'yes' } } });
    expect(started.audit).toMatchObject({ state: 'in-progress', version: 3 });
  });

  it('merges draft answers: later saves keep earlier ones, and null or an empty string clears one', async () => {
    const planned = await planAudit(stack);
    const first = await patchAudit(stack, planned, { answers: { assessment: { evidenced: 'yes', grade: 'good' }, 'case-summary': { evidence: 'Chronology current.' } } });
    const second = await patchAudit(stack, first, { answers: { assessment: { grade: 'requires-improvement', evidenced: null }, 'case-summary': { evidence: '' } } });
    expect(second.audit.answers).toEqual({ assessment: { grade: 'requires-improvement' } });
    expect(second.audit.sectionGrades).toEqual({ assessment: 'requires-improvement' });
  });

  it('answers a PATCH without If-Match with 428 and one with a stale ETag with 412', async () => {
    const planned = await planAudit(stack);
    await expectProblem(await stack.api(nv('manager'), `/v1/audits/${planned.audit.id}`, jsonInit('PATCH', { auditType: 'deep-dive' })), 428);
    await patchAudit(stack, planned, { auditType: 'deep-dive' });
    await expectProblem(await stack.api(nv('manager'), `/v1/audits/${planned.audit.id}`, jsonInit('PATCH', { auditType: 'thematic' }, { 'if-match': planned.etag })), 412);
  });
});

describe('completing', () => {
  it('completes an audit in progress that has every required answer and the conversation date', async () => {
    const ready = await readyToComplete(stack);
    const done = await savedFrom(await moveAudit(stack, ready, 'complete'));
    expect(done.audit).toMatchObject({ state: 'completed', completedById: 'nv-manager', overallGrade: 'good' });
    expect(done.etag).toBe(`"${ready.audit.version + 1}"`);
  });

  it('locks the grades: a completed audit refuses any change with 409 and keeps its answers', async () => {
    const done = await completedAudit(stack);
    const refused = await expectProblem(await stack.api(nv('manager'), `/v1/audits/${done.audit.id}`, jsonInit('PATCH', { answers: { assessment: { grade: 'inadequate' } } }, { 'if-match': done.etag })), 409);
    expect(refused.detail).toMatch(/completed/);
    const read = await expectJson<AuditDetail>(await stack.api(nv('manager'), `/v1/audits/${done.audit.id}`));
    expect(read.answers.assessment?.grade).toBe('good');
    expect(read.version).toBe(done.audit.version);
  });

  it('refuses to complete a planned audit (409): it has not started', async () => {
    const planned = await planAudit(stack);
    await expectProblem(await moveAudit(stack, planned, 'complete'), 409);
  });

  it('needs If-Match to complete: 428 without it, 412 when stale', async () => {
    const ready = await readyToComplete(stack);
    await expectProblem(await stack.api(nv('manager'), `/v1/audits/${ready.audit.id}/complete`, { method: 'POST' }), 428);
    await expectProblem(await moveAudit(stack, { ...ready, etag: '"1"' }, 'complete'), 412);
  });
});

describe('cancelling and reopening', () => {
  it('cancels a planned audit, and one in progress, with a reason; a cancelled audit then refuses every move', async () => {
    const planned = await planAudit(stack);
    const cancelled = await savedFrom(await moveAudit(stack, planned, 'cancel', { reason: 'Case transferred to another authority.' }));
    expect(cancelled.audit).toMatchObject({ state: 'cancelled', cancelReason: 'Case transferred to another authority.', cancelledById: 'nv-manager' });
    for (const move of ['complete', 'cancel'] as const) await expectProblem(await moveAudit(stack, cancelled, move, { reason: 'again' }), 409);
    await expectProblem(await moveAudit(stack, cancelled, 'reopen', { reason: 'again' }, nv('qa')), 409);
    await expectProblem(await stack.api(nv('manager'), `/v1/audits/${cancelled.audit.id}`, jsonInit('PATCH', { auditType: 'thematic' }, { 'if-match': cancelled.etag })), 409);

    const started = await patchAudit(stack, await planAudit(stack), { answers: { assessment: { evidenced: 'no' } } });
    const stopped = await savedFrom(await moveAudit(stack, started, 'cancel', { reason: 'Duplicate of another audit.' }));
    expect(stopped.audit.state).toBe('cancelled');
  });

  it('needs a reason to cancel (400) and refuses to cancel a completed audit (409)', async () => {
    const planned = await planAudit(stack);
    const problem = await expectProblem(await moveAudit(stack, planned, 'cancel', { reason: '  ' }), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['reason']);
    const done = await completedAudit(stack);
    await expectProblem(await moveAudit(stack, done, 'cancel', { reason: 'Too late' }), 409);
  });

  it('lets only a QA officer reopen a completed audit, with a reason, back to in progress; it can then complete again', async () => {
    const done = await completedAudit(stack);
    for (const role of ['manager', 'senior', 'practitioner'] as const) await expectProblem(await moveAudit(stack, done, 'reopen', { reason: 'Grade query' }, nv(role)), 403);
    await expectProblem(await moveAudit(stack, done, 'reopen', {}, nv('qa')), 400);
    const reopened = await savedFrom(await moveAudit(stack, done, 'reopen', { reason: 'Moderation found the assessment section over-graded.' }, nv('qa')));
    expect(reopened.audit).toMatchObject({ state: 'in-progress', reopenings: [{ byId: 'nv-qa', reason: 'Moderation found the assessment section over-graded.' }] });
    expect(reopened.audit.completedAt).toBeUndefined();
    await expectProblem(await moveAudit(stack, reopened, 'reopen', { reason: 'again' }, nv('qa')), 409);
    const regraded = await patchAudit(stack, reopened, { answers: { assessment: { grade: 'requires-improvement' } } });
    const again = await savedFrom(await moveAudit(stack, regraded, 'complete'));
    expect(again.audit).toMatchObject({ state: 'completed', sectionGrades: { assessment: 'requires-improvement' } });
  });
});

describe('concurrency and the record of changes', () => {
  it('lets one of two saves on the same version win; the other gets 412, re-reads and loses nothing', async () => {
    const planned = await planAudit(stack);
    const [a, b] = await Promise.all([
      stack.api(nv('manager'), `/v1/audits/${planned.audit.id}`, jsonInit('PATCH', { answers: { assessment: { grade: 'good' } } }, { 'if-match': planned.etag })),
      stack.api(nv('qa'), `/v1/audits/${planned.audit.id}`, jsonInit('PATCH', { answers: { 'voice-of-the-child': { grade: 'outstanding' } } }, { 'if-match': planned.etag })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? { by: nv('manager'), answers: { assessment: { grade: 'good' } } } : { by: nv('qa'), answers: { 'voice-of-the-child': { grade: 'outstanding' } } };
    const current = await stack.api(nv('manager'), `/v1/audits/${planned.audit.id}`);
    const latest = { audit: await expectJson<Audit>(current), etag: current.headers.get('etag')! };
    const merged = await patchAudit(stack, latest, { answers: loser.answers }, loser.by);
    expect(merged.audit.sectionGrades).toEqual({ assessment: 'good', 'voice-of-the-child': 'outstanding' });
    expect(merged.audit.version).toBe(3);
  });

  it('records every change in the activity log with the versions before and after', async () => {
    const done = await completedAudit(stack);
    const { items } = await readAllPages<{ entity: string; entityId: string; action: string; versionBefore: number | null; versionAfter: number; changes: string[] }>(stack, nv('qa'), '/v1/activity?limit=100');
    const entries = items.filter((e) => e.entity === 'audit' && e.entityId === done.audit.id).sort((x, y) => x.versionAfter - y.versionAfter);
    expect(entries.map((e) => [e.action, e.versionBefore, e.versionAfter])).toEqual([
      ['created', null, 1],
      ['updated', 1, 2],
      ['updated', 2, 3],
    ]);
    expect(entries[1]!.changes).toEqual(expect.arrayContaining(['answers', 'conversationDate', 'state']));
    expect(entries[2]!.changes).toEqual(expect.arrayContaining(['completedAt', 'state']));
  });

  it('fills in every section’s grade and the overall grade as answers are saved', async () => {
    const ready = await readyToComplete(stack);
    expect(ready.audit.overallGrade).toBe('good');
    expect(Object.keys(ready.audit.sectionGrades)).toHaveLength(9);
    expect(requiredAnswers()['overall-judgement']).toBeDefined();
  });
});
