/**
 * Every Northvale role aimed at Southmoor's programme, journey and moderation ids gets
 * exactly what a missing id gets (404, or the 403 its role gets for any id), and 400 where
 * the id is named in a body. Northvale's lists never show Southmoor, and nothing in
 * Southmoor changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAudits } from '@waypoint/functions/local/seed/demo-audits';
import { demoModerations } from '@waypoint/functions/local/seed/demo-moderation';
import type { AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import type { CaseJourney } from '@waypoint/shared/journey/journey-schemas';
import type { ProgrammeMonth, SampleDetail } from '@waypoint/shared/programme/programme-schemas';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';
import { londonMonth } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { OPERATOR_EMAIL, ROLES, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';

let stack: TestStack;
const MONTH = londonMonth(new Date());
const SM_AUDITS = demoAudits(SOUTHMOOR, new Date()).audits;
const SM_MODERATED = demoModerations(SOUTHMOOR, SM_AUDITS)[0]!;
const SM_CASE = 'SM-00001';
let smJourney: CaseJourney;
let smSample: SampleDetail;
let smAudit: AuditDetail;
let smMail: number;

beforeAll(async () => {
  stack = await startStack();
  smJourney = await expectJson<CaseJourney>(await stack.api(sm('qa'), `/v1/cases/${SM_CASE}/journey`));
  smSample = await expectJson<SampleDetail>(await stack.api(sm('qa'), `/v1/programmes/${MONTH}/samples/sm-manager`));
  smAudit = await expectJson<AuditDetail>(await stack.api(sm('manager'), `/v1/audits/${SM_MODERATED.auditId}`));
  smMail = (await expectJson<{ items: unknown[] }>(await stack.api(sm('qa'), '/v1/dev/outbox?limit=100'))).items.length;
});
afterAll(async () => {
  await stack?.stop();
});

const ifMatch = { 'if-match': '"1"' };
const sampleSwap = () => jsonInit('POST', { out: 'SM-00041', in: 'SM-00042', reason: 'From Northvale' }, { 'if-match': '"1"' });
/** Each request names a Southmoor id; the second id is one nobody has. */
const BY_ID: { name: string; path: (id: string) => string; ids: [string, string]; init?: () => RequestInit }[] = [
  { name: 'GET journey', path: (id) => `/v1/cases/${id}/journey`, ids: [SM_CASE, 'XX-00001'] },
  { name: 'POST journey event', path: (id) => `/v1/cases/${id}/journey`, ids: [SM_CASE, 'XX-00001'], init: () => jsonInit('POST', { type: 'contact', date: '2026-01-05' }) },
  { name: 'PATCH journey event', path: (id) => `/v1/cases/${id}/journey/events/sm-00001-j01`, ids: [SM_CASE, 'XX-00001'], init: () => jsonInit('PATCH', { note: 'From Northvale' }, ifMatch) },
  { name: 'DELETE journey event', path: (id) => `/v1/cases/${id}/journey/events/sm-00001-j01`, ids: [SM_CASE, 'XX-00001'], init: () => ({ method: 'DELETE', headers: ifMatch }) },
  { name: 'GET moderation', path: (id) => `/v1/audits/${id}/moderation`, ids: [SM_MODERATED.auditId, 'xx-audit-1'] },
  { name: 'PUT moderation', path: (id) => `/v1/audits/${id}/moderation`, ids: [SM_MODERATED.auditId, 'xx-audit-1'], init: () => jsonInit('PUT', { overallGrade: 'inadequate', comment: 'From Northvale' }, ifMatch) },
  { name: 'GET sample', path: (id) => `/v1/programmes/${MONTH}/samples/${id}`, ids: ['sm-manager', 'xx-manager'] },
  { name: 'swap', path: (id) => `/v1/programmes/${MONTH}/samples/${id}/swap`, ids: ['sm-manager', 'xx-manager'], init: sampleSwap },
  { name: 'accept', path: (id) => `/v1/programmes/${MONTH}/samples/${id}/accept`, ids: ['sm-manager', 'xx-manager'], init: () => jsonInit('POST', {}, ifMatch) },
];

/** Roles that may use a route at all; any other gets the same 403 whatever the id. */
const MAY_USE: Record<string, readonly StaffRole[]> = {
  swap: ['manager', 'qa'],
  accept: ['manager', 'qa'],
  'GET sample': ['manager', 'qa', 'senior'],
};

