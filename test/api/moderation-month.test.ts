/**
 * `GET /v1/moderation/latest-month`: moderation opens on the latest month with audits
 * completed or moderated, not on a new month with nothing in it; each authority's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { londonMonth } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, nv, sm } from './api-client.ts';
import { JOURNEY, moveAudit, patchAudit, planAudit, requiredAnswers, todayInLondon } from './audits-support.ts';

let stack: TestStack;
const THIS_MONTH = londonMonth(new Date());

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const latest = async (email: string) => (await expectJson<{ month: string }>(await stack.api(email, '/v1/moderation/latest-month'))).month;

/** The latest of this month and the twelve before with a completed audit, read from the audit lists. */
async function latestCompletedMonth(email: string): Promise<string> {
  for (let back = 0; back <= 12; back++) {
    const month = shiftMonth(THIS_MONTH, -back);
    const page = await expectJson<{ items: unknown[] }>(await stack.api(email, `/v1/audits?month=${month}&state=completed&limit=1`));
    if (page.items.length > 0) return month;
  }
  return THIS_MONTH;
}

describe('the month moderation opens on', () => {
  it('is the latest month with completed audits, for QA officers and senior managers alike', async () => {
    const expected = await latestCompletedMonth(nv('qa'));
    // The demo's audits of this month are still planned or in progress: opening on it would show nothing.
    expect(expected).not.toBe(THIS_MONTH);
    expect(await latest(nv('qa'))).toBe(expected);
    expect(await latest(nv('senior'))).toBe(expected);
  });

  it('is for QA officers and senior managers only', async () => {
    for (const role of ['student', 'practitioner', 'manager', 'admin'] as const) await expectProblem(await stack.api(nv(role), '/v1/moderation/latest-month'), 403);
  });

  it('moves to this month once an audit of it is completed, and only for that authority', async () => {
    const southmoorBefore = await latest(sm('qa'));
    const planned = await planAudit(stack, { caseRef: 'NV-00041' }, nv('manager'));
    const ready = await patchAudit(stack, planned, { conversationDate: todayInLondon(), answers: requiredAnswers(JOURNEY, 'good') }, nv('manager'));
    await expectJson<Audit>(await moveAudit(stack, ready, 'complete', {}, nv('manager')));
    expect(await latest(nv('qa'))).toBe(THIS_MONTH);
    expect(await latest(sm('qa'))).toBe(southmoorBefore);
    expect(southmoorBefore).not.toBe(THIS_MONTH);
  });
});
