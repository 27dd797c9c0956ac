/**
 * The tenant comes only from the verified token: lists, settings, activity and the outbox
 * show the caller's own authority whatever a query or header says, and the platform
 * operator, who belongs to no authority, is refused every tenant route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, OPERATOR_EMAIL, ROLES, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, readAllPages, sm } from '../api/api-client.ts';

let stack: TestStack;
let starterId: string;

beforeAll(async () => {
  stack = await startStack();
  // Southmoor changes things, so its activity log and outbox have entries Northvale must never see.
  await expectJson(await stack.api(sm('admin'), '/v1/teams', jsonInit('POST', { id: 'sm-fostering', name: 'Southmoor Fostering' })), 201);
  starterId = (await expectJson<{ id: string }>(await stack.api(sm('admin'), '/v1/users', jsonInit('POST', { name: 'Southmoor Starter', email: 'starter@southmoor.example', role: 'practitioner' })), 201)).id;
  await expectJson(await stack.api(sm('qa'), '/v1/cases/SM-00005', jsonInit('PATCH', { label: 'Southmoor only' }, { 'if-match': '"1"' })));
  // And Northvale changes one thing, so its own log is not empty.
  await expectJson(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { id: 'nv-adoption', name: 'Adoption' })), 201);
});
afterAll(async () => {
  await stack?.stop();
});

const CASE_READERS: StaffRole[] = ['student', 'practitioner', 'manager', 'qa', 'senior'];
const ACTIVITY_READERS: StaffRole[] = ['qa', 'senior', 'admin'];

/** Attempts to name Southmoor from outside the token, none of which may have any effect. */
const NAMING_ATTEMPTS: { query: string; headers: Record<string, string> }[] = [
  { query: `tenantId=${SOUTHMOOR.id}`, headers: {} },
  { query: `tenant_id=${SOUTHMOOR.id}&tenant=${SOUTHMOOR.slug}`, headers: {} },
  { query: '', headers: { 'x-tenant-id': SOUTHMOOR.id } },
  { query: `tenantId=${SOUTHMOOR.id}`, headers: { 'x-tenant-id': SOUTHMOOR.id, 'x-tenant': SOUTHMOOR.slug } },
];

