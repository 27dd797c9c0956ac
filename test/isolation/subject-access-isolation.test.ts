/**
 * Subject access exports across authorities: each Southmoor role asking for a Northvale case's
 * or person's export is answered exactly as for one nobody has, gets no ZIP, and leaves no entry
 * in either authority's activity log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { ROLES, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const BODY = { reason: 'Request from a family' };
const ROUTES = [
  { name: 'case', theirs: '/v1/cases/NV-00005/subject-access-export', nobodys: '/v1/cases/XX-00001/subject-access-export' },
  { name: 'staff', theirs: '/v1/users/nv-practitioner/subject-access-export', nobodys: '/v1/users/xx-nobody/subject-access-export' },
];

const exportsLogged = async (email: string) => (await expectJson<{ items: { entity: string }[] }>(await stack.api(email, '/v1/activity?limit=100'))).items.filter((e) => e.entity === 'subject-access-export').length;

describe('another authority’s subject access export', () => {
  for (const role of ROLES) {
    it(`is answered for a Southmoor ${role} as for a subject nobody has, with no ZIP and nothing logged`, async () => {
      const before = [await exportsLogged(nv('admin')), await exportsLogged(sm('admin'))];
      for (const route of ROUTES) {
        const theirs = await stack.api(sm(role), route.theirs, jsonInit('POST', BODY));
        const nobodys = await stack.api(sm(role), route.nobodys, jsonInit('POST', BODY));
        expect(theirs.status, route.name).toBe(nobodys.status);
        expect([403, 404]).toContain(theirs.status);
        expect(theirs.headers.get('content-type'), route.name).toMatch(/problem\+json/);
        expect({ ...(await theirs.json()), instance: undefined }, route.name).toEqual({ ...(await nobodys.json()), instance: undefined });
      }
      expect([await exportsLogged(nv('admin')), await exportsLogged(sm('admin'))]).toEqual(before);
    });
  }

  it('is a 404 for Southmoor’s QA officer, who may export Southmoor’s own', async () => {
    for (const route of ROUTES) await expectProblem(await stack.api(sm('qa'), route.theirs, jsonInit('POST', BODY)), 404);
    const own = await stack.api(sm('qa'), '/v1/cases/SM-00005/subject-access-export', jsonInit('POST', BODY));
    expect(own.status).toBe(200);
    expect(new Uint8Array(await own.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });
});

describe('another authority’s retention', () => {
  it('is never in Southmoor’s preview or log', async () => {
    // A Northvale case closed and on legal hold: listed for Northvale's QA officer, never Southmoor's.
    const current = await stack.api(nv('qa'), '/v1/cases/NV-00012');
    await current.arrayBuffer();
    await expectJson(await stack.api(nv('qa'), '/v1/cases/NV-00012', jsonInit('PATCH', { status: 'closed', legalHold: true }, { 'if-match': current.headers.get('etag')! })));
    const theirs = await expectJson<{ held?: { ref: string }[] }>(await stack.api(nv('qa'), '/v1/retention/preview'));
    expect(theirs.held?.map((c) => c.ref)).toContain('NV-00012');
    const preview = await expectJson<{ cases?: { ref: string }[]; held?: { ref: string }[] }>(await stack.api(sm('qa'), '/v1/retention/preview'));
    expect(preview.cases?.every((c) => c.ref.startsWith('SM-'))).toBe(true);
    expect(preview.held?.every((c) => c.ref.startsWith('SM-'))).toBe(true);
    const log = await expectJson<{ items: unknown[] }>(await stack.api(sm('admin'), '/v1/retention/log'));
    expect(JSON.stringify(log)).not.toContain('NV-');
    for (const role of ['student', 'practitioner', 'manager'] as const) await expectProblem(await stack.api(sm(role), '/v1/retention/preview'), 403);
  });
});
