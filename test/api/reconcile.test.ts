/**
 * `npm run job:reconcile` rebuilds the monthly totals from the source items. These specify
 * what a crash leaves and how it is put right: a crash between a source's write and its
 * totals update leaves the totals short until the reconcile (or the source's next change);
 * a crash part-way through the update is finished by the next touch without counting twice.
 * The copies of actions beside their audits are repaired by the same job.
 */
import { DeleteCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileTotals } from '@waypoint/functions/jobs/reconcile-job';
import { updateVersioned } from '@waypoint/functions/platform/database/versioned-items';
import type { TenantContext } from '@waypoint/functions/platform/auth/caller';
import { getAudit } from '@waypoint/functions/audits/audit-store';
import { getAction } from '@waypoint/functions/actions/action-store';
import { copyActionBesideAudit } from '@waypoint/functions/actions/audit-action-copies';
import { applySourceChange } from '@waypoint/functions/totals/totals-ledger';
import { tagResponse } from '@waypoint/functions/engagement/results/results-store';
import { feedbackChange } from '@waypoint/functions/totals/feedback-totals';
import { actionContribution } from '@waypoint/shared/dashboards/totals-contributions';
import { totalsDelta } from '@waypoint/shared/dashboards/totals-rollups';
import type { Action } from '@waypoint/shared/actions/action-schemas';
import type { AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import type { ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, SOUTHMOOR, expectJson, jsonInit, nv, readVersioned } from './api-client.ts';
import { inDays, moved, raiseAction, type SavedAction } from './actions-support.ts';
import { JOURNEY, patchAudit, planAudit, requiredAnswers, todayInLondon, type Saved } from './audits-support.ts';
import { newActivity, saveAnswers, savedOk, startSession, submit } from './engagement-support.ts';
import { contextOf, leftoverMarks, recounted, storedTotals } from './totals-support.ts';

let stack: TestStack;
let northvale: TenantContext;
let audit: Saved;
const today = todayInLondon();

beforeAll(async () => {
  stack = await startStack();
  northvale = contextOf(stack, NORTHVALE.id);
  audit = await patchAudit(stack, await planAudit(stack, { caseRef: 'NV-00003' }), { conversationDate: today, answers: requiredAnswers(JOURNEY, 'good') });
});
afterAll(async () => {
  await stack?.stop();
});

/** What the complete route writes first: the action itself, as a crash would leave it, with nothing after. */
async function completeWithoutTotals(action: SavedAction): Promise<Action> {
  const at = new Date().toISOString();
  const { after } = await updateVersioned<Action>({
    tenant: northvale,
    key: northvale.keys.action(action.action.id),
    expectedVersion: action.action.version,
    changes: { state: 'done', evidence: 'Done.', doneOn: today, completedAt: at, completedById: 'nv-practitioner' },
    at,
    what: 'action',
  });
  return after;
}

/** A client that fails the `nth` totals update it is asked to make, as a Lambda stopped mid-way would. */
function crashingOn(nth: number): DynamoDBDocumentClient {
  let updates = 0;
  return {
    send: async (command: unknown) => {
      if (command instanceof UpdateCommand && String(command.input.Key?.PK).endsWith('#TOTALS') && ++updates === nth) throw new Error('simulated crash');
      return northvale.db.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
}

const doneThisMonth = async () => (await expectJson<ServiceView>(await stack.api(nv('qa'), '/v1/dashboards/service?period=month'))).actions.done;

describe('a crash between the source write and the totals update', () => {
  it('leaves the totals short of the recount until the reconcile job rebuilds them', async () => {
    const action = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 7) });
    const doneBefore = await doneThisMonth();
    await completeWithoutTotals(action);
    expect(await storedTotals(northvale)).not.toEqual(await recounted(northvale));
    expect(await doneThisMonth()).toBe(doneBefore);

    const result = await reconcileTotals(stack.jobDependencies);
    expect(result.tenants).toBe(2);
    expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
    expect(await doneThisMonth()).toBe(doneBefore + 1);
  });

  it('is made good by the source’s next change too, which adds everything it missed', async () => {
    const action = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 7) });
    const done = await completeWithoutTotals(action);
    await moved(stack, { action: { ...action.action, ...done }, etag: `"${done.version}"` }, 'verify', {}, nv('manager'));
    expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
  });

  it('applies to audits alike: a completion written alone is counted by the reconcile', async () => {
    const stored = (await getAudit(northvale, audit.audit.id))!;
    const at = new Date().toISOString();
    await updateVersioned({ tenant: northvale, key: northvale.keys.audit(stored.id), expectedVersion: stored.version, changes: { state: 'completed', completedAt: at, completedById: 'nv-manager' }, at, what: 'audit' });
    expect(await storedTotals(northvale)).not.toEqual(await recounted(northvale));
    await reconcileTotals(stack.jobDependencies);
    expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
  });
});

