/**
 * Every Northvale role aimed at Southmoor's audits, reflections, actions, template versions
 * and case histories gets exactly what a missing id gets: 404, or 400 where the id is named
 * in a body. Nothing in Southmoor changes and no Southmoor email is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAudits } from '@waypoint/functions/local/seed/demo-audits';
import { sourceAuditId } from '@waypoint/shared/actions/action-schemas';
import type { AuditDetail, AuditPage } from '@waypoint/shared/audits/audit-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, OPERATOR_EMAIL, ROLES, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';
import { JOURNEY } from '../api/audits-support.ts';

let stack: TestStack;
const SM = demoAudits(SOUTHMOOR, new Date());
const NV = demoAudits(NORTHVALE, new Date());
const SM_AUDIT = SM.audits.find((a) => a.state === 'completed' && a.studentId)!;
const SM_ACTION = SM.actions.find((a) => sourceAuditId(a) === SM_AUDIT.id)!;
let southmoorBefore: AuditDetail;
let southmoorMail: number;

beforeAll(async () => {
  stack = await startStack();
  // Only Southmoor has version 2 of the Journey of the Child.
  await expectJson(await stack.api(sm('qa'), '/v1/templates/journey-of-the-child/versions', jsonInit('POST', { name: JOURNEY.name, description: JOURNEY.description, sections: JOURNEY.sections }, { 'if-match': '"1"' })), 201);
  southmoorBefore = await expectJson<AuditDetail>(await stack.api(sm('qa'), `/v1/audits/${SM_AUDIT.id}`));
  southmoorMail = (await expectJson<{ items: unknown[] }>(await stack.api(sm('qa'), '/v1/dev/outbox?limit=100'))).items.length;
});
afterAll(async () => {
  await stack?.stop();
});

const ifMatch = { 'if-match': `"${SM_AUDIT.version}"` };
/** Each request names a Southmoor id; the second id is one nobody has. */
const BY_ID: { name: string; path: (id: string) => string; ids: [string, string]; init?: () => RequestInit }[] = [
  { name: 'GET audit', path: (id) => `/v1/audits/${id}`, ids: [SM_AUDIT.id, 'xx-audit-1'] },
  { name: 'PATCH audit', path: (id) => `/v1/audits/${id}`, ids: [SM_AUDIT.id, 'xx-audit-1'], init: () => jsonInit('PATCH', { auditType: 'thematic' }, ifMatch) },
  { name: 'complete', path: (id) => `/v1/audits/${id}/complete`, ids: [SM_AUDIT.id, 'xx-audit-1'], init: () => jsonInit('POST', {}, ifMatch) },
  { name: 'cancel', path: (id) => `/v1/audits/${id}/cancel`, ids: [SM_AUDIT.id, 'xx-audit-1'], init: () => jsonInit('POST', { reason: 'Northvale' }, ifMatch) },
  { name: 'reopen', path: (id) => `/v1/audits/${id}/reopen`, ids: [SM_AUDIT.id, 'xx-audit-1'], init: () => jsonInit('POST', { reason: 'Northvale' }, ifMatch) },
  { name: 'GET reflections', path: (id) => `/v1/audits/${id}/reflections`, ids: [SM_AUDIT.id, 'xx-audit-1'] },
  { name: 'POST reflection', path: (id) => `/v1/audits/${id}/reflections`, ids: [SM_AUDIT.id, 'xx-audit-1'], init: () => jsonInit('POST', { text: 'Written from Northvale' }) },
  { name: 'GET action', path: (id) => `/v1/actions/${id}`, ids: [SM_ACTION.id, 'xx-action-1'] },
  { name: 'GET case audits', path: (id) => `/v1/cases/${id}/audits`, ids: [SM_AUDIT.caseRef, 'XX-00001'] },
  { name: 'GET template version', path: (n) => `/v1/templates/journey-of-the-child/versions/${n}`, ids: ['2', '9'] },
];

