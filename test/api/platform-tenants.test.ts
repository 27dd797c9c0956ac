/**
 * `/v1/platform/tenants` and `/v1/platform/activity` over HTTP: the platform operator creates
 * an authority (its first admin is invited and can sign in), lists authorities with their
 * size, and suspends, resumes and offboards one; staff and the public of a paused authority
 * are refused, and every operator action is in the platform activity log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { fetchAccessToken } from '@waypoint/functions/local/identity/sign-in-flow';
import { demoUsers } from '@waypoint/functions/local/seed/demo-data';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, OPERATOR_EMAIL, expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { bearer, daysFromToday, expectReason, nvCode, publicCall, startSession, today } from './engagement-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface Authority {
  id: string;
  slug: string;
  name: string;
  region: string;
  status: string;
  leavesOn?: string;
  version: number;
  size: { users: number; cases: number; auditsThisYear: number; responses: number };
}

const newAuthority = (suffix: string, overrides: Record<string, unknown> = {}) => ({
  name: `Eastbrook ${suffix} Council`,
  slug: `eastbrook-${suffix}`,
  region: 'East of England',
  adminName: 'Erin Walsh',
  adminEmail: `erin.walsh@eastbrook-${suffix}.example`,
  ...overrides,
});

const operator = (path: string, init?: RequestInit) => stack.api(OPERATOR_EMAIL, path, init);

async function create(body: Record<string, unknown>, status = 201): Promise<Authority> {
  return expectJson<Authority>(await operator('/v1/platform/tenants', jsonInit('POST', body)), status);
}

async function setStatus(id: string, body: Record<string, unknown>, status = 200): Promise<Authority> {
  const { etag } = await readVersioned(stack, OPERATOR_EMAIL, `/v1/platform/tenants/${id}`);
  return expectJson<Authority>(await operator(`/v1/platform/tenants/${id}`, jsonInit('PATCH', body, { 'if-match': etag })), status);
}

async function allAuthorities(): Promise<Authority[]> {
  return (await expectJson<{ items: Authority[] }>(await operator('/v1/platform/tenants?limit=100'))).items;
}

describe('creating an authority', () => {
  it('creates the authority with its first admin, who is invited by email and can sign in as its admin', async () => {
    const body = newAuthority('one');
    const response = await operator('/v1/platform/tenants', jsonInit('POST', body));
    const created = await expectJson<Authority>(response, 201);
    expect(response.headers.get('location')).toBe(`/v1/platform/tenants/${created.id}`);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(created).toMatchObject({ name: body.name, slug: body.slug, region: body.region, status: 'active', version: 1 });
    expect(created.size).toEqual({ users: 1, cases: 0, auditsThisYear: 0, responses: 0 });

    const token = await fetchAccessToken({ issuer: stack.issuer, email: body.adminEmail, password: DEMO_PASSWORD });
    const asAdmin = (path: string) => fetch(`${stack.apiUrl}${path}`, { headers: bearer(token) });
    const me = await expectJson<{ role: string; tenant: { id: string; name: string } }>(await asAdmin('/v1/me'));
    expect(me).toMatchObject({ role: 'admin', tenant: { id: created.id, name: body.name } });
    const outbox = await expectJson<{ items: { to: string; subject: string; text: string }[] }>(await asAdmin('/v1/dev/outbox'));
    expect(outbox.items).toHaveLength(1);
    expect(outbox.items[0]).toMatchObject({ to: body.adminEmail, subject: 'You have been added to Waypoint' });
    expect(outbox.items[0]!.text).toContain(`${body.name}'s quality assurance service, as a tenant admin`);
    // The built-in templates and settings came with it.
    const templates = await expectJson<{ items: { templateId: string }[] }>(await asAdmin('/v1/templates'));
    expect(templates.items.map((t) => t.templateId)).toContain('journey-of-the-child');
    expect((await expectJson<{ name: string }>(await asAdmin('/v1/settings'))).name).toBe(body.name);
    const users = await expectJson<{ items: { email: string; role: string; status: string }[] }>(await asAdmin('/v1/users'));
    expect(users.items).toEqual([expect.objectContaining({ email: body.adminEmail, role: 'admin', status: 'active' })]);
  });

  it('finishes and returns the same authority when the same request is sent again, without a second admin or email', async () => {
    const body = newAuthority('two');
    const first = await create(body);
    const again = await create(body, 200);
    expect(again.id).toBe(first.id);
    expect(again.size.users).toBe(1);
    expect((await allAuthorities()).filter((a) => a.slug === body.slug)).toHaveLength(1);
    const activity = await expectJson<{ items: { action: string; tenant: { id: string } }[] }>(await operator('/v1/platform/activity'));
    expect(activity.items.filter((e) => e.tenant.id === first.id && e.action === 'created')).toHaveLength(1);
  });

  it('refuses another authority a taken address with 409, naming the slug, and writes nothing', async () => {
    const before = await allAuthorities();
    for (const slug of ['northvale', 'eastbrook-three']) {
      if (slug === 'eastbrook-three') await create(newAuthority('three'));
      const taken = await operator('/v1/platform/tenants', jsonInit('POST', newAuthority('four', { slug, name: 'Westfold Council' })));
      const problem = await expectProblem(taken, 409);
      expectReason(problem, 'slug-taken');
      expect(problem.errors).toEqual([{ path: 'slug', message: expect.stringContaining('Another authority') }]);
    }
    expect((await allAuthorities()).length).toBe(before.length + 1);
  });

  it('refuses an admin email that already has an account, and leaves the address free', async () => {
    const body = newAuthority('five', { adminEmail: nv('admin') });
    expectReason(await expectProblem(await operator('/v1/platform/tenants', jsonInit('POST', body)), 409), 'email-taken');
    expect((await allAuthorities()).some((a) => a.slug === body.slug)).toBe(false);
    await create({ ...body, adminEmail: 'sol.admin@eastbrook-five.example' });
  });

  it('refuses bad input with 400 naming each field, and writes nothing', async () => {
    const before = await allAuthorities();
    const cases: [Record<string, unknown>, string][] = [
      [newAuthority('six', { slug: 'Has Spaces' }), 'slug'],
      [newAuthority('six', { slug: 'a#b' }), 'slug'],
      [newAuthority('six', { name: '' }), 'name'],
      [newAuthority('six', { region: 'x'.repeat(81) }), 'region'],
      [newAuthority('six', { adminEmail: 'not an email' }), 'adminEmail'],
      [newAuthority('six', { tenantId: NORTHVALE.id }), 'tenantId'],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(await operator('/v1/platform/tenants', jsonInit('POST', body)), 400);
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    }
    expect((await allAuthorities()).length).toBe(before.length);
  });
});

describe('listing authorities', () => {
  it('gives each authority’s status and size from its counters: Northvale’s people, cases, audits this year and responses', async () => {
    const northvale = (await allAuthorities()).find((a) => a.id === NORTHVALE.id)!;
    expect(northvale).toMatchObject({ slug: 'northvale', name: NORTHVALE.name, region: NORTHVALE.region, status: 'active' });
    expect(northvale.size.users).toBe(demoUsers(NORTHVALE).length);
    expect(northvale.size.cases).toBe(60);
    expect(northvale.size.auditsThisYear).toBeGreaterThan(0);
    expect(northvale.size.responses).toBeGreaterThan(0);
  });

  it('counts a case as it is created', async () => {
    const before = (await expectJson<Authority>(await operator(`/v1/platform/tenants/${NORTHVALE.id}`))).size.cases;
    await expectJson(await stack.api(nv('qa'), '/v1/cases', jsonInit('POST', { ref: 'NV-90001', caseType: 'child-in-need', teamId: 'child-in-need', holderId: 'nv-practitioner' })), 201);
    expect((await expectJson<Authority>(await operator(`/v1/platform/tenants/${NORTHVALE.id}`))).size.cases).toBe(before + 1);
  });

  it('answers 404 for an authority id that is not listed, and 400 for one that is not an id', async () => {
    await expectProblem(await operator('/v1/platform/tenants/0f8fad5b-d9cb-469f-a165-70867728950e'), 404);
    await expectProblem(await operator('/v1/platform/tenants/northvale'), 400);
  });
});

describe('suspending, resuming and offboarding', () => {
  it('needs If-Match: 428 without, 412 when stale, and changes nothing', async () => {
    const authority = await create(newAuthority('seven'));
    await expectProblem(await operator(`/v1/platform/tenants/${authority.id}`, jsonInit('PATCH', { status: 'suspended' })), 428);
    await expectProblem(await operator(`/v1/platform/tenants/${authority.id}`, jsonInit('PATCH', { status: 'suspended' }, { 'if-match': '"9"' })), 412);
    expect((await expectJson<Authority>(await operator(`/v1/platform/tenants/${authority.id}`))).status).toBe('active');
  });

  it('refuses a suspended authority’s staff with 403 tenant-suspended at once, and lets them back in when resumed', async () => {
    const body = newAuthority('eight');
    const authority = await create(body);
    const token = await fetchAccessToken({ issuer: stack.issuer, email: body.adminEmail, password: DEMO_PASSWORD });
    const asAdmin = (path: string) => fetch(`${stack.apiUrl}${path}`, { headers: bearer(token) });
    await expectJson(await asAdmin('/v1/users'));
    const suspended = await setStatus(authority.id, { status: 'suspended' });
    expect(suspended).toMatchObject({ status: 'suspended', version: 2 });
    for (const path of ['/v1/users', '/v1/me', '/v1/settings']) {
      const problem = await expectProblem(await asAdmin(path), 403);
      expect(problem.type).toBe('/v1/problems/tenant-suspended');
    }
    expectReason(await expectProblem(await publicCall(stack, body.slug, ''), 403), 'tenant-suspended');
    // Another authority carries on.
    await expectJson(await stack.api(nv('admin'), '/v1/users'));
    await setStatus(authority.id, { status: 'active' });
    await expectJson(await asAdmin('/v1/users'));
    await expectJson(await publicCall(stack, body.slug, ''));
  });

  it('refuses a paused authority’s codes and the sessions children already have, then lets them carry on when resumed', async () => {
    const session = await startSession(stack, 'northvale', { code: nvCode('ages-11-18') });
    try {
      await setStatus(NORTHVALE.id, { status: 'suspended' });
      expectReason(await expectProblem(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code: nvCode('ages-11-18') })), 403), 'tenant-suspended');
      expectReason(await expectProblem(await publicCall(stack, 'northvale', '/response', { headers: bearer(session.token) }), 403), 'tenant-suspended');
      expectReason(await expectProblem(await publicCall(stack, 'northvale', '/you-said-we-did'), 403), 'tenant-suspended');
    } finally {
      await setStatus(NORTHVALE.id, { status: 'active' });
    }
    await expectJson(await publicCall(stack, 'northvale', '/response', { headers: bearer(session.token) }));
  });

  it('keeps an offboarding authority working until the day it leaves, and pauses it from that day', async () => {
    const body = newAuthority('nine');
    const authority = await create(body);
    const problem = await expectProblem(await operator(`/v1/platform/tenants/${authority.id}`, jsonInit('PATCH', { status: 'offboarding' }, { 'if-match': '"1"' })), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['leavesOn']);
    const past = await expectProblem(await operator(`/v1/platform/tenants/${authority.id}`, jsonInit('PATCH', { status: 'offboarding', leavesOn: daysFromToday(-1) }, { 'if-match': '"1"' })), 400);
    expect(past.errors?.map((e) => e.path)).toEqual(['leavesOn']);

    const leaving = await setStatus(authority.id, { status: 'offboarding', leavesOn: daysFromToday(30) });
    expect(leaving).toMatchObject({ status: 'offboarding', leavesOn: daysFromToday(30) });
    await expectJson(await publicCall(stack, body.slug, ''));
    await setStatus(authority.id, { status: 'offboarding', leavesOn: today() });
    expectReason(await expectProblem(await publicCall(stack, body.slug, ''), 403), 'tenant-suspended');
    const resumed = await setStatus(authority.id, { status: 'active' });
    expect(resumed.leavesOn).toBeUndefined();
  });
});

describe('the platform activity log', () => {
  it('records who did what to which authority and when, with field names and never their values', async () => {
    const body = newAuthority('ten');
    const authority = await create(body);
    await setStatus(authority.id, { status: 'suspended' });
    await setStatus(authority.id, { status: 'active' });
    const page = await expectJson<{ items: { at: string; action: string; actor: { id: string }; tenant: { id: string; name: string }; changes: string[] }[] }>(await operator('/v1/platform/activity?limit=3'));
    expect(page.items.map((e) => e.action)).toEqual(['resumed', 'suspended', 'created']);
    for (const entry of page.items) expect(entry).toMatchObject({ actor: { id: 'platform-operator' }, tenant: { id: authority.id, name: body.name } });
    expect(page.items[2]!.changes).toEqual(['adminEmail', 'adminName', 'name', 'region', 'slug']);
    expect(page.items[1]!.changes).toEqual(['status']);
    const text = JSON.stringify(page);
    for (const value of [body.adminEmail, body.adminName, body.region]) expect(text).not.toContain(value);
  });
});
