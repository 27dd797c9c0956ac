/**
 * The reminders job against a running stack: a week before the month ends, and on its last
 * working day, whoever runs outstanding audits gets one message listing them; running again
 * the same day, or catching up the next, sends nothing new.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendReminders } from '@waypoint/functions/jobs/reminders-job';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { auditDueDate, reminderDays } from '@waypoint/shared/programme/programme-dates';
import { addDays, monthEnd } from '@waypoint/shared/time/calendar-dates';
import { clock, londonMonth } from '@waypoint/shared/time/clock';
import { formatDate } from '@waypoint/shared/formatting/dates';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, sm } from './api-client.ts';
import { moveAudit, outbox, patchAudit, planAudit, requiredAnswers, todayInLondon, type OutboxMessage } from './audits-support.ts';
import { startedReview } from './reviews-support.ts';

let stack: TestStack;
let extra: Audit;
const MONTH = londonMonth(new Date());
const DAYS = reminderDays(MONTH);
const DUE = auditDueDate(MONTH);

beforeAll(async () => {
  stack = await startStack();
  // An audit planned this month, completed between the two reminders.
  extra = (await planAudit(stack, { caseRef: 'NV-00044' })).audit;
  // A thematic review's case for the manager to review this month: the review chases it, not these reminders.
  await startedReview(stack, { reviewerIds: ['nv-manager'], caseRefs: ['NV-00045'], casesDueBy: monthEnd(MONTH) });
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => clock.set(undefined));

/** Runs the job as if it were the morning of `date` in London. */
async function runOn(date: string) {
  clock.set(new Date(`${date}T07:00:00Z`));
  try {
    return await sendReminders(stack.jobDependencies);
  } finally {
    clock.set(undefined);
  }
}

const reminders = (messages: OutboxMessage[]) => messages.filter((m) => / due (today|by )/.test(m.subject));

describe('audit reminders', () => {
  it('send nothing before the week-before day', async () => {
    const result = await runOn(addDays(DAYS['week-before'], -1));
    expect(result.auditReminders).toBe(0);
    expect(reminders(await outbox(stack))).toEqual([]);
  });

  it('remind each person running outstanding audits a week before, once, listing their audits', async () => {
    const result = await runOn(DAYS['week-before']);
    expect(result.tenants).toBe(2);
    const sent = reminders(await outbox(stack));
    expect(result.auditReminders).toBeGreaterThanOrEqual(sent.length);
    const toManager = sent.filter((m) => m.to === 'manager@northvale.example');
    expect(toManager).toHaveLength(1);
    expect(toManager[0]!.subject).toBe(`3 audits due by ${formatDate(DUE)}`);
    for (const ref of ['NV-00011', 'NV-00012', 'NV-00044']) expect(toManager[0]!.text).toContain(`Case ${ref}`);
    expect(toManager[0]!.text).not.toContain('NV-00045');
    expect(toManager[0]!.text).toContain(`/audits/${extra.id}`);
    // The accepted sample's audits are the other team's manager's; QA and the senior manager run some too.
    expect(sent.map((m) => m.to).sort()).toEqual(['manager@northvale.example', 'qa@northvale.example', 'rachel.ibe@northvale.example', 'senior@northvale.example']);
  });

  it('send nothing new when run again the same day or catching up the next', async () => {
    const before = (await outbox(stack)).length;
    expect((await runOn(DAYS['week-before'])).auditReminders).toBe(0);
    if (addDays(DAYS['week-before'], 1) < DAYS['due-today']) expect((await runOn(addDays(DAYS['week-before'], 1))).auditReminders).toBe(0);
    expect((await outbox(stack)).length).toBe(before);
  });

  it('remind again on the last working day, leaving out what was completed meanwhile', async () => {
    const ready = await patchAudit(stack, { audit: extra, etag: '"1"' }, { conversationDate: todayInLondon(), answers: requiredAnswers() });
    await expectJson(await moveAudit(stack, ready, 'complete'));
    const result = await runOn(DAYS['due-today']);
    expect(result.auditReminders).toBeGreaterThan(0);
    const dueToday = reminders(await outbox(stack)).filter((m) => m.to === 'manager@northvale.example' && m.subject.endsWith('due today'));
    expect(dueToday).toHaveLength(1);
    expect(dueToday[0]!.subject).toBe('2 audits due today');
    expect(dueToday[0]!.text).not.toContain('NV-00044');
    expect((await runOn(DAYS['due-today'])).auditReminders).toBe(0);
  });

  it('send nothing once the month has ended', async () => {
    expect((await runOn(addDays(DUE, 1))).auditReminders).toBe(0);
  });

  it('keep each authority’s reminders in its own outbox', async () => {
    const theirs = await expectJson<{ items: OutboxMessage[] }>(await stack.api(sm('qa'), '/v1/dev/outbox?limit=100'));
    const southmoor = reminders(theirs.items);
    expect(southmoor.length).toBeGreaterThan(0);
    expect(southmoor.every((m) => m.to.endsWith('@southmoor.example'))).toBe(true);
    expect(reminders(await outbox(stack)).every((m) => m.to.endsWith('@northvale.example'))).toBe(true);
  });
});