describe('Southmoor’s audit ids', () => {
  for (const role of ROLES) {
    it(`are 404 for a Northvale ${role}, exactly as for ids that do not exist`, async () => {
      for (const request of BY_ID) {
        const [theirs, nobodys] = request.ids;
        const cross = await expectProblem(await stack.api(nv(role), request.path(theirs), request.init?.()), 404);
        const missing = await expectProblem(await stack.api(nv(role), request.path(nobodys), request.init?.()), 404);
        expect({ ...cross, instance: undefined }, request.name).toEqual({ ...missing, instance: undefined });
      }
    });
  }

  it('are “no such” (400) when named in a Northvale body', async () => {
    const plan = await expectProblem(await stack.api(nv('manager'), '/v1/audits', jsonInit('POST', { caseRef: 'SM-00001', templateId: 'journey-of-the-child', studentId: 'sm-student' })), 400);
    expect(plan.errors?.map((e) => e.path).sort()).toEqual(['caseRef']);
    const withStudent = await expectProblem(await stack.api(nv('manager'), '/v1/audits', jsonInit('POST', { caseRef: 'NV-00001', templateId: 'journey-of-the-child', studentId: 'sm-student' })), 400);
    expect(withStudent.errors).toEqual([{ path: 'studentId', message: 'No such student social worker' }]);
    const source = { type: 'audit', auditId: SM_AUDIT.id, sectionId: 'overall-judgement' };
    const action = await expectProblem(await stack.api(nv('qa'), '/v1/actions', jsonInit('POST', { source, description: 'x', ownerId: 'nv-practitioner', dueDate: '2099-01-01' })), 400);
    expect(action.errors).toEqual([{ path: 'source.auditId', message: 'No such audit' }]);
    const ownAudit = NV.audits.find((a) => a.teamId === 'child-in-need' && a.state === 'completed')!;
    const owner = await expectProblem(await stack.api(nv('manager'), '/v1/actions', jsonInit('POST', { source: { ...source, auditId: ownAudit.id }, description: 'x', ownerId: 'sm-practitioner', dueDate: '2099-01-01' })), 400);
    expect(owner.errors?.map((e) => e.path)).toEqual(['ownerId']);
  });

  it('never appear in Northvale’s lists, whatever the filter', async () => {
    for (const query of ['', '?limit=100', `?caseRef=${SM_AUDIT.caseRef}`, `?month=${SM_AUDIT.month}`, `?month=${SM_AUDIT.month}&team=${SM_AUDIT.teamId}`, '?team=early-help']) {
      const page = await expectJson<AuditPage>(await stack.api(nv('qa'), `/v1/audits${query}`));
      expect(
        page.items.some((a) => a.caseRef.startsWith('SM-')),
        query,
      ).toBe(false);
    }
  });

  it('are left exactly as they were, with no email sent in Southmoor', async () => {
    const after = await expectJson<AuditDetail>(await stack.api(sm('qa'), `/v1/audits/${SM_AUDIT.id}`));
    expect(after).toEqual(southmoorBefore);
    expect((await expectJson<{ items: unknown[] }>(await stack.api(sm('qa'), '/v1/dev/outbox?limit=100'))).items).toHaveLength(southmoorMail);
  });
});

describe('a tenantId in an audit or action body', () => {
  it('is an unknown field (400)', async () => {
    const audit = await expectProblem(await stack.api(nv('manager'), '/v1/audits', jsonInit('POST', { caseRef: 'NV-00001', templateId: 'journey-of-the-child', tenantId: SOUTHMOOR.id })), 400);
    expect(audit.errors).toContainEqual({ path: 'tenantId', message: 'Unknown field' });
    const ownAudit = NV.audits.find((a) => a.teamId === 'child-in-need' && a.state === 'completed')!;
    const action = await expectProblem(
      await stack.api(nv('manager'), '/v1/actions', jsonInit('POST', { source: { type: 'audit', auditId: ownAudit.id, sectionId: 'overall-judgement' }, description: 'x', ownerId: 'nv-practitioner', dueDate: '2099-01-01', tenantId: SOUTHMOOR.id })),
      400,
    );
    expect(action.errors).toContainEqual({ path: 'tenantId', message: 'Unknown field' });
  });
});

describe('the platform operator', () => {
  it('is refused every audit, template and action route with 403', async () => {
    const routes: [string, RequestInit?][] = [
      ['/v1/templates'],
      ['/v1/templates/journey-of-the-child'],
      ['/v1/audits'],
      [`/v1/audits/${SM_AUDIT.id}`],
      [`/v1/audits/${SM_AUDIT.id}/reflections`],
      [`/v1/cases/${SM_AUDIT.caseRef}/audits`],
      [`/v1/actions/${SM_ACTION.id}`],
      ['/v1/audits', jsonInit('POST', { caseRef: 'SM-00001', templateId: 'journey-of-the-child' })],
      [`/v1/audits/${SM_AUDIT.id}/reopen`, jsonInit('POST', { reason: 'x' }, ifMatch)],
    ];
    for (const [path, init] of routes) await expectProblem(await stack.api(OPERATOR_EMAIL, path, init), 403);
  });
});
