/**
 * The team page over HTTP: who may read it, what it counts (open and overdue actions by owner,
 * in alphabetical order, kept right as actions change and unchanged by the reconcile job), and
 * that it is the team's own 12 months.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionView } from '@waypoint/shared/actions/action-schemas';
import type { TeamView } from '@waypoint/shared/dashboards/team-view';
import { londonMonth } from '@waypoint/shared/time/clock';
import { reconcileTenantTotals } from '@waypoint/functions/totals/totals-reconcile';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, expectJson, expectProblem, jsonInit, nv, readAllPages, readVersioned } from './api-client.ts';
import { contextOf } from './totals-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const HOME = 'child-in-need';
const teamPage = async (email = nv('manager'), team = HOME) => expectJson<TeamView>(await stack.api(email, `/v1/dashboards/teams/${team}`));

describe('who reads a team’s page', () => {
  it('is the team’s manager, and QA officers and senior managers for any team', async () => {
    expect((await teamPage()).team).toEqual({ id: HOME, name: 'Child in Need' });
    expect((await teamPage(nv('qa'), 'assessment')).team.name).toBe('Assessment');
    expect((await teamPage(nv('senior'), 'early-help')).team.name).toBe('Early Help');
  });

  it('is a 403 for a manager asking for a team that is not theirs, and for practitioners, students and admins', async () => {
    await expectProblem(await stack.api(nv('manager'), '/v1/dashboards/teams/assessment'), 403);
    for (const role of ['practitioner', 'student', 'admin'] as const) await expectProblem(await stack.api(nv(role), `/v1/dashboards/teams/${HOME}`), 403);
  });

  it('is a 404 for a team that does not exist, and a 400 for an id that could not be one', async () => {
    await expectProblem(await stack.api(nv('qa'), '/v1/dashboards/teams/no-such-team'), 404);
    await expectProblem(await stack.api(nv('manager'), '/v1/dashboards/teams/no-such-team'), 404);
    await expectProblem(await stack.api(nv('qa'), `/v1/dashboards/teams/${encodeURIComponent('a b')}`), 400);
  });
});

describe('the team’s open and overdue actions by owner', () => {
  it('lists owners alphabetically, counting what the team’s actions list shows', async () => {
    const view = await teamPage();
    expect(view.owners.length).toBeGreaterThan(1);
    const names = view.owners.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(view.owners.some((o) => o.overdue > 0)).toBe(true);
    const { items } = await readAllPages<ActionView>(stack, nv('manager'), `/v1/actions?view=team&team=${HOME}&limit=100`);
    expect(items.every((a) => a.dueDate >= `${view.service.period.from}-01`)).toBe(true);
    const counted = new Map<string, { open: number; overdue: number }>();
    for (const a of items) {
      const c = counted.get(a.ownerId) ?? { open: 0, overdue: 0 };
      c.open++;
      if (a.overdue) c.overdue++;
      counted.set(a.ownerId, c);
    }
    expect(Object.fromEntries(view.owners.map((o) => [o.ownerId, { open: o.open, overdue: o.overdue }]))).toEqual(Object.fromEntries(counted));
  });

  it('takes a cancelled action off its owner at once, and reads the same after the reconcile job', async () => {
    const before = await teamPage();
    const { items } = await readAllPages<ActionView>(stack, nv('manager'), `/v1/actions?view=team&team=${HOME}&limit=100`);
    const action = items.find((a) => a.overdue)!;
    const { etag } = await readVersioned(stack, nv('manager'), `/v1/actions/${action.id}`);
    await expectJson(await stack.api(nv('manager'), `/v1/actions/${action.id}/cancel`, jsonInit('POST', { reason: 'The child has moved to another authority.' }, { 'if-match': etag })));
    const after = await teamPage();
    const owner = (view: TeamView) => view.owners.find((o) => o.ownerId === action.ownerId) ?? { open: 0, overdue: 0 };
    expect(owner(after).open).toBe(owner(before).open - 1);
    expect(owner(after).overdue).toBe(owner(before).overdue - 1);
    expect(after.service.actions.overdue).toBe(before.service.actions.overdue - 1);
    await reconcileTenantTotals(contextOf(stack, NORTHVALE.id));
    expect(await teamPage()).toEqual(after);
  });
});

describe('the rest of the page', () => {
  it('covers the 12 months to this one, gives the case holders’ agreement as the dashboard does, and counts re-audits only from re-audits', async () => {
    const view = await teamPage();
    expect(view.service.period.to).toBe(londonMonth(new Date()));
    expect(view.service.period.months).toHaveLength(12);
    expect(view.service.filters).toEqual({ team: HOME, caseType: null });
    const board = await expectJson<{ gradeAgreement: unknown }>(await stack.api(nv('qa'), `/v1/dashboards/service?period=12m&team=${HOME}`));
    expect(view.service.gradeAgreement).toEqual(board.gradeAgreement);
    const { late, thisMonth, upcoming, months } = view.reaudits;
    expect(late + thisMonth + upcoming).toBe(months.reduce((sum, m) => sum + m.toDo, 0));
  });
});
