/**
 * The same compliance checks give the same figures wherever they are shown: the compliance
 * report and the service dashboard (both from the monthly totals, for the whole authority and
 * for one team), the checks counted one by one, and both again once the reconcile job has
 * rebuilt the totals from the checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLIANCE_ITEMS } from '@waypoint/shared/compliance/compliance-checklist';
import type { ComplianceCheckView, ComplianceReport } from '@waypoint/shared/compliance/compliance-schemas';
import type { ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import { londonMonth } from '@waypoint/shared/time/clock';
import { listChecks } from '@waypoint/functions/compliance/compliance-store';
import { reconcileTenantTotals } from '@waypoint/functions/totals/totals-reconcile';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, expectJson, jsonInit, nv } from './api-client.ts';
import { contextOf } from './totals-support.ts';

let stack: TestStack;
let teamId: string;
beforeAll(async () => {
  stack = await startStack();
  const month = londonMonth(new Date());
  const answer = (n: number) => Object.fromEntries(COMPLIANCE_ITEMS.map((item, i) => [item, (n + i) % 5 === 0 ? 'no' : (n + i) % 7 === 0 ? 'na' : 'yes']));
  for (const n of [31, 32, 33, 34]) {
    const check = await expectJson<ComplianceCheckView>(await stack.api(nv('qa'), '/v1/compliance/checks', jsonInit('POST', { month, caseRef: `NV-000${n}`, answers: answer(n) })), 201);
    teamId = check.teamId;
  }
});
afterAll(async () => {
  await stack?.stop();
});

const report = async (query = '') => expectJson<ComplianceReport>(await stack.api(nv('qa'), `/v1/compliance/report${query}`));
const dashboard = async (query = '') => expectJson<ServiceView>(await stack.api(nv('qa'), `/v1/dashboards/service?period=12m${query}`));

describe('records compliance on every screen', () => {
  it('is the same on the service dashboard as in the report, for the authority and for a team', async () => {
    const [whole, view] = await Promise.all([report(), dashboard()]);
    expect(whole.overall.checks).toBeGreaterThanOrEqual(4);
    expect(view.compliance).toEqual(whole.overall);
    const [team, teamView] = await Promise.all([report(`?team=${teamId}`), dashboard(`&team=${teamId}`)]);
    expect(teamView.compliance).toEqual(team.overall);
  });

  it('is the checks counted one by one', async () => {
    const shown = await report();
    const checks = (await Promise.all(shown.period.months.map((m) => listChecks(contextOf(stack, NORTHVALE.id), m)))).flat();
    const answers = checks.flatMap((c) => Object.values(c.answers));
    expect(shown.overall).toMatchObject({
      checks: checks.length,
      yes: answers.filter((a) => a === 'yes').length,
      no: answers.filter((a) => a === 'no').length,
      notApplicable: answers.filter((a) => a === 'na').length,
      fullyCompliant: checks.filter((c) => !Object.values(c.answers).includes('no')).length,
    });
  });

  it('is unchanged once the reconcile job has rebuilt the totals from the checks', async () => {
    const [before, beforeView] = await Promise.all([report(), dashboard()]);
    await reconcileTenantTotals(contextOf(stack, NORTHVALE.id));
    const [after, afterView] = await Promise.all([report(), dashboard()]);
    expect(after).toEqual(before);
    expect(afterView.compliance).toEqual(beforeView.compliance);
  });
});
