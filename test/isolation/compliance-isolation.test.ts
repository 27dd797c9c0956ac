/**
 * Records compliance across authorities: every route, called by each Southmoor role with a
 * Northvale check's id or case, answers exactly as for one nobody has and changes nothing;
 * Southmoor's report and programme never count Northvale's checks; Northvale's check cannot
 * raise a Southmoor action.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLIANCE_ITEMS } from '@waypoint/shared/compliance/compliance-checklist';
import type { ComplianceCheckView, ComplianceProgrammeView, ComplianceReport } from '@waypoint/shared/compliance/compliance-schemas';
import { londonMonth } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { ROLES, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';
import { todayInLondon } from '../api/audits-support.ts';

let stack: TestStack;
let nvCheck: ComplianceCheckView;
const MONTH = londonMonth(new Date());
const ANSWERS = Object.fromEntries(COMPLIANCE_ITEMS.map((item) => [item, item === 'genogram' ? 'no' : 'yes']));

beforeAll(async () => {
  stack = await startStack();
  nvCheck = await expectJson<ComplianceCheckView>(await stack.api(nv('qa'), '/v1/compliance/checks', jsonInit('POST', { month: MONTH, caseRef: 'NV-00005', answers: ANSWERS })), 201);
});
afterAll(async () => {
  await stack?.stop();
});

const ROUTES: { name: string; path: (id: string) => string; init?: () => RequestInit }[] = [
  { name: 'GET', path: (id) => `/v1/compliance/checks/${id}` },
  { name: 'PUT', path: (id) => `/v1/compliance/checks/${id}`, init: () => jsonInit('PUT', { answers: ANSWERS }, { 'if-match': '"1"' }) },
];

describe('another authority’s compliance check', () => {
  for (const role of ROLES) {
    it(`is answered for a Southmoor ${role} as for a check nobody has, and left as it was`, async () => {
      for (const route of ROUTES) {
        const theirs = await stack.api(sm(role), route.path(nvCheck.id), route.init?.());
        const nobodys = await stack.api(sm(role), route.path(`${MONTH}.XX-00001`), route.init?.());
        expect(theirs.status, route.name).toBe(nobodys.status);
        expect([403, 404]).toContain(theirs.status);
        expect({ ...(await theirs.json()), instance: undefined }, route.name).toEqual({ ...(await nobodys.json()), instance: undefined });
      }
      const still = await expectJson<ComplianceCheckView>(await stack.api(nv('qa'), `/v1/compliance/checks/${nvCheck.id}`));
      expect(still.version).toBe(1);
    });
  }

  it('is 404 for Southmoor’s QA officer exactly, and its case cannot be checked from Southmoor', async () => {
    await expectProblem(await stack.api(sm('qa'), `/v1/compliance/checks/${nvCheck.id}`), 404);
    const problem = await expectProblem(await stack.api(sm('qa'), '/v1/compliance/checks', jsonInit('POST', { month: MONTH, caseRef: 'NV-00005', answers: ANSWERS })), 400);
    expect(problem.errors).toEqual([{ path: 'caseRef', message: 'No such case' }]);
  });

  it('is not in Southmoor’s report or programme', async () => {
    const report = await expectJson<ComplianceReport>(await stack.api(sm('qa'), '/v1/compliance/report'));
    const nvReport = await expectJson<ComplianceReport>(await stack.api(nv('qa'), '/v1/compliance/report'));
    // Northvale checked a case this month; Southmoor has not.
    expect(nvReport.months.at(-1)!.checks).toBeGreaterThan(0);
    expect(report.months.at(-1)!.checks).toBe(0);
    const programme = await expectJson<ComplianceProgrammeView>(await stack.api(sm('qa'), `/v1/compliance/programmes/${MONTH}`, jsonInit('POST', {})), 201);
    expect(programme.teams.flatMap((t) => t.cases).every((c) => c.caseRef.startsWith('SM-'))).toBe(true);
  });

  it('cannot raise an action in Southmoor', async () => {
    const problem = await expectProblem(await stack.api(sm('qa'), '/v1/actions', jsonInit('POST', { source: { type: 'compliance', checkId: nvCheck.id, item: 'genogram' }, description: 'x', ownerId: 'sm-practitioner', dueDate: todayInLondon() })), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['source.checkId']);
  });

  it('carries no tenantId in a body: it is an unknown field (400)', async () => {
    const problem = await expectProblem(await stack.api(nv('qa'), '/v1/compliance/checks', jsonInit('POST', { month: MONTH, caseRef: 'NV-00006', answers: ANSWERS, tenantId: 'x' })), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['tenantId']);
  });
});
