/**
 * A fixed set of test data for the evidence suites, in a team of its own on a fixed day
 * (12 March 2031, by the settable clock), so every figure can be worked out by hand:
 *
 * | case | demographics | audit | month | what happens |
 * | --- | --- | --- | --- | --- |
 * | DB-00001 | female, white, not disabled, 10-15 | a1 | March | completed Good on time; moderated |
 * | DB-00002 | the same | a2 | March | completed Inadequate on time (plans its re-audit in June) |
 * | DB-00003 | the same | a3 | February | completed Requires improvement, late |
 * | DB-00004 | the same | a4 | March | planned |
 * | DB-00005 | the same | a5 | February | planned: late |
 * | DB-00006 | the same | a6 | March | cancelled |
 * | DB-00007 | male, black, disabled, 10-15 | a7 | March | completed Good on time |
 *
 * Actions, all owned by Dana Reid and raised on 12 March: x1 (a1, assessment) done that day
 * and verified; x2 (a2, planning) cancelled; x3 (a7, planning, due 13 March) left open;
 * x4 (a2, assessment) started, and judged "too early to tell" from a2's re-audit.
 */
import { clock } from '@waypoint/shared/time/clock';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { TestStack } from '../support/stack.ts';
import { expectJson, jsonInit, nv } from './api-client.ts';
import { moved, raiseAction, savedAction, type SavedAction } from './actions-support.ts';
import { JOURNEY, moveAudit, patchAudit, planAudit, requiredAnswers, type Saved } from './audits-support.ts';

export const DAY = '2031-03-12';
export const TEAM = 'dash';
export const at = (date: string) => new Date(`${date}T10:00:00Z`);

export interface Fixture {
  owner: User;
  teamManager: User;
  audits: Record<'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'a6' | 'a7', Audit>;
  actions: Record<'x1' | 'x2' | 'x3' | 'x4', SavedAction>;
}

async function completed(stack: TestStack, planned: Saved, grade: 'good' | 'requires-improvement' | 'inadequate'): Promise<Audit> {
  const ready = await patchAudit(stack, planned, { conversationDate: DAY, answers: requiredAnswers(JOURNEY, grade) }, nv('senior'));
  return expectJson<Audit>(await moveAudit(stack, ready, 'complete', {}, nv('senior')));
}

/** Builds the fixture with the clock at `DAY`; the caller restores the clock. */
export async function buildFixture(stack: TestStack): Promise<Fixture> {
  clock.set(at(DAY));
  await expectJson(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { id: TEAM, name: 'Dashboard test team' })), 201);
  const owner = await expectJson<User>(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', { name: 'Dana Reid', email: 'dana.reid@northvale.example', role: 'practitioner', teamIds: [TEAM] })), 201);
  const teamManager = await expectJson<User>(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', { name: 'Mo Farrant', email: 'mo.farrant@northvale.example', role: 'manager', teamIds: [TEAM] })), 201);
  for (let n = 1; n <= 7; n++) {
    const demographics = n === 7 ? { gender: 'male', ethnicity: 'black', disability: 'yes' } : { gender: 'female', ethnicity: 'white', disability: 'no' };
    const body = { ref: `DB-0000${n}`, teamId: TEAM, caseType: 'child-in-need', ageBand: '10-15', holderId: owner.id, ...demographics };
    await expectJson(await stack.api(nv('qa'), '/v1/cases', jsonInit('POST', body)), 201);
  }
  const plan = (n: number, month: string) => planAudit(stack, { caseRef: `DB-0000${n}`, month }, nv('senior'));
  const a1 = await completed(stack, await plan(1, '2031-03'), 'good');
  const a2 = await completed(stack, await plan(2, '2031-03'), 'inadequate');
  const a3 = await completed(stack, await plan(3, '2031-02'), 'requires-improvement');
  const a4 = (await plan(4, '2031-03')).audit;
  const a5 = (await plan(5, '2031-02')).audit;
  const a6planned = await plan(6, '2031-03');
  const a6 = await expectJson<Audit>(await moveAudit(stack, a6planned, 'cancel', { reason: 'Sampled twice' }, nv('senior')));
  const a7 = await completed(stack, await plan(7, '2031-03'), 'good');
  const moderation = { sections: { assessment: { grade: 'good' }, 'planning-and-review': { grade: 'requires-improvement' } }, overallGrade: 'requires-improvement', comment: 'The plan is not yet SMART.' };
  await expectJson(await stack.api(nv('qa'), `/v1/audits/${a1.id}/moderation`, jsonInit('PUT', moderation)), 201);

  const raise = (audit: Audit, sectionId: string, dueDate: string) => raiseAction(stack, { auditId: audit.id, sectionId, dueDate, ownerId: owner.id }, nv('senior'));
  let x1 = await raise(a1, 'assessment', '2031-03-26');
  x1 = await moved(stack, x1, 'complete', { evidence: 'The father’s views are in the assessment.', doneOn: DAY }, nv('senior'));
  x1 = await moved(stack, x1, 'verify', {}, nv('senior'));
  const x2 = await moved(stack, await raise(a2, 'planning-and-review', '2031-03-15'), 'cancel', { reason: 'Covered by the child protection plan.' }, nv('senior'));
  const x3 = await raise(a7, 'planning-and-review', '2031-03-13');
  let x4 = await moved(stack, await raise(a2, 'assessment', '2031-04-01'), 'start', undefined, nv('senior'));
  x4 = await savedAction(await stack.api(nv('senior'), `/v1/actions/${x4.action.id}/impact`, jsonInit('PUT', { reauditId: `re-${a2.id}`, difference: 'too-early' }, { 'if-match': x4.etag })));
  return { owner, teamManager, audits: { a1, a2, a3, a4, a5, a6, a7 }, actions: { x1, x2, x3, x4 } };
}
