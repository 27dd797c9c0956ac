/**
 * The running monthly totals, kept with UpdateItem ADD as audits, moderations and actions
 * change, always equal a full recount from the source items, and leave no retry marks behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { TenantContext } from '@waypoint/functions/platform/auth/caller';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, SOUTHMOOR, expectJson, jsonInit, nv, readVersioned } from './api-client.ts';
import { inDays, moved, raiseAction, savedAction } from './actions-support.ts';
import { JOURNEY, moveAudit, patchAudit, planAudit, requiredAnswers, todayInLondon, type Saved } from './audits-support.ts';
import { contextOf, leftoverMarks, recounted, storedTotals } from './totals-support.ts';

let stack: TestStack;
let northvale: TenantContext;
const today = todayInLondon();

beforeAll(async () => {
  stack = await startStack();
  northvale = contextOf(stack, NORTHVALE.id);
});
afterAll(async () => {
  await stack?.stop();
});

const saved = async (response: Response): Promise<Saved> => ({ audit: await expectJson<Audit>(response), etag: response.headers.get('etag')! });

describe('the running totals', () => {
  it('start equal to a recount of the demo data, for each authority', async () => {
    expect(Object.keys(await storedTotals(northvale)).length).toBeGreaterThan(20);
    expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
    const southmoor = contextOf(stack, SOUTHMOOR.id);
    expect(await storedTotals(southmoor)).toEqual(await recounted(southmoor));
  });

  it('still equal a recount after audits are planned, moved to another month, saved, completed, reopened, completed again and cancelled', async () => {
    let audit = await planAudit(stack, { caseRef: 'NV-00010' });
    audit = await patchAudit(stack, audit, { month: inDays(today, 40).slice(0, 7) });
    audit = await patchAudit(stack, audit, { conversationDate: today, answers: requiredAnswers(JOURNEY, 'good') });
    audit = await saved(await moveAudit(stack, audit, 'complete'));
    audit = await saved(await moveAudit(stack, audit, 'reopen', { reason: 'A section was graded on the wrong evidence.' }, nv('qa')));
    audit = await patchAudit(stack, audit, { answers: requiredAnswers(JOURNEY, 'requires-improvement') });
    await moveAudit(stack, audit, 'complete');
    const doomed = await planAudit(stack, { caseRef: 'NV-00011' });
    await moveAudit(stack, doomed, 'cancel', { reason: 'Sampled twice.' });
    expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
  });

  it('still equal a recount after a moderation and its revision', async () => {
    const ready = await patchAudit(stack, await planAudit(stack, { caseRef: 'NV-00012' }), { conversationDate: today, answers: requiredAnswers(JOURNEY, 'good') });
    const done = await saved(await moveAudit(stack, ready, 'complete'));
    const first = await stack.api(nv('qa'), `/v1/audits/${done.audit.id}/moderation`, jsonInit('PUT', { overallGrade: 'requires-improvement', comment: 'A step lower.' }));
    expect(first.status).toBe(201);
    await expectJson(
      await stack.api(nv('qa'), `/v1/audits/${done.audit.id}/moderation`, jsonInit('PUT', { overallGrade: 'good', sections: { assessment: { grade: 'outstanding' } }, comment: 'On reflection, agreed.' }, { 'if-match': first.headers.get('etag')! })),
    );
    expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
  });

  it('still equal a recount after actions are raised, done, verified, reopened, cancelled and judged by a re-audit', async () => {
    const ready = await patchAudit(stack, await planAudit(stack, { caseRef: 'NV-00001' }), { conversationDate: today, answers: requiredAnswers(JOURNEY, 'inadequate') });
    const inadequate = await saved(await moveAudit(stack, ready, 'complete'));
    let a = await raiseAction(stack, { auditId: inadequate.audit.id, dueDate: inDays(today, 7) });
    a = await moved(stack, a, 'complete', { evidence: 'Done.', doneOn: today }, nv('practitioner'));
    a = await moved(stack, a, 'verify', {}, nv('manager'));
    a = await moved(stack, a, 'reopen', { reason: 'Not evidenced.' }, nv('qa'));
    const b = await raiseAction(stack, { auditId: inadequate.audit.id, dueDate: inDays(today, 3), sectionId: 'planning-and-review' });
    await moved(stack, b, 'cancel', { reason: 'Duplicate.' }, nv('manager'));
    const { etag } = await readVersioned(stack, nv('manager'), `/v1/actions/${a.action.id}`);
    await savedAction(await stack.api(nv('manager'), `/v1/actions/${a.action.id}/impact`, jsonInit('PUT', { reauditId: `re-${inadequate.audit.id}`, difference: 'partly' }, { 'if-match': etag })));
    expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
  });

  it('leave no retry marks on the totals items once each change is applied', async () => {
    expect(await leftoverMarks(northvale)).toEqual([]);
  });
});
