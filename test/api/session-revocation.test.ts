/**
 * A change to a person applies to their very next request, not when their token expires:
 * deactivation is a 401 `session-revoked`, a new role or new teams are acted on at once,
 * with the token they already hold. Someone invited becomes active on their first request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, expectJson, expectProblem, jsonInit, nv, readAllPages, readVersioned } from './api-client.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface User {
  id: string;
  status: string;
  active: boolean;
  signedInAt?: string;
  version: number;
}

async function change(id: string, body: Record<string, unknown>): Promise<User> {
  const { etag } = await readVersioned<User>(stack, nv('admin'), `/v1/users/${id}`);
  return expectJson<User>(await stack.api(nv('admin'), `/v1/users/${id}`, jsonInit('PATCH', body, { 'if-match': etag })));
}

describe('deactivation', () => {
  it('ends the session at the next request with 401 session-revoked, and reactivation lets the same token back in', async () => {
    const token = await stack.tokenFor(nv('student'));
    expect((await stack.api(nv('student'), '/v1/cases')).status).toBe(200);
    const off = await change('nv-student', { active: false });
    expect(off).toMatchObject({ status: 'deactivated', active: false });

    for (const path of ['/v1/cases', '/v1/me', '/v1/teams']) {
      const response = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const problem = await expectProblem(response, 401);
      expect(problem.type).toBe('/v1/problems/session-revoked');
      expect(problem.detail).toContain('switched off');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
    // A write is refused too, and writes nothing.
    await expectProblem(await stack.api(nv('student'), '/v1/cases/NV-00001', jsonInit('PATCH', { label: 'Should not save' }, { 'if-match': '"1"' })), 401);

    const on = await change('nv-student', { active: true });
    expect(on).toMatchObject({ status: 'active', active: true });
    expect((await stack.api(nv('student'), '/v1/cases')).status).toBe(200);
  });
});

describe('a role change', () => {
  it('applies to the next request with the token issued under the old role', async () => {
    const before = await readAllPages<{ ref: string }>(stack, nv('practitioner'), '/v1/cases?limit=100');
    await expectProblem(await stack.api(nv('practitioner'), '/v1/activity'), 403);

    await change('nv-practitioner', { role: 'senior' });
    const after = await readAllPages<{ ref: string }>(stack, nv('practitioner'), '/v1/cases?limit=100');
    expect(after.items.length).toBeGreaterThan(before.items.length);
    expect(after.items.length).toBe(60);
    await expectJson(await stack.api(nv('practitioner'), '/v1/activity'));
    const me = await expectJson<{ role: string }>(await stack.api(nv('practitioner'), '/v1/me'));
    expect(me.role).toBe('senior');

    await change('nv-practitioner', { role: 'practitioner' });
    await expectProblem(await stack.api(nv('practitioner'), '/v1/activity'), 403);
  });
});

describe('a team change', () => {
  it('applies to the next request: a manager moved to another team sees that team’s cases only', async () => {
    const before = await readAllPages<{ teamId: string }>(stack, nv('manager'), '/v1/cases?limit=100');
    expect(new Set(before.items.map((c) => c.teamId))).toEqual(new Set(['child-in-need']));
    await change('nv-manager', { teamIds: ['early-help'] });
    const after = await readAllPages<{ teamId: string }>(stack, nv('manager'), '/v1/cases?limit=100');
    expect(after.items.length).toBeGreaterThan(0);
    expect(new Set(after.items.map((c) => c.teamId))).toEqual(new Set(['early-help']));
    const me = await expectJson<{ teams: { id: string }[] }>(await stack.api(nv('manager'), '/v1/me'));
    expect(me.teams.map((t) => t.id)).toEqual(['early-help']);
    await change('nv-manager', { teamIds: ['child-in-need'] });
  });
});

describe('statuses', () => {
  it('marks someone invited as active on their first request, without changing the version an admin holds', async () => {
    const email = 'ffion.hughes@northvale.example';
    const added = await expectJson<User>(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', { name: 'Ffion Hughes', email, role: 'practitioner', teamIds: ['assessment'] })), 201);
    expect(added).toMatchObject({ status: 'invited', active: true, version: 1 });
    expect(added.signedInAt).toBeUndefined();
    await expectJson(await stack.api(email, '/v1/me'));
    const { body } = await readVersioned<User>(stack, nv('admin'), `/v1/users/${added.id}`);
    expect(body).toMatchObject({ status: 'active', active: true, version: 1 });
    expect(body.signedInAt).toEqual(expect.any(String));
  });

  it('gives someone awaiting approval nothing (403, reason awaiting-approval) until an admin approves them', async () => {
    const email = 'gethin.rees@northvale.example';
    const added = await expectJson<User>(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', { name: 'Gethin Rees', email, role: 'practitioner' })), 201);
    // As a first sign-in through the council's own provider with no role mapped would leave them.
    const db = createDocumentClient({ endpoint: stack.databaseEndpoint, region: 'eu-west-2' });
    await db.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: tenantKeys(NORTHVALE.id).user(added.id),
        UpdateExpression: 'SET #status = :waiting, active = :false, signedInAt = :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':waiting': 'awaiting-approval', ':false': false, ':at': new Date().toISOString() },
      }),
    );
    for (const path of ['/v1/cases', '/v1/me']) {
      const problem = await expectProblem(await stack.api(email, path), 403);
      expect((problem as unknown as { reason: string }).reason).toBe('awaiting-approval');
    }
    const approved = await change(added.id, { active: true });
    expect(approved).toMatchObject({ status: 'active', active: true });
    await expectJson(await stack.api(email, '/v1/cases'));
  });
});
