/** `/v1/users` over HTTP: reading staff a page at a time, adding people (with a welcome email) and changing them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { fetchAccessToken, SignInRefusedError } from '@waypoint/functions/local/identity/sign-in-flow';
import { demoUsers } from '@waypoint/functions/local/seed/demo-data';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, ROLES, expectJson, expectProblem, jsonInit, nv, readAllPages, readVersioned } from './api-client.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface User {
  id: string;
  name: string;
  email: string;
  role: string;
  teamIds: string[];
  active: boolean;
  version: number;
}

const newUser = (overrides: Record<string, unknown> = {}) => ({ name: 'Nia Roberts', email: 'nia.roberts@northvale.example', role: 'practitioner', teamIds: ['assessment'], ...overrides });

describe('reading users', () => {
  it('lists one team’s members when asked, across pages', async () => {
    const expected = demoUsers(NORTHVALE)
      .filter((u) => u.teamIds.includes('child-in-need'))
      .map((u) => u.id)
      .sort();
    const { items } = await readAllPages<User>(stack, nv('manager'), '/v1/users?team=child-in-need&limit=2');
    expect(items.map((u) => u.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(4);
  });

  it('lists every user once across pages of a given size, for every staff role', async () => {
    const expected = demoUsers(NORTHVALE)
      .map((u) => u.id)
      .sort();
    for (const role of ROLES) {
      const { items, pages } = await readAllPages<User>(stack, nv(role), '/v1/users?limit=4');
      expect(items.map((u) => u.id).sort()).toEqual(expected);
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(expected.length / 4));
    }
  });

  it('returns at most 25 users a page when no limit is given', async () => {
    const page = await expectJson<{ items: User[]; nextCursor: string | null }>(await stack.api(nv('qa'), '/v1/users'));
    expect(page.items.length).toBeLessThanOrEqual(25);
    expect(page).toHaveProperty('nextCursor');
  });

  it('refuses a limit outside 1-100 and a cursor that was not issued', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'limit=-1', 'cursor=not-a-cursor']) {
      const problem = await expectProblem(await stack.api(nv('qa'), `/v1/users?${query}`), 400);
      expect(problem.errors?.[0]?.path).toBe(query.split('=')[0]);
    }
  });

  it('reads one user with an ETag, and answers 404 for an unknown id and 400 for a bad one', async () => {
    const { body, etag } = await readVersioned<User>(stack, nv('student'), '/v1/users/nv-manager');
    expect(body).toMatchObject({ id: 'nv-manager', name: 'Morgan Ellis', email: 'manager@northvale.example', role: 'manager', teamIds: ['child-in-need'], active: true });
    expect(etag).toBe(`"${body.version}"`);
    await expectProblem(await stack.api(nv('student'), '/v1/users/nv-nobody'), 404);
    await expectProblem(await stack.api(nv('student'), '/v1/users/USER%23nv-manager'), 400);
  });
});

describe('adding users', () => {
  it('adds a user with a ULID id, queues a welcome email to them and records the change', async () => {
    const response = await stack.api(nv('admin'), '/v1/users', jsonInit('POST', newUser({ email: 'Nia.Roberts@Northvale.example' })));
    const user = await expectJson<User>(response, 201);
    expect(user.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(user).toMatchObject({ name: 'Nia Roberts', email: 'nia.roberts@northvale.example', role: 'practitioner', teamIds: ['assessment'], active: true, version: 1 });
    expect(response.headers.get('location')).toBe(`/v1/users/${user.id}`);

    const outbox = await expectJson<{ items: { to: string; subject: string; text: string }[] }>(await stack.api(nv('admin'), '/v1/dev/outbox'));
    const welcome = outbox.items.find((m) => m.to === 'nia.roberts@northvale.example');
    expect(welcome?.subject).toBe('You have been added to Waypoint');
    expect(welcome?.text).toContain('Northvale Council');

    const activity = await expectJson<{ items: { entity: string; entityId: string; action: string }[] }>(await stack.api(nv('admin'), '/v1/activity'));
    expect(activity.items).toContainEqual(expect.objectContaining({ entity: 'user', entityId: user.id, action: 'created' }));
  });

  it('gives the person added a sign-in whose token carries their tenant, role and user id', async () => {
    const user = await expectJson<User>(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', newUser({ email: 'owen.pryce@northvale.example', role: 'manager', teamIds: ['assessment'] }))), 201);
    const claims = decodeJwt(await fetchAccessToken({ issuer: stack.issuer, email: 'owen.pryce@northvale.example', password: DEMO_PASSWORD }));
    expect(claims).toMatchObject({ sub: user.id, tenant_id: NORTHVALE.id, role: 'manager' });
    const me = await expectJson<{ user: { id: string }; role: string; teams: { id: string }[] }>(await stack.api('owen.pryce@northvale.example', '/v1/me'));
    expect(me).toMatchObject({ user: { id: user.id }, role: 'manager', teams: [{ id: 'assessment' }] });
  });

  it('carries a role change into the next token, and a deactivated person can no longer sign in', async () => {
    const email = 'rhian.lloyd@northvale.example';
    const user = await expectJson<User>(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', newUser({ email }))), 201);
    const promoted = await stack.api(nv('admin'), `/v1/users/${user.id}`, jsonInit('PATCH', { role: 'qa' }, { 'if-match': '"1"' }));
    expect(promoted.status).toBe(200);
    expect(decodeJwt(await fetchAccessToken({ issuer: stack.issuer, email, password: DEMO_PASSWORD }))).toMatchObject({ role: 'qa' });
    const deactivated = await stack.api(nv('admin'), `/v1/users/${user.id}`, jsonInit('PATCH', { active: false }, { 'if-match': '"2"' }));
    expect(deactivated.status).toBe(200);
    await expect(fetchAccessToken({ issuer: stack.issuer, email, password: DEMO_PASSWORD })).rejects.toBeInstanceOf(SignInRefusedError);
  });

  it('refuses an id chosen by the caller: it comes from the sign-in account', async () => {
    const problem = await expectProblem(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', newUser({ id: 'nv-sw-99', email: 'ninety.nine@northvale.example' }))), 400);
    expect(problem.errors).toContainEqual({ path: 'id', message: 'Unknown field' });
  });

  it('answers 409 when the address already has an account in another authority, and adds nobody', async () => {
    await expectProblem(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', newUser({ email: 'manager@southmoor.example' }))), 409);
    const { items } = await readAllPages<User>(stack, nv('admin'), '/v1/users?limit=100');
    expect(items.some((u) => u.email === 'manager@southmoor.example')).toBe(false);
  });

  it('answers 409 for an email address already in the authority, whatever its case', async () => {
    const problem = await expectProblem(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', newUser({ email: 'PRACTITIONER@northvale.example' }))), 409);
    expect(problem.detail).not.toContain('practitioner@');
  });

  it('answers 400 naming each team that does not exist, and adds nobody', async () => {
    const problem = await expectProblem(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', newUser({ email: 'ghost@northvale.example', teamIds: ['assessment', 'no-such-team'] }))), 400);
    expect(problem.errors).toEqual([{ path: 'teamIds.1', message: 'No such team' }]);
    const { items } = await readAllPages<User>(stack, nv('admin'), '/v1/users?limit=100');
    expect(items.some((u) => u.email === 'ghost@northvale.example')).toBe(false);
  });

  it('answers 400 for bad fields without echoing them back', async () => {
    const body = newUser({ email: 'not-an-email-SECRET', role: 'overlord-SECRET', teamIds: 'SECRET', tenantId: NORTHVALE.id });
    const response = await stack.api(nv('admin'), '/v1/users', jsonInit('POST', body));
    const text = await response.clone().text();
    const problem = await expectProblem(response, 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['email', 'role', 'teamIds', 'tenantId']);
    expect(text).not.toContain('SECRET');
  });

  it('refuses every other role with 403', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      await expectProblem(await stack.api(nv(role), '/v1/users', jsonInit('POST', newUser({ email: `by.${role}@northvale.example` }))), 403);
    }
  });
});

describe('changing users', () => {
  it('changes role, teams and active with If-Match, and records which fields changed', async () => {
    const { etag } = await readVersioned<User>(stack, nv('admin'), '/v1/users/nv-sw-01');
    const response = await stack.api(nv('admin'), '/v1/users/nv-sw-01', jsonInit('PATCH', { role: 'manager', teamIds: ['assessment', 'early-help'], active: false }, { 'if-match': etag }));
    const user = await expectJson<User>(response);
    expect(user).toMatchObject({ id: 'nv-sw-01', role: 'manager', teamIds: ['assessment', 'early-help'], active: false, version: 2 });
    expect(response.headers.get('etag')).toBe('"2"');
    const activity = await expectJson<{ items: { entityId: string; changes: string[] }[] }>(await stack.api(nv('qa'), '/v1/activity'));
    expect(activity.items.find((e) => e.entityId === 'nv-sw-01')?.changes).toEqual(['active', 'role', 'status', 'teamIds']);
  });

  it('answers 428 without If-Match and 412 when stale, and the 412 writes nothing', async () => {
    await expectProblem(await stack.api(nv('admin'), '/v1/users/nv-sw-02', jsonInit('PATCH', { name: 'No If-Match' })), 428);
    await expectProblem(await stack.api(nv('admin'), '/v1/users/nv-sw-02', jsonInit('PATCH', { name: 'Garbled' }, { 'if-match': 'version one' })), 412);
    await expectProblem(await stack.api(nv('admin'), '/v1/users/nv-sw-02', jsonInit('PATCH', { name: 'Stale' }, { 'if-match': '"7"' })), 412);
    const { body } = await readVersioned<User>(stack, nv('admin'), '/v1/users/nv-sw-02');
    expect(body).toMatchObject({ name: 'Aisha Khan', version: 1 });
  });

  it('answers 400 for a team that does not exist and for fields that cannot be changed', async () => {
    const unknownTeam = await expectProblem(await stack.api(nv('admin'), '/v1/users/nv-sw-03', jsonInit('PATCH', { teamIds: ['nowhere'] }, { 'if-match': '"1"' })), 400);
    expect(unknownTeam.errors).toEqual([{ path: 'teamIds.0', message: 'No such team' }]);
    const email = await expectProblem(await stack.api(nv('admin'), '/v1/users/nv-sw-03', jsonInit('PATCH', { email: 'new@northvale.example' }, { 'if-match': '"1"' })), 400);
    expect(email.errors).toEqual([{ path: 'email', message: 'Unknown field' }]);
  });

  it('does not let an admin remove their own admin access', async () => {
    await expectProblem(await stack.api(nv('admin'), '/v1/users/nv-admin', jsonInit('PATCH', { role: 'qa' }, { 'if-match': '"1"' })), 409);
    await expectProblem(await stack.api(nv('admin'), '/v1/users/nv-admin', jsonInit('PATCH', { active: false }, { 'if-match': '"1"' })), 409);
    const renamed = await expectJson<User>(await stack.api(nv('admin'), '/v1/users/nv-admin', jsonInit('PATCH', { name: 'Alex Morgan-Reid' }, { 'if-match': '"1"' })));
    expect(renamed).toMatchObject({ role: 'admin', active: true, name: 'Alex Morgan-Reid' });
  });

  it('refuses every other role with 403', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      await expectProblem(await stack.api(nv(role), '/v1/users/nv-sw-04', jsonInit('PATCH', { name: 'Nope' }, { 'if-match': '"1"' })), 403);
    }
  });
});

describe('finding people', () => {
  it('searches names and email addresses in any case, and filters by role, team and status', async () => {
    const search = await readAllPages<User & { status: string }>(stack, nv('admin'), '/v1/users?q=MORGAN&limit=2');
    expect(search.items.map((u) => u.id).sort()).toEqual(expect.arrayContaining(['nv-admin', 'nv-manager']));
    expect(search.items.every((u) => /morgan/i.test(u.name) || u.email.includes('morgan'))).toBe(true);
    const byEmail = await expectJson<{ items: User[] }>(await stack.api(nv('admin'), '/v1/users?q=qa%40northvale'));
    expect(byEmail.items.map((u) => u.id)).toEqual(['nv-qa']);

    const managers = await readAllPages<User>(stack, nv('admin'), '/v1/users?role=manager&team=assessment&limit=1');
    expect(managers.items.length).toBeGreaterThan(0);
    expect(managers.items.every((u) => u.role === 'manager' && u.teamIds.includes('assessment'))).toBe(true);
    expect(managers.pages).toBeGreaterThanOrEqual(managers.items.length);

    const invited = await readAllPages<User & { status: string }>(stack, nv('admin'), '/v1/users?status=invited&limit=100');
    expect(invited.items.every((u) => u.status === 'invited')).toBe(true);
  });

  it('refuses an unknown role or status and an overlong search', async () => {
    for (const [query, path] of [
      ['role=overlord', 'role'],
      ['status=asleep', 'status'],
      [`q=${'x'.repeat(101)}`, 'q'],
    ]) {
      const problem = await expectProblem(await stack.api(nv('admin'), `/v1/users?${query}`), 400);
      expect(problem.errors?.[0]?.path).toBe(path);
    }
  });
});

describe('invitations', () => {
  it('sends the invitation again, once per request, only while the person is invited', async () => {
    const email = 'bethan.price@northvale.example';
    const user = await expectJson<User & { status: string; invitationsSent: number }>(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', newUser({ email }))), 201);
    expect(user).toMatchObject({ status: 'invited', invitationsSent: 1 });
    const invitations = async () => (await expectJson<{ items: { to: string; subject: string; text: string }[] }>(await stack.api(nv('admin'), '/v1/dev/outbox?limit=100'))).items.filter((m) => m.to === email);
    // The sign-in address is the portal's public one (here where `npm start` would serve it); the browser test follows the link.
    expect((await invitations())[0]?.text).toContain(`Sign in at ${stack.jobDependencies.portalUrl}/signin`);
    expect((await invitations())[0]?.text).toContain('sign in with your email address');

    const init = { method: 'POST', headers: { 'if-match': '"1"', 'idempotency-key': 'resend-bethan-0001' } };
    const first = await expectJson<User & { invitationsSent: number }>(await stack.api(nv('admin'), `/v1/users/${user.id}/invitation`, init));
    expect(first).toMatchObject({ invitationsSent: 2, version: 2 });
    // The same request again (a double press) replays the answer and sends nothing more.
    const replay = await stack.api(nv('admin'), `/v1/users/${user.id}/invitation`, init);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const sent = await invitations();
    expect(sent.map((m) => m.subject).sort()).toEqual(['You have been added to Waypoint', 'Your invitation to Waypoint']);

    // A stale page is a 412 and sends nothing; without If-Match a 428.
    await expectProblem(await stack.api(nv('admin'), `/v1/users/${user.id}/invitation`, { method: 'POST', headers: { 'if-match': '"1"' } }), 412);
    await expectProblem(await stack.api(nv('admin'), `/v1/users/${user.id}/invitation`, { method: 'POST' }), 428);
    expect(await invitations()).toHaveLength(2);

    // Once they have signed in there is nothing to resend.
    await expectJson(await stack.api(email, '/v1/me'));
    const problem = await expectProblem(await stack.api(nv('admin'), `/v1/users/${user.id}/invitation`, { method: 'POST', headers: { 'if-match': '"2"' } }), 409);
    expect(problem.detail).toContain('already signed in');
  });

  it('is for tenant admins only', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      await expectProblem(await stack.api(nv(role), '/v1/users/nv-sw-05/invitation', { method: 'POST', headers: { 'if-match': '"1"' } }), 403);
    }
  });
});
