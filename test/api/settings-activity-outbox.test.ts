/** `/v1/settings`, `/v1/activity` and `/v1/dev/outbox` over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@waypoint/functions/api/app';
import { API_AUDIENCE } from '@waypoint/functions/local/local-stack';
import { createAccessTokenVerifier } from '@waypoint/functions/platform/auth/access-token';
import { formatMonth } from '@waypoint/shared/formatting/dates';
import { startStack, type TestStack } from '../support/stack.ts';
import { ROLES, expectJson, expectProblem, jsonInit, nv, readAllPages, readVersioned } from './api-client.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface Settings {
  name: string;
  primaryColour: string;
  gradeLabels: string[];
  auditsPerManagerPerMonth: number;
  version: number;
}

interface ActivityItem {
  id: string;
  at: string;
  actor: { id: string; name: string | null };
  action: string;
  entity: string;
  entityId: string;
  versionBefore: number | null;
  versionAfter: number;
  changes: string[];
}

describe('settings', () => {
  it('are read by every staff role, with the version in the body and the ETag', async () => {
    for (const role of ROLES) {
      const { body, etag } = await readVersioned<Settings>(stack, nv(role), '/v1/settings');
      expect(body.name).toBe('Northvale Council');
      expect(body.gradeLabels).toHaveLength(4);
      expect(etag).toBe(`"${body.version}"`);
      expect(body).not.toHaveProperty('PK');
    }
  });

  it('are changed by a tenant admin with If-Match, and the change is logged without its values', async () => {
    const { etag } = await readVersioned<Settings>(stack, nv('admin'), '/v1/settings');
    const response = await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { name: 'Northvale County Council', auditsPerManagerPerMonth: 3 }, { 'if-match': etag }));
    const settings = await expectJson<Settings>(response);
    expect(settings).toMatchObject({ name: 'Northvale County Council', auditsPerManagerPerMonth: 3, version: 2 });
    expect(response.headers.get('etag')).toBe('"2"');
    const me = await expectJson<{ tenant: { name: string } }>(await stack.api(nv('student'), '/v1/me'));
    expect(me.tenant.name).toBe('Northvale County Council');
    const { items } = await expectJson<{ items: ActivityItem[] }>(await stack.api(nv('qa'), '/v1/activity'));
    const entry = items.find((e) => e.entity === 'settings');
    expect(entry).toMatchObject({ action: 'updated', versionBefore: 1, versionAfter: 2, changes: ['auditsPerManagerPerMonth', 'name'], actor: { id: 'nv-admin', name: 'Alex Morgan' } });
    expect(JSON.stringify(entry)).not.toContain('County');
  });

  it('answer 428 without If-Match and 412 when stale, and the 412 writes nothing', async () => {
    await expectProblem(await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { dutyPhone: '0300 111 2222' })), 428);
    await expectProblem(await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { dutyPhone: '0300 111 2222' }, { 'if-match': '"1"' })), 412);
    const { body } = await readVersioned<Settings & { dutyPhone: string }>(stack, nv('admin'), '/v1/settings');
    expect(body).toMatchObject({ dutyPhone: '0300 000 0000', version: 2 });
  });

  it('refuse bad values with 400 and a path per problem, never echoing the values', async () => {
    const response = await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { primaryColour: 'SECRETred', retentionYears: 'SECRET', gradeLabels: 'SECRET', dutyContactEmail: 'SECRET@', tenantId: 'x' }, { 'if-match': '"2"' }));
    const text = await response.clone().text();
    const problem = await expectProblem(response, 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['dutyContactEmail', 'gradeLabels', 'primaryColour', 'retentionYears', 'tenantId']);
    expect(text).not.toContain('SECRET');
    expect((await readVersioned<Settings>(stack, nv('admin'), '/v1/settings')).body.version).toBe(2);
  });

  it('can be changed by tenant admins only', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      await expectProblem(await stack.api(nv(role), '/v1/settings', jsonInit('PATCH', { name: 'Nope' }, { 'if-match': '"2"' })), 403);
    }
  });
});

describe('activity', () => {
  it('is read by QA officers, senior managers and admins, and refused to other roles', async () => {
    for (const role of ['qa', 'senior', 'admin'] as const) await expectJson(await stack.api(nv(role), '/v1/activity'));
    for (const role of ['student', 'practitioner', 'manager'] as const) await expectProblem(await stack.api(nv(role), '/v1/activity'), 403);
  });

  it('lists changes newest first, with actors’ names, a page at a time without gaps or repeats', async () => {
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']) {
      await expectJson(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { id: name.toLowerCase(), name })), 201);
    }
    const all = await expectJson<{ items: ActivityItem[]; nextCursor: string | null }>(await stack.api(nv('senior'), '/v1/activity?limit=100'));
    expect(all.nextCursor).toBeNull();
    expect(all.items.slice(0, 5).map((e) => e.entityId)).toEqual(['echo', 'delta', 'charlie', 'bravo', 'alpha']);
    expect(all.items[0]).toMatchObject({ action: 'created', entity: 'team', versionBefore: null, versionAfter: 1, actor: { id: 'nv-admin', name: 'Alex Morgan', public: false }, subject: 'Echo' });
    const paged = await readAllPages<ActivityItem>(stack, nv('senior'), '/v1/activity?limit=2');
    expect(paged.items.map((e) => e.id)).toEqual(all.items.map((e) => e.id));
  });

  it('names what each change was about as people know it: an audit by its case and month, a person by name, never an id', async () => {
    const planned = await expectJson<{ id: string; month: string }>(await stack.api(nv('manager'), '/v1/audits', jsonInit('POST', { caseRef: 'NV-00004', templateId: 'journey-of-the-child' })), 201);
    const { items } = await expectJson<{ items: (ActivityItem & { subject: string | null })[] }>(await stack.api(nv('qa'), '/v1/activity?limit=100'));
    const audit = items.find((e) => e.entity === 'audit' && e.entityId === planned.id);
    expect(audit?.subject).toBe(`the audit of case NV-00004, ${formatMonth(planned.month)}`);
    expect(items.find((e) => e.entity === 'settings')?.subject).toBe('the authority’s settings');
  });

  it('returns 25 entries when no limit is given and refuses limits outside 1-100', async () => {
    for (let i = 0; i < 21; i++) await expectJson(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { name: `Team ${i}` })), 201);
    const page = await expectJson<{ items: ActivityItem[]; nextCursor: string | null }>(await stack.api(nv('qa'), '/v1/activity'));
    expect(page.items).toHaveLength(25);
    expect(page.nextCursor).toEqual(expect.any(String));
    for (const limit of ['0', '101', 'abc', '']) await expectProblem(await stack.api(nv('qa'), `/v1/activity?limit=${limit}`), 400);
  });
});

describe('dev outbox', () => {
  it('shows any member of staff the messages queued for their authority, newest first, up to limit', async () => {
    for (const name of ['One', 'Two', 'Three']) {
      await expectJson(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', { name: `Person ${name}`, email: `person.${name.toLowerCase()}@northvale.example`, role: 'practitioner' })), 201);
    }
    for (const role of ROLES) {
      const { items } = await expectJson<{ items: { to: string; subject: string; status: string }[] }>(await stack.api(nv(role), '/v1/dev/outbox?limit=2'));
      expect(items.map((m) => m.to)).toHaveLength(2);
      expect(items.every((m) => m.subject === 'You have been added to Waypoint' && m.status === 'queued')).toBe(true);
    }
    await expectProblem(await stack.api(nv('qa'), '/v1/dev/outbox?limit=1000'), 400);
  });

  it('does not exist when the API is not set up with a dev outbox', async () => {
    const verifier = createAccessTokenVerifier({ issuer: stack.issuer, audience: API_AUDIENCE });
    const { platformClient, dataClientFor, objects, tableName } = stack.jobDependencies;
    const app = createApp({ tableName, platformClient, dataClientFor, objects, verifyAccessToken: (t) => verifier.verify(t), accounts: stack.accounts, portalUrl: stack.jobDependencies.portalUrl, devOutbox: false });
    const response = await app.request('/v1/dev/outbox', { headers: { authorization: `Bearer ${await stack.tokenFor(nv('qa'))}` } });
    await expectProblem(response, 404);
  });
});