function withQuery(path: string, query: string): string {
  if (!query) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

describe('lists and tenant-wide reads', () => {
  it('show each Northvale role only Northvale’s cases, users and teams', async () => {
    for (const role of ROLES) {
      if (CASE_READERS.includes(role)) {
        const { items } = await readAllPages<{ ref: string }>(stack, nv(role), '/v1/cases?limit=100');
        expect(items.length).toBeGreaterThan(0);
        expect(items.every((c) => c.ref.startsWith('NV-'))).toBe(true);
      }
      const users = await readAllPages<{ id: string; email: string }>(stack, nv(role), '/v1/users?limit=100');
      expect(users.items.every((u) => u.id !== starterId && u.email.endsWith('@northvale.example'))).toBe(true);
      const teams = await expectJson<{ items: { id: string; name: string }[] }>(await stack.api(nv(role), '/v1/teams'));
      expect(teams.items.map((t) => t.id)).toContain('nv-adoption');
      expect(teams.items.some((t) => t.id === 'sm-fostering' || t.name.startsWith('Southmoor'))).toBe(false);
    }
  });

  it('show each Northvale role Northvale’s settings and outbox, and its activity to those who may read it', async () => {
    for (const role of ROLES) {
      const settings = await expectJson<{ name: string }>(await stack.api(nv(role), '/v1/settings'));
      expect(settings.name).toBe(NORTHVALE.name);
      const outbox = await expectJson<{ items: { to: string }[] }>(await stack.api(nv(role), '/v1/dev/outbox?limit=100'));
      expect(outbox.items.some((m) => m.to.endsWith('@southmoor.example'))).toBe(false);
      if (!ACTIVITY_READERS.includes(role)) continue;
      const activity = await readAllPages<{ entityId: string; actor: { id: string } }>(stack, nv(role), '/v1/activity');
      expect(activity.items.map((e) => e.entityId)).toContain('nv-adoption');
      expect(activity.items.some((e) => e.actor.id.startsWith('sm-') || e.entityId.startsWith('sm-') || e.entityId.startsWith('SM-'))).toBe(false);
    }
  });

  it('are unchanged by a tenantId in the query or an X-Tenant-Id header', async () => {
    const paths: [string, StaffRole][] = [
      ['/v1/cases?limit=100', 'qa'],
      ['/v1/users?limit=100', 'qa'],
      ['/v1/teams', 'qa'],
      ['/v1/settings', 'qa'],
      ['/v1/activity?limit=100', 'qa'],
      ['/v1/dev/outbox?limit=100', 'qa'],
      ['/v1/me', 'manager'],
    ];
    for (const [path, role] of paths) {
      const plain = await expectJson(await stack.api(nv(role), path));
      for (const attempt of NAMING_ATTEMPTS) {
        const named = await expectJson(await stack.api(nv(role), withQuery(path, attempt.query), { headers: attempt.headers }));
        expect(named, `${path} ${attempt.query} ${JSON.stringify(attempt.headers)}`).toEqual(plain);
      }
    }
  });

  it('do not let a query or header reach Southmoor’s items by id', async () => {
    for (const attempt of NAMING_ATTEMPTS) {
      for (const path of ['/v1/cases/SM-00005', `/v1/users/${starterId}`, '/v1/teams/sm-fostering']) {
        await expectProblem(await stack.api(nv('qa'), withQuery(path, attempt.query), { headers: attempt.headers }), 404);
      }
    }
  });
});

describe('the platform operator', () => {
  const TENANT_ROUTES: [string, string, RequestInit?][] = [
    ['GET', '/v1/cases'],
    ['GET', '/v1/cases/NV-00001'],
    ['POST', '/v1/cases', jsonInit('POST', { ref: 'OP-00001', teamId: 'assessment', caseType: 'child-in-need' })],
    ['PATCH', '/v1/cases/NV-00001', jsonInit('PATCH', { label: 'x' }, { 'if-match': '"1"' })],
    ['GET', '/v1/teams'],
    ['GET', '/v1/teams/assessment'],
    ['POST', '/v1/teams', jsonInit('POST', { name: 'Operator team' })],
    ['PATCH', '/v1/teams/assessment', jsonInit('PATCH', { name: 'x' }, { 'if-match': '"1"' })],
    ['GET', '/v1/users'],
    ['GET', '/v1/users/nv-qa'],
    ['POST', '/v1/users', jsonInit('POST', { name: 'Op', email: 'op@northvale.example', role: 'admin' })],
    ['PATCH', '/v1/users/nv-qa', jsonInit('PATCH', { role: 'admin' }, { 'if-match': '"1"' })],
    ['GET', '/v1/settings'],
    ['PATCH', '/v1/settings', jsonInit('PATCH', { name: 'x' }, { 'if-match': '"1"' })],
    ['GET', '/v1/activity'],
    ['GET', '/v1/dev/outbox'],
  ];

  it('is refused every tenant route with 403, even when naming a tenant', async () => {
    for (const [method, path, init] of TENANT_ROUTES) {
      await expectProblem(await stack.api(OPERATOR_EMAIL, path, { method, ...init }), 403);
      await expectProblem(await stack.api(OPERATOR_EMAIL, withQuery(path, `tenantId=${NORTHVALE.id}`), { method, ...init, headers: { ...(init?.headers as Record<string, string>), 'x-tenant-id': NORTHVALE.id } }), 403);
    }
  });

  it('still has /v1/me, which shows no tenant', async () => {
    const me = await expectJson<{ role: string; tenant: unknown }>(await stack.api(OPERATOR_EMAIL, '/v1/me'));
    expect(me).toMatchObject({ role: 'operator', tenant: null });
  });
});
