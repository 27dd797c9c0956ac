/**
 * Every Northvale role aimed at Southmoor's actions, case evidence and learning records gets
 * exactly what a missing id gets (404, or the 403 its role gets for any id), and 400 where the
 * id is named in a body. Northvale's lists and service view never count Southmoor; nothing in
 * Southmoor changes and no Southmoor email is sent; the operator is refused every route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAudits } from '@waypoint/functions/local/seed/demo-audits';
import { sourceAuditId, type ActionView } from '@waypoint/shared/actions/action-schemas';
import type { ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';
import { startStack, type TestStack } from '../support/stack.ts';
import { OPERATOR_EMAIL, ROLES, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, readAllPages, sm } from '../api/api-client.ts';
import { inDays, raiseAction } from '../api/actions-support.ts';
import { planAudit, todayInLondon } from '../api/audits-support.ts';

let stack: TestStack;
const SM = demoAudits(SOUTHMOOR, new Date());
const SM_OPEN = SM.actions.find((a) => a.state === 'open')!;
const SM_DONE = SM.actions.find((a) => a.state === 'done')!;
const SM_CASE = SM_OPEN.caseRef!;
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
let smBefore: Record<string, unknown>[];
let smMail: number;
let smView: ServiceView;

beforeAll(async () => {
  stack = await startStack();
  smBefore = await Promise.all([SM_OPEN, SM_DONE].map(async (a) => expectJson(await stack.api(sm('qa'), `/v1/actions/${a.id}`))));
  smMail = (await expectJson<{ items: unknown[] }>(await stack.api(sm('qa'), '/v1/dev/outbox?limit=100'))).items.length;
  smView = await expectJson<ServiceView>(await stack.api(sm('qa'), '/v1/dashboards/service'));
});
afterAll(async () => {
  await stack?.stop();
});

const move = (name: string, version: number, body?: Record<string, unknown>) => () => (body ? jsonInit('POST', body, ifMatch(version)) : { method: 'POST', headers: ifMatch(version) });
/** Each request names a Southmoor id; the second id is one nobody has. */
const BY_ID: { name: string; path: (id: string) => string; ids: [string, string]; init?: () => RequestInit }[] = [
  { name: 'start', path: (id) => `/v1/actions/${id}/start`, ids: [SM_OPEN.id, 'xx-action-1'], init: move('start', SM_OPEN.version) },
  { name: 'complete', path: (id) => `/v1/actions/${id}/complete`, ids: [SM_OPEN.id, 'xx-action-1'], init: move('complete', SM_OPEN.version, { evidence: 'From Northvale', doneOn: todayInLondon() }) },
  { name: 'verify', path: (id) => `/v1/actions/${id}/verify`, ids: [SM_DONE.id, 'xx-action-1'], init: move('verify', SM_DONE.version, {}) },
  { name: 'reopen', path: (id) => `/v1/actions/${id}/reopen`, ids: [SM_DONE.id, 'xx-action-1'], init: move('reopen', SM_DONE.version, { reason: 'From Northvale' }) },
  { name: 'cancel', path: (id) => `/v1/actions/${id}/cancel`, ids: [SM_OPEN.id, 'xx-action-1'], init: move('cancel', SM_OPEN.version, { reason: 'From Northvale' }) },
  { name: 'impact', path: (id) => `/v1/actions/${id}/impact`, ids: [SM_DONE.id, 'xx-action-1'], init: () => jsonInit('PUT', { reauditId: `re-${sourceAuditId(SM_DONE)}`, difference: 'no' }, ifMatch(SM_DONE.version)) },
  { name: 'case evidence', path: (id) => `/v1/cases/${id}/evidence`, ids: [SM_CASE, 'XX-00001'] },
  { name: 'case actions', path: (id) => `/v1/actions?view=case&caseRef=${id}`, ids: [SM_CASE, 'XX-00001'] },
  { name: 'learning', path: (id) => `/v1/practitioners/${id}/learning`, ids: ['sm-practitioner', 'xx-person'] },
];

/** Roles a route refuses whatever the id. */
const REFUSED: Record<string, readonly StaffRole[]> = { 'case actions': ['admin'], learning: ['admin'] };