describe('a crash part-way through the totals update', () => {
  // Completing an action changes at least four items (the authority, team, case type and both,
  // for its month), more when it falls due in another month: updates 1 to n add to them, and
  // those after remove the marks once the marker says the change is applied.
  for (const nth of [1, 2, 4]) {
    it(`is finished by a retry without counting twice (crash on totals update ${nth})`, async () => {
      const action = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 7) });
      const done = await completeWithoutTotals(action);
      const change = { kind: 'action' as const, id: done.id, version: done.version, contribution: actionContribution(done, done.caseType!) };
      await expect(applySourceChange({ ...northvale, db: crashingOn(nth) }, change)).rejects.toThrow('simulated crash');
      expect(await storedTotals(northvale)).not.toEqual(await recounted(northvale));
      await applySourceChange(northvale, change);
      expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
      expect(await leftoverMarks(northvale)).toEqual([]);
    });
  }

  it('leaves only harmless marks when it stops after the change is applied, which the reconcile clears', async () => {
    const action = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 7) });
    const done = await completeWithoutTotals(action);
    const change = { kind: 'action' as const, id: done.id, version: done.version, contribution: actionContribution(done, done.caseType!) };
    const items = totalsDelta(actionContribution(action.action, done.caseType!), change.contribution).length;
    await expect(applySourceChange({ ...northvale, db: crashingOn(items + 1) }, change)).rejects.toThrow('simulated crash');
    await applySourceChange(northvale, change);
    expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
    expect(await leftoverMarks(northvale)).toHaveLength(items);
    await reconcileTotals(stack.jobDependencies);
    expect(await leftoverMarks(northvale)).toEqual([]);
  });

  it('is finished by the source’s next change when nobody retries', async () => {
    const action = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 7) });
    const done = await completeWithoutTotals(action);
    await expect(applySourceChange({ ...northvale, db: crashingOn(3) }, { kind: 'action', id: done.id, version: done.version, contribution: actionContribution(done, done.caseType!) })).rejects.toThrow();
    const { etag } = await readVersioned(stack, nv('manager'), `/v1/actions/${done.id}`);
    await expectJson(await stack.api(nv('manager'), `/v1/actions/${done.id}/verify`, jsonInit('POST', {}, { 'if-match': etag })));
    expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
  });

  it('adds nothing when a change already applied is applied again', async () => {
    const action = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 7) });
    const current = (await getAction(northvale, action.action.id))!;
    const before = await storedTotals(northvale);
    await applySourceChange(northvale, { kind: 'action', id: current.id, version: current.version, contribution: actionContribution(current, current.caseType!) });
    expect(await storedTotals(northvale)).toEqual(before);
  });
});

describe('feedback theme tags', () => {
  /** A response sent through a new Child Protection survey's public link. */
  async function sentResponse(): Promise<{ activityId: string; responseId: string }> {
    const activity = await newActivity(stack, nv('qa'), { publicLink: true, teamId: 'child-protection', caseType: 'child-protection' });
    const session = await startSession(stack, 'northvale', { activityId: activity.id });
    await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'tell-us-more': { couldBeBetter: 'More visits.' } }));
    await savedOk(await submit(stack, 'northvale', session.token));
    return { activityId: activity.id, responseId: session.responseId };
  }
  const themeCounters = (totals: Record<string, Record<string, number>>) => Object.values(totals).flatMap((counters) => Object.keys(counters).filter((name) => name.startsWith('e.')));

  it('written without their totals are counted by the reconcile, which rebuilds theme counts with the rest', async () => {
    const { activityId, responseId } = await sentResponse();
    const before = await storedTotals(northvale);
    expect(await tagResponse(northvale, activityId, responseId, ['Waiting'])).toMatchObject({ themesVersion: 1 });
    expect(await storedTotals(northvale)).toEqual(before);
    expect(themeCounters(await recounted(northvale)).length).toBeGreaterThan(themeCounters(before).length);
    await reconcileTotals(stack.jobDependencies);
    const after = await storedTotals(northvale);
    expect(after).toEqual(await recounted(northvale));
    // The authority, the team, the case type and both, each with the tagged count and the theme's.
    expect(themeCounters(after).length - themeCounters(before).length).toBeGreaterThanOrEqual(4);
  });

  it('are finished by a retry without counting twice after a crash part-way through a retag', async () => {
    const { activityId, responseId } = await sentResponse();
    await expectJson(await stack.api(nv('qa'), `/v1/engagement/activities/${activityId}/responses/${responseId}/themes`, jsonInit('PUT', { themes: [] })));
    const tagged = (await tagResponse(northvale, activityId, responseId, ['Waiting', 'Being listened to']))!;
    const change = feedbackChange(activityId, tagged, { teamId: 'child-protection', caseType: 'child-protection' });
    await expect(applySourceChange({ ...northvale, db: crashingOn(2) }, change)).rejects.toThrow('simulated crash');
    expect(await storedTotals(northvale)).not.toEqual(await recounted(northvale));
    await applySourceChange(northvale, change);
    await applySourceChange(northvale, change);
    expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
    expect(await leftoverMarks(northvale)).toEqual([]);
  });
});