describe('Southmoor’s programme, journey and moderation ids', () => {
  for (const role of ROLES) {
    it(`are answered to a Northvale ${role} exactly as ids that do not exist`, async () => {
      for (const request of BY_ID) {
        const [theirs, nobodys] = request.ids;
        const crossResponse = await stack.api(nv(role), request.path(theirs), request.init?.());
        const allowed = (MAY_USE[request.name] ?? ROLES).includes(role);
        const cross = await expectProblem(crossResponse, allowed ? 404 : 403);
        const missing = await expectProblem(await stack.api(nv(role), request.path(nobodys), request.init?.()), cross.status);
        expect({ ...cross, instance: undefined }, `${role} ${request.name}`).toEqual({ ...missing, instance: undefined });
      }
    });
  }

  it('are “no such” (400) when named in a Northvale body', async () => {
    const manager = await expectProblem(await stack.api(nv('qa'), `/v1/programmes/${MONTH}/samples`, jsonInit('POST', { managerId: 'sm-manager' })), 400);
    const nobody = await expectProblem(await stack.api(nv('qa'), `/v1/programmes/${MONTH}/samples`, jsonInit('POST', { managerId: 'xx-manager' })), 400);
    expect(manager.errors).toEqual(nobody.errors);
    expect(manager.errors?.map((e) => e.path)).toEqual(['managerId']);

    const ours = await expectJson<SampleDetail>(await stack.api(nv('manager'), `/v1/programmes/${MONTH}/samples/nv-manager`));
    const swap = (incoming: string) => stack.api(nv('manager'), `/v1/programmes/${MONTH}/samples/nv-manager/swap`, jsonInit('POST', { out: ours.picked[0], in: incoming, reason: 'Cross-authority' }, { 'if-match': `"${ours.version}"` }));
    const theirCase = await expectProblem(await swap('SM-00041'), 400);
    const noCase = await expectProblem(await swap('XX-00041'), 400);
    expect(theirCase.errors).toEqual(noCase.errors);
    expect(theirCase.errors).toEqual([{ path: 'in', message: 'No such case in the manager’s teams' }]);
  });

  it('take no tenantId in a body: it is an unknown field (400)', async () => {
    const journey = await expectProblem(await stack.api(nv('manager'), '/v1/cases/NV-00001/journey', jsonInit('POST', { type: 'contact', date: '2026-01-05', tenantId: SOUTHMOOR.id })), 400);
    expect(journey.errors).toContainEqual({ path: 'tenantId', message: 'Unknown field' });
    const sample = await expectProblem(await stack.api(nv('manager'), `/v1/programmes/${MONTH}/samples`, jsonInit('POST', { tenantId: SOUTHMOOR.id })), 400);
    expect(sample.errors).toContainEqual({ path: 'tenantId', message: 'Unknown field' });
  });

  it('never appear in Northvale’s programme, suggestions, moderations or agreement', async () => {
    const view = await expectJson<ProgrammeMonth>(await stack.api(nv('qa'), `/v1/programmes/${MONTH}`));
    const ids = [...view.rows.map((r) => r.userId), ...view.audits.flatMap((a) => [a.id, a.caseRef]), ...view.late.flatMap((a) => [a.id, a.caseRef]), ...Object.keys(view.people)];
    expect(ids.some((id) => id.toLowerCase().startsWith('sm-'))).toBe(false);
    const suggestions = await expectJson<{ items: { id: string }[] }>(await stack.api(nv('qa'), `/v1/moderation/suggestions?month=${SM_MODERATED.month}&size=50`));
    expect(suggestions.items.some((a) => a.id.startsWith('sm-'))).toBe(false);
    const moderations = await expectJson<{ items: { auditId: string }[] }>(await stack.api(nv('qa'), `/v1/moderation?month=${SM_MODERATED.month}`));
    expect(moderations.items.length).toBeGreaterThan(0);
    expect(moderations.items.some((m) => m.auditId.startsWith('sm-'))).toBe(false);
    const northvale = await expectJson<{ all: { audits: number } }>(await stack.api(nv('qa'), `/v1/moderation/agreement?period=${SM_MODERATED.month}`));
    expect(northvale.all.audits).toBe(moderations.items.length);
  });

  it('are left exactly as they were, with no email sent in Southmoor', async () => {
    expect(await expectJson(await stack.api(sm('qa'), `/v1/cases/${SM_CASE}/journey`))).toEqual(smJourney);
    expect(await expectJson(await stack.api(sm('qa'), `/v1/programmes/${MONTH}/samples/sm-manager`))).toEqual(smSample);
    expect(await expectJson(await stack.api(sm('manager'), `/v1/audits/${SM_MODERATED.auditId}`))).toEqual(smAudit);
    expect((await expectJson<{ items: unknown[] }>(await stack.api(sm('qa'), '/v1/dev/outbox?limit=100'))).items).toHaveLength(smMail);
  });
});

describe('the platform operator', () => {
  it('is refused every programme, journey and moderation route with 403', async () => {
    const routes: [string, RequestInit?][] = [
      [`/v1/programmes/${MONTH}`],
      [`/v1/programmes/${MONTH}/samples/sm-manager`],
      [`/v1/programmes/${MONTH}/samples`, jsonInit('POST', { managerId: 'sm-manager' })],
      [`/v1/programmes/${MONTH}/samples/sm-manager/accept`, jsonInit('POST', {}, ifMatch)],
      [`/v1/cases/${SM_CASE}/journey`],
      [`/v1/cases/${SM_CASE}/journey`, jsonInit('POST', { type: 'contact', date: '2026-01-05' })],
      [`/v1/audits/${SM_MODERATED.auditId}/moderation`],
      [`/v1/audits/${SM_MODERATED.auditId}/moderation`, jsonInit('PUT', { overallGrade: 'good', comment: 'x' })],
      [`/v1/moderation/suggestions?month=${MONTH}`],
      [`/v1/moderation/agreement?period=${MONTH}`],
      ['/v1/templates', jsonInit('POST', { templateId: 'copied', copyOf: 'journey-of-the-child' })],
    ];
    for (const [path, init] of routes) await expectProblem(await stack.api(OPERATOR_EMAIL, path, init), 403);
  });
});
