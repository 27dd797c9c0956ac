/**
 * Work shadowing across authorities and within one: every shadowing route, called by each
 * Southmoor role with a Northvale shadowing's id, answers exactly as for an id nobody has
 * (404) and changes nothing; so does any Northvale member of staff who is neither of its two
 * people. Another authority's practitioner cannot be booked, nor another's team named for an
 * action from shadowing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShadowingLearning, ShadowingList, ShadowingOverview, ShadowingView } from '@waypoint/shared/shadowing/shadowing-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { ROLES, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';
import { todayInLondon } from '../api/audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** The demo's revealed visit between Northvale's `manager@` and `practitioner@`. */
const NV_SHADOWING = 'nv-shadowing-1';

const ROUTES: { name: string; path: string; init?: () => RequestInit }[] = [
  { name: 'GET', path: '' },
  { name: 'answer', path: '/answer', init: () => jsonInit('POST', { answer: 'agree' }, { 'if-match': '"1"' }) },
  { name: 'cancel', path: '/cancel', init: () => jsonInit('POST', {}, { 'if-match': '"1"' }) },
  { name: 'consent', path: '/consent', init: () => jsonInit('PUT', { givenBy: 'Mother', how: 'phone', givenOn: todayInLondon() }, { 'if-match': '"1"' }) },
  { name: 'withdrawal', path: '/consent/withdrawal', init: () => jsonInit('POST', { how: 'phone', withdrawnOn: todayInLondon() }, { 'if-match': '"1"' }) },
  { name: 'observation', path: '/observation', init: () => jsonInit('PUT', { answers: {}, tags: [] }, { 'if-match': '"1"' }) },
  { name: 'feedback', path: '/feedback', init: () => jsonInit('PUT', { forPractitioner: 'x' }, { 'if-match': '"1"' }) },
];

async function sameAsMissing(email: string) {
  for (const route of ROUTES) {
    const theirs = await expectProblem(await stack.api(email, `/v1/shadowing/${NV_SHADOWING}${route.path}`, route.init?.()), 404);
    const nobodys = await expectProblem(await stack.api(email, `/v1/shadowing/xx-shadowing-1${route.path}`, route.init?.()), 404);
    expect({ ...theirs, instance: undefined }, route.name).toEqual({ ...nobodys, instance: undefined });
  }
}

describe('another authority’s shadowing', () => {
  for (const role of ROLES) {
    it(`is 404 on every route for a Southmoor ${role}, as for an id nobody has`, async () => {
      await sameAsMissing(sm(role));
    });
  }

  it('is not in Southmoor’s lists or learning view, and is left as it was', async () => {
    const list = await expectJson<ShadowingList>(await stack.api(sm('manager'), '/v1/shadowing'));
    expect(list.items.map((s) => s.id).every((id) => id.startsWith('sm-'))).toBe(true);
    const learning = await expectJson<ShadowingLearning>(await stack.api(sm('qa'), '/v1/shadowing/learning'));
    expect(learning.actions.map((a) => a.id).every((id) => id.startsWith('sm-'))).toBe(true);
    expect(learning.leadersShouldChange.length).toBeGreaterThan(0);
    for (const role of ['qa', 'senior', 'manager'] as const) {
      const all = await expectJson<ShadowingOverview>(await stack.api(sm(role), '/v1/shadowing/all'));
      expect(all.items.length, role).toBeGreaterThan(0);
      expect(all.items.map((s) => s.id).every((id) => id.startsWith('sm-'))).toBe(true);
      expect(Object.keys(all.people).every((id) => id.startsWith('sm-'))).toBe(true);
    }
    const still = await expectJson<ShadowingView>(await stack.api(nv('manager'), `/v1/shadowing/${NV_SHADOWING}`));
    expect(still.version).toBe(1);
  });

  it('cannot be booked with another authority’s practitioner, nor raise an action for another authority’s team', async () => {
    const booked = await expectProblem(await stack.api(nv('senior'), '/v1/shadowing', jsonInit('POST', { practitionerId: 'sm-practitioner', work: 'visit', date: todayInLondon(), description: 'x' })), 400);
    expect(booked.errors).toEqual([{ path: 'practitionerId', message: 'No such practitioner' }]);
    const action = await expectProblem(await stack.api(nv('senior'), '/v1/actions', jsonInit('POST', { source: { type: 'shadowing', theme: 'recording' }, teamId: 'sm-fostering', description: 'x', ownerId: 'nv-practitioner', dueDate: todayInLondon() })), 400);
    expect(action.errors?.map((e) => e.path)).toContain('teamId');
  });

  it('carries no tenantId in a body: it is an unknown field (400)', async () => {
    const problem = await expectProblem(await stack.api(nv('manager'), '/v1/shadowing', jsonInit('POST', { practitionerId: 'nv-practitioner', work: 'visit', date: todayInLondon(), description: 'x', tenantId: 'x' })), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['tenantId']);
  });
});

describe('someone else’s shadowing in the same authority', () => {
  for (const role of ['student', 'qa', 'senior', 'admin'] as const) {
    it(`is 404 on every route for Northvale’s ${role}, who is neither of its two people`, async () => {
      await sameAsMissing(nv(role));
    });
  }
});
