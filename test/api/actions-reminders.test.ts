/**
 * Action reminders, run each working-day morning beside the audit reminders: a week before an action falls due and once a
 * week while it is overdue, to its owner and the managers of its team; running again the
 * same day, or catching up the next, sends nothing new; done actions are never reminded.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendActionReminders } from '@waypoint/functions/jobs/action-reminders-job';
import { clock } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { nv } from './api-client.ts';
import { inDays, moved, raiseAction, type SavedAction } from './actions-support.ts';
import { outbox, planAudit, todayInLondon } from './audits-support.ts';
import { formatDate } from '@waypoint/shared/formatting/dates';

let stack: TestStack;
const today = todayInLondon();
let due: SavedAction;
let finished: SavedAction;

beforeAll(async () => {
  stack = await startStack();
  const audit = await planAudit(stack, { caseRef: 'NV-00009' });
  due = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 10), ownerId: 'nv-sw-01' });
  finished = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 9), ownerId: 'nv-sw-01' });
  finished = await moved(stack, finished, 'complete', { evidence: 'Done.', doneOn: today }, nv('manager'));
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => clock.set(undefined));

async function runOn(date: string) {
  clock.set(new Date(`${date}T07:00:00Z`));
  try {
    return await sendActionReminders(stack.jobDependencies);
  } finally {
    clock.set(undefined);
  }
}

const about = async (action: SavedAction) => (await outbox(stack)).filter((m) => m.text.includes(`/actions/${action.action.id}`) && !m.subject.startsWith('Action for case NV-00009, due'));

describe('action reminders', () => {
  it('send nothing more than a week before the due date', async () => {
    await runOn(inDays(today, 2));
    expect(await about(due)).toEqual([]);
  });

  it('remind the owner and the team’s manager a week before, once', async () => {
    const result = await runOn(inDays(today, 3));
    expect(result.actionReminders).toBeGreaterThanOrEqual(2);
    const sent = await about(due);
    expect(sent.map((m) => m.to).sort()).toEqual(['jordan.hughes@northvale.example', 'manager@northvale.example']);
    expect(sent.every((m) => m.subject === `Action for case NV-00009 is due on ${formatDate(inDays(today, 10))}`)).toBe(true);
    expect(sent.find((m) => m.to === 'manager@northvale.example')!.text).toContain('The action owned by Jordan Hughes');
    await runOn(inDays(today, 3));
    await runOn(inDays(today, 4));
    expect(await about(due)).toHaveLength(2);
  });

  it('remind them again once it is overdue, and once a week while it stays overdue', async () => {
    await runOn(inDays(today, 11));
    await runOn(inDays(today, 12));
    const overdue = (await about(due)).filter((m) => m.subject.startsWith('Overdue action'));
    expect(overdue.map((m) => m.to).sort()).toEqual(['jordan.hughes@northvale.example', 'manager@northvale.example']);
    expect(overdue[0]!.subject).toBe(`Overdue action for case NV-00009 (was due ${formatDate(inDays(today, 10))})`);
    await runOn(inDays(today, 18));
    expect((await about(due)).filter((m) => m.subject.startsWith('Overdue action'))).toHaveLength(4);
  });

  it('never remind of a done action', async () => {
    await runOn(inDays(today, 9));
    await runOn(inDays(today, 12));
    expect(await about(finished)).toEqual(expect.not.arrayContaining([expect.objectContaining({ subject: expect.stringMatching(/^(Overdue action|Action for case .* is due on)/) })]));
  });
});
