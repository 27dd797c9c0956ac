/** `/v1/teams` over HTTP: who may read and change teams, validation, versions and the activity log. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { ROLES, expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface Team {
  id: string;
  name: string;
  service?: string;
  version: number;
}

describe('reading teams', () => {
  it('lists the authority’s teams, sorted by name, for every staff role', async () => {
    for (const role of ROLES) {
      const { items } = await expectJson<{ items: Team[] }>(await stack.api(nv(role), '/v1/teams'));
      expect(items.map((t) => t.id)).toEqual(['assessment', 'child-in-need', 'child-protection', 'children-looked-after', 'early-help']);
    }
  });

  it('reads one team with its version as the ETag', async () => {
    const { body, etag } = await readVersioned<Team>(stack, nv('practitioner'), '/v1/teams/child-in-need');
    expect(body).toMatchObject({ id: 'child-in-need', name: 'Child in Need', version: 1 });
    expect(etag).toBe('"1"');
  });

  it('answers 404 for a team that does not exist', async () => {
    await expectProblem(await stack.api(nv('qa'), '/v1/teams/no-such-team'), 404);
  });

  it('answers 400 for ids with `#`, spaces, slashes or too many characters', async () => {
    for (const id of ['TEAM%23child-in-need', 'a%20b', 'a%2Fb', 'x'.repeat(65)]) {
      const problem = await expectProblem(await stack.api(nv('qa'), `/v1/teams/${id}`), 400);
      expect(problem.errors?.[0]?.path).toBe('id');
    }
  });
});

describe('creating teams', () => {
  it('lets a tenant admin create a team, with Location, ETag and an activity entry', async () => {
    const response = await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { id: 'fostering', name: 'Fostering', service: 'Children’s services' }));
    const team = await expectJson<Team>(response, 201);
    expect(team).toMatchObject({ id: 'fostering', name: 'Fostering', service: 'Children’s services', version: 1 });
    expect(response.headers.get('location')).toBe('/v1/teams/fostering');
    expect(response.headers.get('etag')).toBe('"1"');
    const { items } = await expectJson<{ items: { entity: string; entityId: string; action: string; actor: { id: string; name: string } }[] }>(await stack.api(nv('qa'), '/v1/activity'));
    expect(items).toContainEqual(expect.objectContaining({ entity: 'team', entityId: 'fostering', action: 'created', subject: 'Fostering', actor: expect.objectContaining({ id: 'nv-admin', name: 'Alex Morgan' }) }));
  });

  it('gives a new team a ULID when no id is sent', async () => {
    const team = await expectJson<Team>(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { name: 'Adoption' })), 201);
    expect(team.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    await expectJson(await stack.api(nv('student'), `/v1/teams/${team.id}`));
  });

  it('refuses every other role with 403 and creates nothing', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      await expectProblem(await stack.api(nv(role), '/v1/teams', jsonInit('POST', { id: `by-${role}`, name: 'Not allowed' })), 403);
      await expectProblem(await stack.api(nv('admin'), `/v1/teams/by-${role}`), 404);
    }
  });

  it('answers 409 when the id is taken, leaving the existing team as it was', async () => {
    await expectProblem(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { id: 'assessment', name: 'Replaced' })), 409);
    const { body } = await readVersioned<Team>(stack, nv('admin'), '/v1/teams/assessment');
    expect(body.name).toBe('Assessment');
  });

  it('answers 400 with a path for each problem: missing, blank, wrong type and unknown fields', async () => {
    const cases: [unknown, string][] = [
      [{}, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'Ok', service: ['x'] }, 'service'],
      [{ name: 'Ok', tenantId: '2b9e4d17-8a3f-4c6b-b1d0-736f75746802' }, 'tenantId'],
      [{ name: 'Ok', id: 'bad#id' }, 'id'],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', body)), 400);
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    }
  });
});

describe('changing teams', () => {
  it('renames a team when If-Match quotes the current version, returning the new ETag', async () => {
    const { etag } = await readVersioned(stack, nv('admin'), '/v1/teams/early-help');
    const response = await stack.api(nv('admin'), '/v1/teams/early-help', jsonInit('PATCH', { name: 'Early Help Hub' }, { 'if-match': etag }));
    const team = await expectJson<Team>(response);
    expect(team).toMatchObject({ id: 'early-help', name: 'Early Help Hub', version: 2 });
    expect(response.headers.get('etag')).toBe('"2"');
    const { items } = await expectJson<{ items: { entityId: string; action: string; versionBefore: number; versionAfter: number; changes: string[] }[] }>(await stack.api(nv('senior'), '/v1/activity'));
    expect(items).toContainEqual(expect.objectContaining({ entityId: 'early-help', action: 'updated', versionBefore: 1, versionAfter: 2, changes: ['name'] }));
  });

  it('answers 428 without If-Match and 412 with a stale one, changing nothing', async () => {
    await expectProblem(await stack.api(nv('admin'), '/v1/teams/child-protection', jsonInit('PATCH', { name: 'No If-Match' })), 428);
    const first = await stack.api(nv('admin'), '/v1/teams/child-protection', jsonInit('PATCH', { name: 'Child Protection Team' }, { 'if-match': '"1"' }));
    expect(first.status).toBe(200);
    await expectProblem(await stack.api(nv('admin'), '/v1/teams/child-protection', jsonInit('PATCH', { name: 'Lost update' }, { 'if-match': '"1"' })), 412);
    const { body } = await readVersioned<Team>(stack, nv('admin'), '/v1/teams/child-protection');
    expect(body).toMatchObject({ name: 'Child Protection Team', version: 2 });
  });

  it('refuses every other role with 403', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      await expectProblem(await stack.api(nv(role), '/v1/teams/assessment', jsonInit('PATCH', { name: 'Nope' }, { 'if-match': '"1"' })), 403);
    }
  });

  it('answers 404 for a team that does not exist and 400 for unknown fields', async () => {
    await expectProblem(await stack.api(nv('admin'), '/v1/teams/no-such-team', jsonInit('PATCH', { name: 'X' }, { 'if-match': '"1"' })), 404);
    const problem = await expectProblem(await stack.api(nv('admin'), '/v1/teams/assessment', jsonInit('PATCH', { id: 'renamed' }, { 'if-match': '"1"' })), 400);
    expect(problem.errors).toEqual([{ path: 'id', message: 'Unknown field' }]);
  });
});

describe('who leads a team', () => {
  it('names the manager, adds the team to their teams, and records both changes', async () => {
    const { etag } = await readVersioned(stack, nv('admin'), '/v1/teams/assessment');
    const team = await expectJson<Team & { managerId?: string }>(await stack.api(nv('admin'), '/v1/teams/assessment', jsonInit('PATCH', { managerId: 'nv-manager' }, { 'if-match': etag })));
    expect(team.managerId).toBe('nv-manager');
    const { body: manager } = await readVersioned<{ teamIds: string[] }>(stack, nv('admin'), '/v1/users/nv-manager');
    expect(manager.teamIds).toEqual(['child-in-need', 'assessment']);
    // The manager sees the team's cases at their next request.
    const cases = await expectJson<{ items: { teamId: string }[] }>(await stack.api(nv('manager'), '/v1/cases?team=assessment'));
    expect(cases.items.length).toBeGreaterThan(0);
  });

  it('refuses, with the reason, someone who is not an active team or senior manager of this authority', async () => {
    // A practitioner, a deactivated manager, and Southmoor's manager.
    const { etag: userEtag } = await readVersioned(stack, nv('admin'), '/v1/users/nv-tm-02');
    await expectJson(await stack.api(nv('admin'), '/v1/users/nv-tm-02', jsonInit('PATCH', { active: false }, { 'if-match': userEtag })));
    const cases: [string, string][] = [
      ['nv-practitioner', 'is a practitioner: a team is led by a team manager or senior manager'],
      ['nv-tm-02', 'their account is deactivated'],
      ['sm-manager', 'There is no such person in this authority'],
    ];
    const { etag } = await readVersioned<Team>(stack, nv('admin'), '/v1/teams/child-protection');
    for (const [managerId, reason] of cases) {
      const problem = await expectProblem(await stack.api(nv('admin'), '/v1/teams/child-protection', jsonInit('PATCH', { managerId }, { 'if-match': etag })), 400);
      expect(problem.errors?.[0]?.path).toBe('managerId');
      expect(problem.errors?.[0]?.message).toContain(reason);
    }
    const { body } = await readVersioned<Team>(stack, nv('admin'), '/v1/teams/child-protection');
    expect(body.version).toBe(Number(etag.replaceAll('"', '')));
  });
});

describe('closing a team', () => {
  it('is refused while the team has open cases, saying how many and what to do', async () => {
    const { etag } = await readVersioned(stack, nv('admin'), '/v1/teams/child-in-need');
    const problem = await expectProblem(await stack.api(nv('admin'), '/v1/teams/child-in-need', jsonInit('PATCH', { status: 'closed' }, { 'if-match': etag })), 409);
    expect(problem.detail).toMatch(/Child in Need still has \d+ open cases\. Move them to another team/);
    expect((problem as unknown as { reason: string }).reason).toBe('team-has-open-cases');
    const { body } = await readVersioned<Team & { status: string }>(stack, nv('admin'), '/v1/teams/child-in-need');
    expect(body.status).toBe('open');
  });

  it('closes an empty team, which then takes no new members or manager until reopened', async () => {
    const created = await expectJson<Team>(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { id: 'short-breaks', name: 'Short Breaks' })), 201);
    const closed = await expectJson<Team & { status: string }>(await stack.api(nv('admin'), `/v1/teams/${created.id}`, jsonInit('PATCH', { status: 'closed' }, { 'if-match': '"1"' })));
    expect(closed.status).toBe('closed');
    const open = await expectJson<{ items: Team[] }>(await stack.api(nv('qa'), '/v1/teams?status=open'));
    expect(open.items.map((t) => t.id)).not.toContain('short-breaks');

    const { etag } = await readVersioned(stack, nv('admin'), '/v1/users/nv-sw-07');
    const joining = await expectProblem(await stack.api(nv('admin'), '/v1/users/nv-sw-07', jsonInit('PATCH', { teamIds: ['short-breaks'] }, { 'if-match': etag })), 400);
    expect(joining.errors).toEqual([{ path: 'teamIds.0', message: 'Short Breaks is closed' }]);
    await expectProblem(await stack.api(nv('admin'), '/v1/teams/short-breaks', jsonInit('PATCH', { managerId: 'nv-tm-01' }, { 'if-match': '"2"' })), 409);

    const reopened = await expectJson<Team & { status: string }>(await stack.api(nv('admin'), '/v1/teams/short-breaks', jsonInit('PATCH', { status: 'open', managerId: 'nv-tm-01' }, { 'if-match': '"2"' })));
    expect(reopened).toMatchObject({ status: 'open', managerId: 'nv-tm-01' });
  });
});