describe('the reconcile job', () => {
  it('brings the breakdown by group up to date after a case’s demographics change, which totals follow only then', async () => {
    const { etag } = await readVersioned(stack, nv('qa'), '/v1/cases/NV-00003');
    await expectJson(await stack.api(nv('qa'), '/v1/cases/NV-00003', jsonInit('PATCH', { gender: 'other' }, { 'if-match': etag })));
    expect(await storedTotals(northvale)).not.toEqual(await recounted(northvale));
    await reconcileTotals(stack.jobDependencies);
    expect(await storedTotals(northvale)).toEqual(await recounted(northvale));
  });

  it('rebuilds each authority from its own items only, and running it again changes nothing', async () => {
    const southmoor = contextOf(stack, SOUTHMOOR.id);
    const first = await reconcileTotals(stack.jobDependencies);
    const [nvAfter, smAfter] = [await storedTotals(northvale), await storedTotals(southmoor)];
    expect(smAfter).toEqual(await recounted(southmoor));
    expect(JSON.stringify(smAfter)).not.toEqual(JSON.stringify(nvAfter));
    const second = await reconcileTotals(stack.jobDependencies);
    expect(second).toEqual({ ...first, removed: 0 });
    expect(await storedTotals(northvale)).toEqual(nvAfter);
  });
});

describe('the copies of an audit’s actions beside it', () => {
  const auditView = async () => expectJson<AuditDetail>(await stack.api(nv('qa'), `/v1/audits/${audit.audit.id}`));
  const stateShown = async (actionId: string) => (await auditView()).actions.find((a) => a.id === actionId)?.state;
  /**
   * The database requests one audit read makes, counted on the API's own client, in order of
   * name: besides the partition's Query, this audit (not yet completed) shows the case's journey
   * as it is now, one GetItem.
   */
  async function requestsOfOneRead(): Promise<string[]> {
    await auditView(); // names met in it are remembered for the counted read
    const client = stack.jobDependencies.dataClientFor(NORTHVALE.id);
    const sent: string[] = [];
    client.middlewareStack.add((next, context) => (args) => (sent.push(String(context.commandName)), next(args)), { step: 'initialize', name: 'countAuditRead' });
    try {
      await auditView();
    } finally {
      client.middlewareStack.remove('countAuditRead');
    }
    return sent.sort();
  }
  const partitionItems = async () => (await northvale.db.send(new QueryCommand({ TableName: northvale.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': northvale.keys.auditPartition(audit.audit.id) } }))).Items ?? [];

  it('let an audit be read in one request, each action as its last write left it', async () => {
    const action = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 7) });
    await moved(stack, action, 'start', undefined, nv('practitioner'));
    expect(await stateShown(action.action.id)).toBe('in-progress');
    expect(await requestsOfOneRead()).toEqual(['GetItemCommand', 'QueryCommand']);
    const copy = (await partitionItems()).find((item) => item.SK === `ACTION#${action.action.id}`)!;
    expect(Object.keys(copy).filter((name) => name.startsWith('GSI'))).toEqual([]);
  });

  it('are never put back by an older write, and one a crash left behind is brought up to date by the reconcile', async () => {
    const action = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 7) });
    const done = await completeWithoutTotals(action);
    expect(await stateShown(action.action.id)).toBe('open');
    await copyActionBesideAudit(northvale, done);
    await copyActionBesideAudit(northvale, action.action);
    expect(await stateShown(action.action.id)).toBe('done');

    const other = await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(today, 7) });
    await completeWithoutTotals(other);
    expect(await stateShown(other.action.id)).toBe('open');
    await reconcileTotals(stack.jobDependencies);
    expect((await auditView()).actions.find((a) => a.id === other.action.id)).toEqual(await getAction(northvale, other.action.id));
    expect(await stateShown(other.action.id)).toBe('done');
  });

  it('are read from the actions’ index for an audit from before they were kept, until the reconcile copies them', async () => {
    const shown = (await auditView()).actions;
    expect(shown.length).toBeGreaterThan(1);
    const copies = (await partitionItems()).filter((item) => String(item.SK).startsWith('ACTION'));
    for (const { PK, SK } of copies) await northvale.db.send(new DeleteCommand({ TableName: northvale.tableName, Key: { PK, SK } }));
    expect((await auditView()).actions).toEqual(shown);
    expect(await requestsOfOneRead()).toEqual(['GetItemCommand', 'QueryCommand', 'QueryCommand']);

    await reconcileTotals(stack.jobDependencies);
    expect((await partitionItems()).filter((item) => String(item.SK).startsWith('ACTION'))).toHaveLength(copies.length);
    expect((await auditView()).actions).toEqual(shown);
    expect(await requestsOfOneRead()).toEqual(['GetItemCommand', 'QueryCommand']);
  });
});