describe('Southmoor’s actions, cases and people', () => {
  for (const role of ROLES) {
    it(`are answered to a Northvale ${role} exactly as ids that do not exist`, async () => {
      for (const request of BY_ID) {
        const [theirs, nobodys] = request.ids;
        const status = REFUSED[request.name]?.includes(role) ? 403 : 404;
        const cross = await expectProblem(await stack.api(nv(role), request.path(theirs), request.init?.()), status);
        const missing = await expectProblem(await stack.api(nv(role), request.path(nobodys), request.init?.()), status);
        expect({ ...cross, instance: undefined }, `${role} ${request.name}`).toEqual({ ...missing, instance: undefined });
      }
    });
  }

  it('are “no such” (400) when named in a Northvale body, and a tenantId there is an unknown field', async () => {
    const audit = await planAudit(stack, { caseRef: 'NV-00005' });
    const ours = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(todayInLondon(), 7) });
    const impact = (reauditId: string) => stack.api(nv('manager'), `/v1/actions/${ours.action.id}/impact`, jsonInit('PUT', { reauditId, difference: 'no' }, { 'if-match': ours.etag }));
    const theirs = await expectProblem(await impact(`re-${sourceAuditId(SM_DONE)}`), 400);
    const nobodys = await expectProblem(await impact('re-xx-audit-1'), 400);
    expect(theirs.errors).toEqual(nobodys.errors);
    expect(theirs.errors?.map((e) => e.path)).toEqual(['reauditId']);
    const complete = await expectProblem(await stack.api(nv('practitioner'), `/v1/actions/${ours.action.id}/complete`, jsonInit('POST', { evidence: 'x', doneOn: todayInLondon(), tenantId: SOUTHMOOR.id }, { 'if-match': ours.etag })), 400);
    expect(complete.errors).toContainEqual({ path: 'tenantId', message: 'Unknown field' });
  });

  it('never appear in Northvale’s action lists or service view', async () => {
    for (const [role, query] of [
      ['qa', 'view=team'],
      ['senior', 'view=team&status=closed'],
      ['manager', 'view=team'],
      ['practitioner', 'view=mine'],
      ['qa', 'view=case&caseRef=NV-00001'],
    ] as const) {
      const { items } = await readAllPages<ActionView>(stack, nv(role), `/v1/actions?${query}`);
      expect(
        items.some((a) => a.caseRef?.startsWith('SM-')),
        `${role} ${query}`,
      ).toBe(false);
    }
    const northvale = await expectJson<ServiceView>(await stack.api(nv('qa'), '/v1/dashboards/service'));
    expect(northvale.actions.raised).toBeGreaterThan(0);
    expect(JSON.stringify(northvale)).not.toMatch(/SM-|sm-/);
  });

  it('are left exactly as they were, with their service view and outbox unchanged', async () => {
    const after = await Promise.all([SM_OPEN, SM_DONE].map(async (a) => expectJson(await stack.api(sm('qa'), `/v1/actions/${a.id}`))));
    expect(after).toEqual(smBefore);
    expect(await expectJson(await stack.api(sm('qa'), '/v1/dashboards/service'))).toEqual(smView);
    expect((await expectJson<{ items: unknown[] }>(await stack.api(sm('qa'), '/v1/dev/outbox?limit=100'))).items).toHaveLength(smMail);
  });
});

describe('the platform operator', () => {
  it('is refused every action, dashboard and learning route with 403', async () => {
    const routes: [string, RequestInit?][] = [
      ['/v1/actions?view=mine'],
      [`/v1/actions/${SM_OPEN.id}/start`, { method: 'POST', headers: ifMatch(1) }],
      [`/v1/actions/${SM_DONE.id}/verify`, jsonInit('POST', {}, ifMatch(SM_DONE.version))],
      [`/v1/actions/${SM_DONE.id}/impact`, jsonInit('PUT', { reauditId: 'x', difference: 'no' }, ifMatch(1))],
      ['/v1/dashboards/service'],
      ['/v1/dashboards/service/export?figure=grades'],
      [`/v1/cases/${SM_CASE}/evidence`],
      ['/v1/practitioners/sm-practitioner/learning'],
    ];
    for (const [path, init] of routes) await expectProblem(await stack.api(OPERATOR_EMAIL, path, init), 403);
  });
});
