/**
 * Who may do what with people and teams: every staff role reads them; only the tenant admin
 * adds, changes, deactivates, invites, leads and closes. Every refusal writes nothing.
 * The platform operator, who belongs to no authority, is refused all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';
import { startStack, type TestStack } from '../support/stack.ts';
import { OPERATOR_EMAIL, ROLES, expectJson, expectProblem, jsonInit, nv } from '../api/api-client.ts';

let stack: TestStack;
let invitedId: string;
beforeAll(async () => {
  stack = await startStack();
  const invited = await expectJson<{ id: string }>(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', { name: 'Iwan Matrix', email: 'iwan.matrix@northvale.example', role: 'practitioner' })), 201);
  invitedId = invited.id;
  await expectJson(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { id: 'matrix-team', name: 'Matrix' })), 201);
});
afterAll(async () => {
  await stack?.stop();
});

const READS = ['/v1/users', '/v1/users?q=ellis&role=manager&status=active', '/v1/users/nv-manager', '/v1/teams', '/v1/teams?status=open', '/v1/teams/child-in-need'];

/** Every change, each made as the admin would make it; `check` reads back whether it happened. */
const CHANGES: { name: string; request: () => [string, RequestInit]; check: () => Promise<boolean> }[] = [
  {
    name: 'add a user',
    request: () => ['/v1/users', jsonInit('POST', { name: 'Not Added', email: 'not.added@northvale.example', role: 'practitioner' })],
    check: async () => (await expectJson<{ items: unknown[] }>(await stack.api(nv('admin'), '/v1/users?q=not.added'))).items.length > 0,
  },
  {
    name: 'change a role',
    request: () => ['/v1/users/nv-sw-06', jsonInit('PATCH', { role: 'qa' }, { 'if-match': '"1"' })],
    check: async () => (await expectJson<{ role: string }>(await stack.api(nv('admin'), '/v1/users/nv-sw-06'))).role === 'qa',
  },
  {
    name: 'deactivate a user',
    request: () => ['/v1/users/nv-sw-08', jsonInit('PATCH', { active: false }, { 'if-match': '"1"' })],
    check: async () => (await expectJson<{ status: string }>(await stack.api(nv('admin'), '/v1/users/nv-sw-08'))).status === 'deactivated',
  },
  {
    name: 'resend an invitation',
    request: () => [`/v1/users/${invitedId}/invitation`, { method: 'POST', headers: { 'if-match': '"1"' } }],
    check: async () => (await expectJson<{ invitationsSent: number }>(await stack.api(nv('admin'), `/v1/users/${invitedId}`))).invitationsSent > 1,
  },
  {
    name: 'add a team',
    request: () => ['/v1/teams', jsonInit('POST', { id: 'not-added', name: 'Not added' })],
    check: async () => (await stack.api(nv('admin'), '/v1/teams/not-added')).status === 200,
  },
  {
    name: 'rename and lead a team',
    request: () => ['/v1/teams/matrix-team', jsonInit('PATCH', { name: 'Renamed', managerId: 'nv-tm-01' }, { 'if-match': '"1"' })],
    check: async () => (await expectJson<{ name: string }>(await stack.api(nv('admin'), '/v1/teams/matrix-team'))).name === 'Renamed',
  },
  {
    name: 'close a team',
    // After the rename above, the team is at version 2.
    request: () => ['/v1/teams/matrix-team', jsonInit('PATCH', { status: 'closed' }, { 'if-match': '"2"' })],
    check: async () => (await expectJson<{ status: string }>(await stack.api(nv('admin'), '/v1/teams/matrix-team'))).status === 'closed',
  },
];

describe('reading people and teams', () => {
  it.each(ROLES)('is open to a %s', async (role: StaffRole) => {
    for (const path of READS) await expectJson(await stack.api(nv(role), path));
  });

  it('is refused to the platform operator', async () => {
    for (const path of READS) await expectProblem(await stack.api(OPERATOR_EMAIL, path), 403);
  });
});

describe('changing people and teams', () => {
  const refused: (StaffRole | 'operator')[] = [...ROLES.filter((r) => r !== 'admin'), 'operator'];
  it.each(refused)('is refused to a %s with 403, changing nothing', async (role) => {
    for (const change of CHANGES) {
      const [path, init] = change.request();
      await expectProblem(await stack.api(role === 'operator' ? OPERATOR_EMAIL : nv(role), path, init), 403);
      expect(await change.check(), `${change.name} by ${role}`).toBe(false);
    }
  });

  it('is allowed to the tenant admin', async () => {
    for (const change of CHANGES) {
      const [path, init] = change.request();
      const response = await stack.api(nv('admin'), path, init);
      expect(response.status, `${change.name}: ${await response.clone().text()}`).toBeLessThan(300);
      expect(await change.check(), change.name).toBe(true);
    }
  });
});
