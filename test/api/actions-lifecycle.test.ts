/**
 * The action lifecycle over HTTP: started, done with its evidence, verified by the owner's
 * manager or the auditor (never the owner), reopened and cancelled with reasons; a move the
 * lifecycle forbids is 409; every refusal is problem+json and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv } from './api-client.ts';
import { inDays, moveAction, moved, raiseAction, type ActionDetail, type SavedAction } from './actions-support.ts';
import { outbox, planAudit, todayInLondon, type Saved } from './audits-support.ts';

let stack: TestStack;
let audit: Saved;
const today = todayInLondon();

beforeAll(async () => {
  stack = await startStack();
  audit = await planAudit(stack, { caseRef: 'NV-00007', studentId: 'nv-student' });
});
afterAll(async () => {
  await stack?.stop();
});

const raise = (overrides: Partial<Parameters<typeof raiseAction>[1]> = {}) => raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 14), ...overrides });
const read = async (id: string) => {
  const response = await stack.api(nv('qa'), `/v1/actions/${id}`);
  return { action: await expectJson<ActionDetail>(response), etag: response.headers.get('etag')! };
};
const evidence = { evidence: 'Met the father at home on the 3rd; his views are in the assessment addendum.', doneOn: today };

describe('an action from open to verified', () => {
  let action: SavedAction;

  it('is started by its owner', async () => {
    action = await raise();
    // The manager who raised it oversees it, so may move it too.
    expect(action.action.moves).toEqual(['start', 'complete', 'cancel']);
    action = await moved(stack, action, 'start', undefined, nv('practitioner'));
    expect(action.action).toMatchObject({ state: 'in-progress', startedById: 'nv-practitioner', version: 2, overdue: false, moves: ['complete'] });
  });

  it('is done with its evidence and the day it was done, and the owner’s manager is asked to verify it', async () => {
    action = await moved(stack, action, 'complete', evidence, nv('practitioner'));
    expect(action.action).toMatchObject({ state: 'done', evidence: evidence.evidence, doneOn: today, completedById: 'nv-practitioner', version: 3 });
    const asked = (await outbox(stack)).filter((m) => m.text.includes(action.action.id) && m.subject.includes('waits for you to verify'));
    expect(asked.map((m) => m.to)).toEqual(['manager@northvale.example']);
  });

  it('cannot be verified by its owner (403), and is left as it was', async () => {
    const problem = await expectProblem(await moveAction(stack, action, 'verify', {}, nv('practitioner')), 403);
    expect(problem.detail).toMatch(/your manager or the auditor verifies it/);
    expect((await read(action.action.id)).action.state).toBe('done');
  });

  it('is verified by the owner’s manager, who tells the owner', async () => {
    action = await moved(stack, action, 'verify', { note: 'Checked the addendum.' }, nv('manager'));
    expect(action.action).toMatchObject({ state: 'verified', verifiedById: 'nv-manager', verificationNote: 'Checked the addendum.', version: 4 });
    expect((await outbox(stack)).some((m) => m.to === 'practitioner@northvale.example' && m.subject.endsWith('has been verified') && m.text.includes(action.action.id))).toBe(true);
  });

  it('can be reopened with a reason, keeping what had been recorded as done', async () => {
    await expectProblem(await moveAction(stack, action, 'reopen', {}, nv('manager')), 400);
    action = await moved(stack, action, 'reopen', { reason: 'The addendum is not signed off.' }, nv('manager'));
    expect(action.action.state).toBe('open');
    expect(action.action.evidence).toBeUndefined();
    expect(action.action.verifiedById).toBeUndefined();
    expect(action.action.reopenings).toEqual([expect.objectContaining({ byId: 'nv-manager', reason: 'The addendum is not signed off.', evidence: evidence.evidence, doneOn: today })]);
  });
});

describe('moves the lifecycle forbids', () => {
  it('are 409: verifying an open action, restarting a cancelled one, completing a verified one', async () => {
    const open = await raise();
    expect((await expectProblem(await moveAction(stack, open, 'verify', {}, nv('manager')), 409)).detail).toBe('The action is open and cannot be verified; only a done action can');
    const cancelled = await moved(stack, open, 'cancel', { reason: 'Raised twice.' }, nv('manager'));
    expect(cancelled.action).toMatchObject({ state: 'cancelled', cancelReason: 'Raised twice.', moves: [] });
    await expectProblem(await moveAction(stack, cancelled, 'start', undefined, nv('practitioner')), 409);
    await expectProblem(await moveAction(stack, cancelled, 'complete', evidence, nv('manager')), 409);
    expect((await read(open.action.id)).action.version).toBe(2);
  });
});

describe('bad requests change nothing', () => {
  let action: SavedAction;
  beforeAll(async () => {
    action = await raise();
  });

  async function unchanged() {
    const { action: now } = await read(action.action.id);
    expect(now.version).toBe(1);
    expect(now.state).toBe('open');
  }

  it('needs If-Match (428) and the version read (412)', async () => {
    await expectProblem(await moveAction(stack, action, 'start', undefined, nv('practitioner'), ''), 428);
    await expectProblem(await moveAction(stack, action, 'start', undefined, nv('practitioner'), '"7"'), 412);
    await unchanged();
  });

  it('refuses missing evidence, a day in the future or before the action was raised, and unknown fields (400)', async () => {
    const paths = async (body: Record<string, unknown>) => (await expectProblem(await moveAction(stack, action, 'complete', body, nv('practitioner')), 400)).errors?.map((e) => e.path);
    expect(await paths({ doneOn: today })).toEqual(['evidence']);
    expect(await paths({ ...evidence, doneOn: inDays(today, 1) })).toEqual(['doneOn']);
    expect(await paths({ ...evidence, doneOn: inDays(today, -1) })).toEqual(['doneOn']);
    expect(await paths({ ...evidence, state: 'verified' })).toEqual(['state']);
    await expectProblem(await moveAction(stack, action, 'cancel', { reason: ' ' }, nv('manager')), 400);
    await unchanged();
  });

  it('lets neither a colleague nor the student move someone else’s action (403), and hides it from tenant admins (404)', async () => {
    await expectProblem(await moveAction(stack, action, 'start', undefined, nv('student')), 403);
    await expectProblem(await moveAction(stack, action, 'cancel', { reason: 'Not mine' }, nv('practitioner')), 403);
    await expectProblem(await moveAction(stack, action, 'start', undefined, nv('admin')), 404);
    await expectProblem(await stack.api(nv('manager'), '/v1/actions/nv-no-such-action/start', { method: 'POST', headers: { 'if-match': '"1"' } }), 404);
    await unchanged();
  });

  it('refuses a due date in the past and an owner from another team or authority on raising, writing nothing', async () => {
    const before = (await expectJson<{ items: unknown[] }>(await stack.api(nv('qa'), `/v1/actions?view=case&caseRef=NV-00007`))).items.length;
    for (const [body, path] of [
      [{ dueDate: inDays(today, -1) }, 'dueDate'],
      [{ ownerId: 'nv-sw-02' }, 'ownerId'],
      [{ ownerId: 'sm-practitioner' }, 'ownerId'],
    ] as const) {
      const problem = await expectProblem(
        await stack.api(nv('manager'), '/v1/actions', jsonInit('POST', { source: { type: 'audit', auditId: audit.audit.id, sectionId: 'assessment' }, description: 'x', ownerId: 'nv-practitioner', dueDate: inDays(today, 3), ...body })),
        400,
      );
      expect(problem.errors?.map((e) => e.path)).toEqual([path]);
    }
    expect((await expectJson<{ items: unknown[] }>(await stack.api(nv('qa'), `/v1/actions?view=case&caseRef=NV-00007`))).items).toHaveLength(before);
  });
});

describe('the audit’s read view', () => {
  it('shows each finding’s actions with their state', async () => {
    const detail = await expectJson<{ actions: { id: string; state: string; source: { sectionId: string } }[] }>(await stack.api(nv('manager'), `/v1/audits/${audit.audit.id}`));
    const states = new Set(detail.actions.map((a) => a.state));
    expect(states).toEqual(new Set(['open', 'cancelled']));
    expect(detail.actions.every((a) => a.source.sectionId === 'assessment')).toBe(true);
  });
});
