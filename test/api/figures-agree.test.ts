/**
 * The same audits give the same figures wherever they are shown: the service dashboard (from
 * the monthly totals, before and after the reconcile job rebuilds them), the audits themselves
 * counted one by one with the shared definition, and the programme's late list; the team
 * page's figures are the dashboard's for the team, and its actions by owner the actions list's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionView } from '@waypoint/shared/actions/action-schemas';
import type { AuditSummary } from '@waypoint/shared/audits/audit-schemas';
import type { ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import type { TeamView } from '@waypoint/shared/dashboards/team-view';
import { countTimeliness } from '@waypoint/shared/programme/audit-timeliness';
import type { ProgrammeMonth } from '@waypoint/shared/programme/programme-schemas';
import { londonMonth } from '@waypoint/shared/time/clock';
import { reconcileTenantTotals } from '@waypoint/functions/totals/totals-reconcile';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, expectJson, nv, readAllPages } from './api-client.ts';
import { contextOf } from './totals-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const THIS_MONTH = londonMonth(new Date());
const dashboard = async () => expectJson<ServiceView>(await stack.api(nv('qa'), '/v1/dashboards/service?period=12m'));

describe('audit timeliness on every screen', () => {
  it('is the same from the monthly totals as from the audits counted one by one', async () => {
    const view = await dashboard();
    expect(view.audits.late).toBeGreaterThan(0);
    expect(view.audits.notYetDue).toBeGreaterThan(0);
    for (const month of view.trend) {
      const { items } = await readAllPages<AuditSummary>(stack, nv('qa'), `/v1/audits?month=${month.month}&limit=100`);
      const counted = countTimeliness(items, view.today);
      expect({ due: month.due, completedOnTime: month.completedOnTime, completedLate: month.completedLate, late: month.late, notYetDue: month.notYetDue }, month.month).toEqual(counted);
    }
  });

  it('gives the on-time share as on time ÷ the figure shown beside it', async () => {
    const { audits } = await dashboard();
    expect(audits.onTimeOutOf).toBe(audits.completedOnTime + audits.completedLate + audits.late);
    expect(audits.onTimeShare).toBe(audits.completedOnTime / audits.onTimeOutOf);
  });

  it('counts as late on the dashboard the programme’s late audits of the same months', async () => {
    const view = await dashboard();
    const programme = await expectJson<ProgrammeMonth>(await stack.api(nv('qa'), `/v1/programmes/${THIS_MONTH}`));
    const inPeriod = programme.late.filter((a) => view.period.months.includes(a.month));
    expect(inPeriod.length).toBeGreaterThan(0);
    expect(view.audits.late).toBe(inPeriod.length);
    for (const month of view.trend) expect(month.late, month.month).toBe(inPeriod.filter((a) => a.month === month.month).length);
  });

  it('is unchanged once the reconcile job has rebuilt the totals from the audits', async () => {
    const before = await dashboard();
    await reconcileTenantTotals(contextOf(stack, NORTHVALE.id));
    const after = await dashboard();
    expect(after.audits).toEqual(before.audits);
    expect(after.trend).toEqual(before.trend);
    expect(after.fairness).toEqual(before.fairness);
  });
});

describe('the team page beside the dashboard and the actions pages', () => {
  it('gives every figure it shares with the dashboard for the team exactly as the dashboard does', async () => {
    for (const team of ['child-in-need', 'assessment']) {
      const page = await expectJson<TeamView>(await stack.api(nv('qa'), `/v1/dashboards/teams/${team}`));
      const board = await expectJson<ServiceView>(await stack.api(nv('qa'), `/v1/dashboards/service?period=12m&team=${team}`));
      // The dashboard alone adds today's count of safeguarding concerns not acknowledged in time.
      const { safeguardingOverdue: _today, ...figures } = board;
      expect(page.service).toEqual(figures);
    }
  });

  it('counts as overdue by owner what the dashboard counts overdue for the team, and what the team’s actions list marks overdue', async () => {
    const page = await expectJson<TeamView>(await stack.api(nv('manager'), '/v1/dashboards/teams/child-in-need'));
    const overdue = page.owners.reduce((sum, o) => sum + o.overdue, 0);
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBe(page.service.actions.overdue);
    const { items } = await readAllPages<ActionView>(stack, nv('manager'), '/v1/actions?view=team&team=child-in-need&limit=100');
    expect(items.filter((a) => a.overdue)).toHaveLength(overdue);
    expect(items).toHaveLength(page.owners.reduce((sum, o) => sum + o.open, 0));
  });
});
