/**
 * Every role of one authority (Northvale), aimed at another authority's (Southmoor's) ids,
 * gets exactly what a missing id gets: 404, or 400 where the id is named in a body. Nothing
 * in Southmoor changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { ROLES, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';

let stack: TestStack;

/** A team only Southmoor has (both demo authorities share their other team ids). */
const SM_TEAM = 'sm-fostering';
const SM_CASE = 'SM-00001';
const SM_USER = 'sm-qa';

beforeAll(async () => {
  stack = await startStack();
  await expectJson(await stack.api(sm('admin'), '/v1/teams', jsonInit('POST', { id: SM_TEAM, name: 'Fostering' })), 201);
});
afterAll(async () => {
  await stack?.stop();
});

/** Each request names a Southmoor id; `missing` is the same request for an id nobody has. */
const BY_ID: { name: string; path: (id: string) => string; ids: [string, string]; init?: () => RequestInit }[] = [
  { name: 'GET case', path: (id) => `/v1/cases/${id}`, ids: [SM_CASE, 'XX-00001'] },
  { name: 'PATCH case', path: (id) => `/v1/cases/${id}`, ids: [SM_CASE, 'XX-00001'], init: () => jsonInit('PATCH', { label: 'Changed by Northvale' }, { 'if-match': '"1"' }) },
  { name: 'GET user', path: (id) => `/v1/users/${id}`, ids: [SM_USER, 'xx-qa'] },
  { name: 'PATCH user', path: (id) => `/v1/users/${id}`, ids: [SM_USER, 'xx-qa'], init: () => jsonInit('PATCH', { name: 'Changed by Northvale' }, { 'if-match': '"1"' }) },
  { name: 'POST user invitation', path: (id) => `/v1/users/${id}/invitation`, ids: [SM_USER, 'xx-qa'], init: () => ({ method: 'POST', headers: { 'if-match': '"1"' } }) },
  { name: 'GET team', path: (id) => `/v1/teams/${id}`, ids: [SM_TEAM, 'xx-team'] },
  { name: 'PATCH team', path: (id) => `/v1/teams/${id}`, ids: [SM_TEAM, 'xx-team'], init: () => jsonInit('PATCH', { name: 'Changed by Northvale' }, { 'if-match': '"1"' }) },
];

describe('another authority’s ids', () => {
  for (const role of ROLES) {
    it(`are 404 for a Northvale ${role}, exactly as for ids that do not exist`, async () => {
      for (const request of BY_ID) {
        const [theirs, nobodys] = request.ids;
        const cross = await expectProblem(await stack.api(nv(role), request.path(theirs), request.init?.()), 404);
        const missing = await expectProblem(await stack.api(nv(role), request.path(nobodys), request.init?.()), 404);
        expect({ ...cross, instance: undefined }, request.name).toEqual({ ...missing, instance: undefined });
      }
    });
  }

  it('are left exactly as they were', async () => {
    const team = await expectJson<{ name: string; version: number }>(await stack.api(sm('qa'), `/v1/teams/${SM_TEAM}`));
    expect(team).toMatchObject({ name: 'Fostering', version: 1 });
    const user = await expectJson<{ name: string; version: number }>(await stack.api(sm('qa'), `/v1/users/${SM_USER}`));
    expect(user).toMatchObject({ name: 'Quinn Adeyemi', version: 1 });
    const found = await expectJson<{ label?: string; version: number }>(await stack.api(sm('qa'), `/v1/cases/${SM_CASE}`));
    expect(found.version).toBe(1);
    expect(found.label).toBeUndefined();
  });

  it('cannot be referred to from a Northvale body: another authority’s team or person is “no such” (400)', async () => {
    const user = await expectProblem(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', { name: 'Cross Ref', email: 'cross.ref@northvale.example', role: 'practitioner', teamIds: [SM_TEAM] })), 400);
    expect(user.errors).toEqual([{ path: 'teamIds.0', message: 'No such team' }]);
    const led = await expectProblem(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { name: 'Led from elsewhere', managerId: 'sm-manager' })), 400);
    expect(led.errors).toEqual([{ path: 'managerId', message: 'There is no such person in this authority' }]);
    const created = await expectProblem(await stack.api(nv('qa'), '/v1/cases', jsonInit('POST', { ref: 'NV-20001', teamId: 'assessment', caseType: 'child-in-need', holderId: 'sm-practitioner', studentId: 'sm-student' })), 400);
    expect(created.errors?.map((e) => e.path).sort()).toEqual(['holderId', 'studentId']);
    const moved = await expectProblem(await stack.api(nv('qa'), '/v1/cases/NV-00001', jsonInit('PATCH', { teamId: SM_TEAM }, { 'if-match': '"1"' })), 400);
    expect(moved.errors).toEqual([{ path: 'teamId', message: 'No such team' }]);
  });
});

describe('a tenantId in a request body', () => {
  const bodies: [string, string, RequestInit][] = [
    ['POST', '/v1/cases', jsonInit('POST', { ref: 'NV-20002', teamId: 'assessment', caseType: 'child-in-need', tenantId: SOUTHMOOR.id })],
    ['PATCH', '/v1/cases/NV-00002', jsonInit('PATCH', { label: 'x', tenantId: SOUTHMOOR.id }, { 'if-match': '"1"' })],
    ['POST', '/v1/teams', jsonInit('POST', { name: 'Cross', tenantId: SOUTHMOOR.id })],
    ['PATCH', '/v1/teams/assessment', jsonInit('PATCH', { name: 'Cross', tenantId: SOUTHMOOR.id }, { 'if-match': '"1"' })],
    ['POST', '/v1/users', jsonInit('POST', { name: 'Cross', email: 'cross@northvale.example', role: 'qa', tenantId: SOUTHMOOR.id })],
    ['PATCH', '/v1/users/nv-sw-01', jsonInit('PATCH', { name: 'Cross', tenantId: SOUTHMOOR.id }, { 'if-match': '"1"' })],
    ['PATCH', '/v1/settings', jsonInit('PATCH', { name: 'Cross', tenantId: SOUTHMOOR.id }, { 'if-match': '"1"' })],
  ];

  it('is an unknown field (400) on every route that takes a body, and nothing is written', async () => {
    for (const [method, path, init] of bodies) {
      const caller = path.startsWith('/v1/cases') ? nv('qa') : nv('admin');
      const problem = await expectProblem(await stack.api(caller, path, init), 400);
      expect(problem.errors, `${method} ${path}`).toContainEqual({ path: 'tenantId', message: 'Unknown field' });
    }
    await expectProblem(await stack.api(nv('qa'), '/v1/cases/NV-20002'), 404);
    expect((await expectJson<{ version: number }>(await stack.api(nv('qa'), '/v1/teams/assessment'))).version).toBe(1);
    expect((await expectJson<{ name: string }>(await stack.api(nv('qa'), '/v1/settings'))).name).toBe('Northvale Council');
    expect((await expectJson<{ name: string }>(await stack.api(sm('qa'), '/v1/settings'))).name).toBe('Southmoor Borough Council');
  });
});
