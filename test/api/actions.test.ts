/** `POST /v1/actions` and `GET /v1/actions/{id}`: raising remedial actions from audit findings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '@waypoint/shared/actions/action-schemas';
import type { AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import { formatDate } from '@waypoint/shared/formatting/dates';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv } from './api-client.ts';
import { moveAudit, outbox, planAudit, todayInLondon, type Saved } from './audits-support.ts';

let stack: TestStack;
let audit: Saved;
beforeAll(async () => {
  stack = await startStack();
  audit = await planAudit(stack, { caseRef: 'NV-00002', studentId: 'nv-student' });
});
afterAll(async () => {
  await stack?.stop();
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const body = (overrides: Record<string, unknown> = {}) => ({
  source: { type: 'audit', auditId: audit.audit.id, sectionId: 'planning-and-review' },
  description: 'Update the plan with dates and owners, and share it with the family.',
  finding: 'Two plan actions drifted without a recorded reason.',
  ownerId: 'nv-practitioner',
  dueDate: inDays(14),
  priority: 'high',
  ...overrides,
});
const raise = (email: string, overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) => stack.api(email, '/v1/actions', jsonInit('POST', body(overrides), headers));
const actionsOnAudit = async () => (await expectJson<AuditDetail>(await stack.api(nv('qa'), `/v1/audits/${audit.audit.id}`))).actions;

describe('raising an action', () => {
  it('creates an open action for the audit’s case, listed on the audit’s read view, and emails the owner', async () => {
    const response = await raise(nv('manager'));
    const action = await expectJson<Action>(response, 201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/v1/actions/${action.id}`);
    expect(action).toMatchObject({ state: 'open', caseRef: 'NV-00002', teamId: 'child-in-need', ownerId: 'nv-practitioner', priority: 'high', raisedById: 'nv-manager', source: { type: 'audit', sectionId: 'planning-and-review' } });
    expect((await actionsOnAudit()).map((a) => a.id)).toContain(action.id);
    const mail = (await outbox(stack)).find((m) => m.text.includes(action.id));
    expect(mail).toMatchObject({ to: 'practitioner@northvale.example', subject: `Action for case NV-00002, due ${formatDate(action.dueDate)}` });
  });

  it('takes medium priority and today’s date as a due date', async () => {
    const { priority: _p, ...rest } = body({ dueDate: todayInLondon() });
    const action = await expectJson<Action>(await stack.api(nv('qa'), '/v1/actions', jsonInit('POST', rest)), 201);
    expect(action.priority).toBe('medium');
  });

  it('raises it once when a retry carries the same Idempotency-Key', async () => {
    const before = (await actionsOnAudit()).length;
    const first = await expectJson<Action>(await raise(nv('manager'), {}, { 'idempotency-key': 'action-retry-0001' }), 201);
    const again = await expectJson<Action>(await raise(nv('manager'), {}, { 'idempotency-key': 'action-retry-0001' }), 201);
    expect(again.id).toBe(first.id);
    expect(await actionsOnAudit()).toHaveLength(before + 1);
  });
});

describe('bad input', () => {
  async function refused(overrides: Record<string, unknown>): Promise<string[]> {
    const before = (await actionsOnAudit()).length;
    const mails = (await outbox(stack)).length;
    const problem = await expectProblem(await raise(nv('manager'), overrides), 400);
    expect(await actionsOnAudit()).toHaveLength(before);
    expect(await outbox(stack)).toHaveLength(mails);
    return problem.errors?.map((e) => e.path).sort() ?? [];
  }

  it('refuses an owner from another team or another authority, or with no team, naming ownerId', async () => {
    expect(await refused({ ownerId: 'nv-sw-02' })).toEqual(['ownerId']);
    expect(await refused({ ownerId: 'sm-practitioner' })).toEqual(['ownerId']);
    expect(await refused({ ownerId: 'nv-qa' })).toEqual(['ownerId']);
  });

  it('refuses a due date in the past and a section the audit’s template does not have, both at once', async () => {
    expect(await refused({ dueDate: inDays(-3), source: { type: 'audit', auditId: audit.audit.id, sectionId: 'education' } })).toEqual(['dueDate', 'source.sectionId']);
  });

  it('refuses an audit outside the caller’s scope as if it did not exist, and a missing description or source', async () => {
    const tac = await planAudit(stack, { caseRef: 'NV-00016', templateId: 'tac-reflective-case-summary' }, nv('qa'));
    const problem = await expectProblem(await raise(nv('manager'), { source: { type: 'audit', auditId: tac.audit.id, sectionId: 'next-steps' } }), 400);
    expect(problem.errors).toEqual([{ path: 'source.auditId', message: 'No such audit' }]);
    expect(await refused({ description: '' })).toEqual(['description']);
    expect(await refused({ source: { type: 'elsewhere', auditId: audit.audit.id, sectionId: 'x' } })).toEqual(['source.type']);
  });

  it('refuses an action on a cancelled audit (409)', async () => {
    const doomed = await planAudit(stack, { caseRef: 'NV-00003' });
    await expectJson(await moveAudit(stack, doomed, 'cancel', { reason: 'Sampled twice' }));
    await expectProblem(await raise(nv('manager'), { source: { type: 'audit', auditId: doomed.audit.id, sectionId: 'overall-judgement' } }), 409);
  });
});

describe('who may raise and read actions', () => {
  it('lets only managers, QA officers and senior managers raise them (403)', async () => {
    for (const role of ['practitioner', 'student', 'admin'] as const) await expectProblem(await raise(nv(role)), 403);
  });

  it('shows an action to its owner and to whoever may see its audit, and 404 to anyone else', async () => {
    const action = await expectJson<Action>(await raise(nv('manager')), 201);
    for (const role of ['manager', 'practitioner', 'student', 'qa', 'senior'] as const) {
      const response = await stack.api(nv(role), `/v1/actions/${action.id}`);
      expect((await expectJson<Action>(response)).id, role).toBe(action.id);
      expect(response.headers.get('etag')).toBe('"1"');
    }
    const hidden = await expectProblem(await stack.api(nv('admin'), `/v1/actions/${action.id}`), 404);
    const missing = await expectProblem(await stack.api(nv('manager'), '/v1/actions/nv-no-such-action'), 404);
    expect(hidden.detail).toBe(missing.detail);
    const elsewhere = await planAudit(stack, { caseRef: 'NV-00009' });
    const theirs = await expectJson<Action>(await raise(nv('manager'), { ownerId: 'nv-manager', source: { type: 'audit', auditId: elsewhere.audit.id, sectionId: 'assessment' } }), 201);
    await expectProblem(await stack.api(nv('student'), `/v1/actions/${theirs.id}`), 404);
    await expectProblem(await stack.api(nv('practitioner'), `/v1/actions/${theirs.id}`), 404);
  });
});
