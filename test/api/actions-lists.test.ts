/**
 * The action lists over HTTP: "my actions", "my team's actions" with overdue ones first
 * across teams, and a case's actions; who may ask for which, and bad queries refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceAuditId, type ActionPage, type ActionView } from '@waypoint/shared/actions/action-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, nv, readAllPages } from './api-client.ts';
import { inDays, moved, raiseAction, type SavedAction } from './actions-support.ts';
import { planAudit, todayInLondon } from './audits-support.ts';

let stack: TestStack;
const today = todayInLondon();
let soon: SavedAction;
let later: SavedAction;
let done: SavedAction;

beforeAll(async () => {
  stack = await startStack();
  const audit = await planAudit(stack, { caseRef: 'NV-00004' });
  later = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 30) });
  soon = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 2), sectionId: 'planning-and-review' });
  done = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 5) });
  done = await moved(stack, done, 'complete', { evidence: 'Done and recorded.', doneOn: today }, nv('practitioner'));
});
afterAll(async () => {
  await stack?.stop();
});

const list = async (email: string, query: string) => readAllPages<ActionView>(stack, email, `/v1/actions?${query}`);
/** Overdue ones first (across teams too), then each team's by due date. */
function expectOverdueFirst(items: ActionView[]) {
  const firstCurrent = items.findIndex((a) => !a.overdue);
  if (firstCurrent >= 0) expect(items.slice(firstCurrent).every((a) => !a.overdue)).toBe(true);
  for (const overdue of [true, false]) {
    for (const team of new Set(items.map((a) => a.teamId))) {
      const group = items.filter((a) => a.overdue === overdue && a.teamId === team);
      for (let i = 1; i < group.length; i++) expect(group[i - 1]!.dueDate <= group[i]!.dueDate).toBe(true);
    }
  }
}

describe('my actions', () => {
  it('lists my open actions by due date, overdue first, and my closed ones apart', async () => {
    const { items: open } = await list(nv('practitioner'), 'view=mine');
    expect(open.every((a) => a.ownerId === 'nv-practitioner' && (a.state === 'open' || a.state === 'in-progress'))).toBe(true);
    expect(open.some((a) => a.overdue)).toBe(true);
    expectOverdueFirst(open);
    expect(open.findIndex((a) => a.id === soon.action.id)).toBeLessThan(open.findIndex((a) => a.id === later.action.id));
    const { items: closed } = await list(nv('practitioner'), 'view=mine&status=closed');
    expect(closed.map((a) => a.id)).toContain(done.action.id);
    expect(closed.every((a) => ['done', 'verified', 'cancelled'].includes(a.state))).toBe(true);
  });

  it('pages through the same actions with a small limit', async () => {
    const whole = await list(nv('practitioner'), 'view=mine');
    const paged = await list(nv('practitioner'), 'view=mine&limit=2');
    expect(paged.pages).toBeGreaterThan(1);
    expect(paged.items.map((a) => a.id)).toEqual(whole.items.map((a) => a.id));
  });
});

describe('my team’s actions', () => {
  it('shows a manager their teams’ open actions, overdue first across teams, with the names they need', async () => {
    const page = await expectJson<ActionPage>(await stack.api(nv('manager'), '/v1/actions?view=team&limit=100'));
    expect(page.today).toBe(today);
    expect(page.items.every((a) => a.teamId === 'child-in-need')).toBe(true);
    expect(page.items.map((a) => a.id)).toEqual(expect.arrayContaining([soon.action.id, later.action.id]));
    expectOverdueFirst(page.items);
    expect(page.people['nv-practitioner']).toBe('Priya Shah');
  });

  it('lets QA and senior managers read any team, or every team overdue first', async () => {
    const { items } = await list(nv('senior'), 'view=team');
    expect(new Set(items.map((a) => a.teamId)).size).toBeGreaterThan(1);
    expectOverdueFirst(items);
    const { items: one } = await list(nv('qa'), 'view=team&team=early-help&status=closed');
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((a) => a.teamId === 'early-help' && a.state !== 'open')).toBe(true);
  });

  it('refuses practitioners and students (403), a manager naming another team or anyone an unknown team (400)', async () => {
    for (const role of ['practitioner', 'student'] as const) await expectProblem(await stack.api(nv(role), '/v1/actions?view=team'), 403);
    expect((await expectProblem(await stack.api(nv('manager'), '/v1/actions?view=team&team=early-help'), 400)).errors).toEqual([{ path: 'team', message: 'No such team' }]);
    await expectProblem(await stack.api(nv('qa'), '/v1/actions?view=team&team=no-such-team'), 400);
  });
});

describe('a case’s actions', () => {
  it('lists every action raised on the case, grouped by audit, for whoever may see the case', async () => {
    for (const role of ['practitioner', 'manager', 'qa'] as const) {
      const { items } = await list(nv(role), 'view=case&caseRef=NV-00004');
      expect(
        items.map((a) => a.id),
        role,
      ).toEqual(expect.arrayContaining([soon.action.id, later.action.id, done.action.id]));
      expect(items.every((a) => a.caseRef === 'NV-00004')).toBe(true);
      // Grouped by the audit each came from.
      const audits = items.map((a) => sourceAuditId(a));
      expect(audits).toEqual([...audits].sort());
    }
    const { items: open } = await list(nv('qa'), 'view=case&caseRef=NV-00004&status=open');
    expect(open.map((a) => a.id)).toEqual(expect.arrayContaining([soon.action.id, later.action.id]));
    expect(open.every((a) => a.state === 'open' || a.state === 'in-progress')).toBe(true);
  });

  it('is 404 for a case out of scope, and 400 without the case', async () => {
    await expectProblem(await stack.api(nv('practitioner'), '/v1/actions?view=case&caseRef=NV-00020'), 404);
    await expectProblem(await stack.api(nv('qa'), '/v1/actions?view=case'), 400);
  });
});

describe('bad queries', () => {
  it('refuse an unknown view, status or parameter, a forged cursor, and tenant admins', async () => {
    for (const query of ['view=everyone', 'view=mine&status=late', 'view=mine&sort=due', '', 'view=mine&cursor=bm9wZQ', 'view=mine&caseRef=NV-00004', 'view=mine&limit=0']) {
      await expectProblem(await stack.api(nv('qa'), `/v1/actions?${query}`), 400);
    }
    await expectProblem(await stack.api(nv('admin'), '/v1/actions?view=mine'), 403);
  });
});
