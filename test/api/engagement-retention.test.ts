/** Retention for engagement: unsent drafts go 30 days after their last save; sent responses and alerts after the authority's retention period. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alertResponseId } from '@waypoint/functions/local/seed/demo-engagement';
import { JOBS } from '@waypoint/functions/jobs/job-registry';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { clock } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, nvActivity, nvCode, saveAnswers, savedOk, startSession, submit } from './engagement-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => clock.set(undefined));

const DAY = 86_400_000;
const stored = async (activityId: string, responseId: string) => {
  const { Item } = await stack.jobDependencies.dataClientFor(NORTHVALE.id).send(new GetCommand({ TableName: stack.tableName, Key: tenantKeys(NORTHVALE.id).feedbackResponse(activityId, responseId) }));
  return Item;
};
const storedAlert = async (id: string) => (await stack.jobDependencies.dataClientFor(NORTHVALE.id).send(new GetCommand({ TableName: stack.tableName, Key: tenantKeys(NORTHVALE.id).alert(id) }))).Item;

describe('engagement retention', () => {
  it('removes a draft 30 days after its last save and keeps sent responses and alerts for the retention period', async () => {
    const activity = nvActivity('ages-11-18');
    const draft = await startSession(stack, 'northvale', { code: nvCode('ages-11-18') });
    await savedOk(await saveAnswers(stack, 'northvale', draft.token, { 'feeling-safe': { feelSafe: 'yes' } }));
    const sent = await startSession(stack, 'northvale', { code: nvCode('ages-11-18') });
    await savedOk(await submit(stack, 'northvale', sent.token));

    clock.set(new Date(Date.now() + 29 * DAY));
    await JOBS.retention(stack.jobDependencies);
    expect(await stored(activity, draft.responseId)).toBeDefined();

    clock.set(new Date(Date.now() + 31 * DAY));
    await JOBS.retention(stack.jobDependencies);
    expect(await stored(activity, draft.responseId)).toBeUndefined();
    expect(await stored(activity, sent.responseId)).toBeDefined();
    expect(await storedAlert(alertResponseId(NORTHVALE))).toBeDefined();

    // Northvale keeps records 25 years (the default setting).
    clock.set(new Date(Date.now() + (25 * 365 + 10) * DAY));
    const result = await JOBS.retention(stack.jobDependencies);
    expect(result.removed).toBeGreaterThan(100);
    expect(await stored(activity, sent.responseId)).toBeUndefined();
    expect(await storedAlert(alertResponseId(NORTHVALE))).toBeUndefined();
  });
});
