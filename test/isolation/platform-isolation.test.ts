/**
 * The platform routes and the tenant routes keep apart: every tenant role of either authority,
 * tenant admins included, is refused every `/v1/platform/*` route and changes nothing; the
 * platform operator is refused every tenant route the API describes, so they never see case
 * data; and one authority's suspension leaves another's staff and public area working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_DOCS } from '@waypoint/functions/openapi/openapi-document';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, OPERATOR_EMAIL, ROLES, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, readVersioned, sm } from '../api/api-client.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const newAuthority = { name: 'Harbourside Council', slug: 'harbourside', region: 'South East', adminName: 'Hana Price', adminEmail: 'hana.price@harbourside.example' };

const PLATFORM_ROUTES: [string, RequestInit?][] = [
  ['/v1/platform/tenants'],
  [`/v1/platform/tenants/${NORTHVALE.id}`],
  [`/v1/platform/tenants/${SOUTHMOOR.id}`],
  ['/v1/platform/activity'],
  ['/v1/platform/tenants', jsonInit('POST', newAuthority)],
  [`/v1/platform/tenants/${SOUTHMOOR.id}`, jsonInit('PATCH', { status: 'suspended' }, { 'if-match': '"1"' })],
  [`/v1/platform/tenants/${NORTHVALE.id}`, jsonInit('PATCH', { status: 'suspended' }, { 'if-match': '"1"' })],
];

describe('the platform routes', () => {
  it('refuse every role of both authorities, tenant admins included, and change nothing', async () => {
    for (const email of [...ROLES.map(nv), ...ROLES.map(sm)]) {
      for (const [path, init] of PLATFORM_ROUTES) {
        const problem = await expectProblem(await stack.api(email, path, init), 403);
        expect(problem.type).toBe('/v1/problems/forbidden');
      }
    }
    const list = await expectJson<{ items: { slug: string; status: string }[] }>(await stack.api(OPERATOR_EMAIL, '/v1/platform/tenants'));
    expect(list.items.map((a) => a.slug).sort()).toEqual(['northvale', 'southmoor']);
    expect(list.items.every((a) => a.status === 'active')).toBe(true);
    expect((await expectJson<{ items: unknown[] }>(await stack.api(OPERATOR_EMAIL, '/v1/platform/activity'))).items).toEqual([]);
  });

  it('answer 401 without a token', async () => {
    for (const [path, init] of PLATFORM_ROUTES) await expectProblem(await stack.api(null, path, init), 401);
  });
});

describe('the platform operator', () => {
  /** Each tenant route the API describes, with its path parameters filled with something of the right shape. */
  const tenantRoutes = ROUTE_DOCS.filter((doc) => Array.isArray(doc.access)).map((doc) => ({
    method: doc.method.toUpperCase(),
    path: doc.path
      .replace(/\{ref\}/g, 'NV-00001')
      .replace(/\{month\}/g, '2026-01')
      .replace(/\{[a-zA-Z]+\}/g, 'nv-manager'),
  }));

  it('is refused every tenant route, so never sees case data', async () => {
    expect(tenantRoutes.length).toBeGreaterThan(50);
    for (const route of tenantRoutes) {
      const init = route.method === 'GET' ? undefined : jsonInit(route.method as 'POST', {}, { 'if-match': '"1"' });
      const response = await stack.api(OPERATOR_EMAIL, route.path, init ? { ...init, method: route.method } : undefined);
      const text = await response.text();
      expect(response.status, `${route.method} ${route.path}: ${text}`).toBe(403);
      // A problem and nothing more: no item, no list.
      const problem = JSON.parse(text) as Record<string, unknown>;
      expect(problem.type).toBe('/v1/problems/forbidden');
      expect(Object.keys(problem).filter((key) => !['type', 'title', 'status', 'detail', 'instance'].includes(key))).toEqual([]);
    }
  });
});

describe('one authority’s suspension', () => {
  it('pauses only that authority: the other’s staff and public area carry on', async () => {
    const created = await expectJson<{ id: string }>(await stack.api(OPERATOR_EMAIL, '/v1/platform/tenants', jsonInit('POST', newAuthority)), 201);
    const { etag } = await readVersioned(stack, OPERATOR_EMAIL, `/v1/platform/tenants/${created.id}`);
    await expectJson(await stack.api(OPERATOR_EMAIL, `/v1/platform/tenants/${created.id}`, jsonInit('PATCH', { status: 'suspended' }, { 'if-match': etag })));
    await expectProblem(await stack.api(null, `/v1/public/${newAuthority.slug}`), 403);
    for (const role of ROLES) {
      await expectJson(await stack.api(nv(role), '/v1/me'));
      await expectJson(await stack.api(sm(role), '/v1/me'));
    }
    await expectJson(await stack.api(null, '/v1/public/northvale'));
    await expectJson(await stack.api(null, '/v1/public/southmoor'));
  });
});
