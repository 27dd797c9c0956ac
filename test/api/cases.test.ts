/** `/v1/cases` over HTTP: who sees which cases, filters, paging, creating and changing cases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCases } from '@waypoint/functions/local/seed/demo-data';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, readAllPages, readVersioned } from './api-client.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface Case {
  ref: string;
  teamId: string;
  caseType: string;
  holderId?: string;
  studentId?: string | null;
  status: string;
  version: number;
}

const DEMO = demoCases(NORTHVALE, '2026-01-05T09:00:00.000Z');
const refs = (cases: { ref: string }[]) => cases.map((c) => c.ref).sort();
const cursorOf = (value: unknown) => encodeURIComponent(Buffer.from(JSON.stringify(value)).toString('base64url'));

describe('who sees which cases', () => {
  it('shows a practitioner only the cases they hold', async () => {
    const { items } = await readAllPages<Case>(stack, nv('practitioner'), '/v1/cases');
    expect(refs(items)).toEqual(refs(DEMO.filter((c) => c.holderId === 'nv-practitioner')));
    expect(items).toHaveLength(6);
  });

  it('shows a student only the cases they work on', async () => {
    const { items } = await readAllPages<Case>(stack, nv('student'), '/v1/cases');
    expect(refs(items)).toEqual(['NV-00001', 'NV-00002', 'NV-00003']);
  });

  it('shows a manager only their team’s cases', async () => {
    const { items } = await readAllPages<Case>(stack, nv('manager'), '/v1/cases');
    expect(refs(items)).toEqual(refs(DEMO.filter((c) => c.teamId === 'child-in-need')));
    expect(items.every((c) => c.teamId === 'child-in-need')).toBe(true);
  });

  it('shows QA officers and senior managers every case in the authority', async () => {
    for (const role of ['qa', 'senior'] as const) {
      const { items } = await readAllPages<Case>(stack, nv(role), '/v1/cases?limit=100');
      expect(refs(items)).toEqual(refs(DEMO));
    }
  });

  it('refuses tenant admins the case list with 403', async () => {
    await expectProblem(await stack.api(nv('admin'), '/v1/cases'), 403);
  });

  it('answers 404 for a single case outside the caller’s scope, as if it did not exist', async () => {
    const outside: [string, string][] = [
      ['practitioner', 'NV-00007'],
      ['student', 'NV-00004'],
      ['manager', 'NV-00013'],
      ['admin', 'NV-00001'],
    ];
    for (const [role, ref] of outside) {
      const hidden = await expectProblem(await stack.api(nv(role as 'qa'), `/v1/cases/${ref}`), 404);
      const missing = await expectProblem(await stack.api(nv(role as 'qa'), '/v1/cases/NV-99999'), 404);
      expect(hidden.detail).toBe(missing.detail);
    }
    const { body, etag } = await readVersioned<Case>(stack, nv('practitioner'), '/v1/cases/NV-00001');
    expect(body.ref).toBe('NV-00001');
    expect(etag).toBe('"1"');
  });
});

describe('filters and paging', () => {
  it('lists only open, or only closed, cases when asked', async () => {
    const all = demoCases(NORTHVALE, '2026-01-05T09:00:00.000Z');
    for (const status of ['open', 'closed'] as const) {
      const { items } = await readAllPages<Case>(stack, nv('qa'), `/v1/cases?status=${status}&limit=7`);
      expect(items.map((c) => c.ref).sort()).toEqual(
        all
          .filter((c) => c.status === status)
          .map((c) => c.ref)
          .sort(),
      );
    }
    await expectProblem(await stack.api(nv('qa'), '/v1/cases?status=archived'), 400);
  });

  it('filters by team and by case type', async () => {
    const byTeam = await readAllPages<Case>(stack, nv('qa'), '/v1/cases?team=assessment');
    expect(refs(byTeam.items)).toEqual(refs(DEMO.filter((c) => c.teamId === 'assessment')));
    const byType = await readAllPages<Case>(stack, nv('senior'), '/v1/cases?caseType=child-protection&limit=3');
    expect(refs(byType.items)).toEqual(refs(DEMO.filter((c) => c.caseType === 'child-protection')));
    const otherTeam = await expectJson<{ items: Case[] }>(await stack.api(nv('manager'), '/v1/cases?team=assessment'));
    expect(otherTeam.items).toEqual([]);
  });

  it('pages with limit and nextCursor without duplicates or gaps', async () => {
    for (const limit of [1, 7, 40]) {
      const { items, pages } = await readAllPages<Case>(stack, nv('qa'), `/v1/cases?limit=${limit}`);
      expect(items.map((c) => c.ref)).toHaveLength(new Set(items.map((c) => c.ref)).size);
      expect(refs(items)).toEqual(refs(DEMO));
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(DEMO.length / limit));
    }
    const first = await expectJson<{ items: Case[]; nextCursor: string }>(await stack.api(nv('manager'), '/v1/cases?limit=5'));
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).toEqual(expect.any(String));
  });

  it('refuses bad filters and limits with 400', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=many', 'caseType=adoption', 'team=a%23b']) {
      await expectProblem(await stack.api(nv('qa'), `/v1/cases?${query}`), 400);
    }
  });

  it('refuses a forged cursor pointing at another tenant with 400', async () => {
    const forged = cursorOf({ part: 0, key: { GSI1PK: `TENANT#${SOUTHMOOR.id}#CASES`, GSI1SK: 'TEAM#assessment#CASE#SM-00013', PK: `TENANT#${SOUTHMOOR.id}#CASE#SM-00013`, SK: 'PROFILE' } });
    const problem = await expectProblem(await stack.api(nv('qa'), `/v1/cases?cursor=${forged}`), 400);
    expect(problem.errors).toEqual([{ path: 'cursor', message: 'Use the nextCursor from a previous page' }]);
  });

  it('refuses, with 400 and never 500, cursors that were not issued for this list', async () => {
    const nvRoot = `TENANT#${NORTHVALE.id}`;
    const forged = [{ part: 0, key: { GSI2PK: `${nvRoot}#HOLDER#nv-sw-01`, GSI2SK: 'CASE#NV-00010', PK: `${nvRoot}#CASE#NV-00010`, SK: 'PROFILE' } }, { part: 0, key: { PK: nvRoot } }, { part: 0, key: { anything: 'else' } }, [1, 2], { part: 'one' }];
    for (const cursor of forged) await expectProblem(await stack.api(nv('practitioner'), `/v1/cases?cursor=${cursorOf(cursor)}`), 400);
    await expectProblem(await stack.api(nv('qa'), '/v1/cases?cursor=%%%not-base64'), 400);
  });
});

describe('creating cases', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({ ref: 'NV-10001', teamId: 'child-in-need', caseType: 'child-in-need', holderId: 'nv-practitioner', ...overrides });

  it('lets a manager create a case in their own team, visible to its holder', async () => {
    const response = await stack.api(nv('manager'), '/v1/cases', jsonInit('POST', body()));
    const created = await expectJson<Case>(response, 201);
    expect(created).toMatchObject({ ref: 'NV-10001', status: 'open', version: 1 });
    expect(response.headers.get('location')).toBe('/v1/cases/NV-10001');
    expect(response.headers.get('etag')).toBe('"1"');
    await expectJson(await stack.api(nv('practitioner'), '/v1/cases/NV-10001'));
    const { items } = await expectJson<{ items: { entity: string; entityId: string }[] }>(await stack.api(nv('qa'), '/v1/activity'));
    expect(items).toContainEqual(expect.objectContaining({ entity: 'case', entityId: 'NV-10001' }));
  });

  it('refuses a manager another team (403), and students, practitioners and admins altogether (403)', async () => {
    await expectProblem(await stack.api(nv('manager'), '/v1/cases', jsonInit('POST', body({ ref: 'NV-10002', teamId: 'assessment' }))), 403);
    for (const role of ['student', 'practitioner', 'admin'] as const) {
      await expectProblem(await stack.api(nv(role), '/v1/cases', jsonInit('POST', body({ ref: 'NV-10003' }))), 403);
    }
    await expectProblem(await stack.api(nv('qa'), '/v1/cases/NV-10003'), 404);
  });

  it('answers 409 for a reference in use, and 400 for people or teams that do not exist', async () => {
    await expectProblem(await stack.api(nv('qa'), '/v1/cases', jsonInit('POST', body({ ref: 'NV-00001' }))), 409);
    const problem = await expectProblem(await stack.api(nv('qa'), '/v1/cases', jsonInit('POST', body({ ref: 'NV-10004', holderId: 'nv-nobody', teamId: 'nowhere' }))), 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['holderId', 'teamId']);
    await expectProblem(await stack.api(nv('qa'), '/v1/cases', jsonInit('POST', body({ ref: 'NV#10005' }))), 400);
  });
});

describe('changing cases', () => {
  it('changes a case with If-Match and returns the new ETag', async () => {
    const { etag } = await readVersioned(stack, nv('manager'), '/v1/cases/NV-00008');
    const response = await stack.api(nv('manager'), '/v1/cases/NV-00008', jsonInit('PATCH', { status: 'closed', label: 'Closed after review' }, { 'if-match': etag }));
    expect(await expectJson<Case>(response)).toMatchObject({ ref: 'NV-00008', status: 'closed', version: 2 });
    expect(response.headers.get('etag')).toBe('"2"');
  });

  it('answers 428 without If-Match and 412 when stale, and the 412 writes nothing', async () => {
    await expectProblem(await stack.api(nv('qa'), '/v1/cases/NV-00020', jsonInit('PATCH', { status: 'closed' })), 428);
    await expectJson(await stack.api(nv('qa'), '/v1/cases/NV-00020', jsonInit('PATCH', { label: 'First' }, { 'if-match': '"1"' })));
    await expectProblem(await stack.api(nv('senior'), '/v1/cases/NV-00020', jsonInit('PATCH', { label: 'Second' }, { 'if-match': '"1"' })), 412);
    const { body } = await readVersioned<Case & { label: string }>(stack, nv('qa'), '/v1/cases/NV-00020');
    expect(body).toMatchObject({ label: 'First', version: 2 });
  });

  it('refuses a practitioner (403) and hides other teams’ cases from a manager (404)', async () => {
    await expectProblem(await stack.api(nv('practitioner'), '/v1/cases/NV-00001', jsonInit('PATCH', { label: 'x' }, { 'if-match': '"1"' })), 403);
    await expectProblem(await stack.api(nv('manager'), '/v1/cases/NV-00013', jsonInit('PATCH', { label: 'x' }, { 'if-match': '"1"' })), 404);
    await expectProblem(await stack.api(nv('manager'), '/v1/cases/NV-00002', jsonInit('PATCH', { teamId: 'assessment' }, { 'if-match': '"1"' })), 403);
  });

  it('moves a case between teams when QA asks, so it leaves the old team’s list', async () => {
    await expectJson(await stack.api(nv('qa'), '/v1/cases/NV-00011', jsonInit('PATCH', { teamId: 'early-help' }, { 'if-match': '"1"' })));
    const { items } = await readAllPages<Case>(stack, nv('manager'), '/v1/cases');
    expect(items.map((c) => c.ref)).not.toContain('NV-00011');
  });
});
