/**
 * `POST /v1/actions` with a feedback source: an action raised from a comment staff read on an
 * activity's comments page. It is about the service (no case, even when the response came
 * through a code linked to one), takes its team from the activity or the body, counts in the
 * totals under that team, and is refused exactly where the comments page would be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionView } from '@waypoint/shared/actions/action-schemas';
import { counter } from '@waypoint/shared/dashboards/totals-counters';
import { startStack, type TestStack } from '../support/stack.ts';
import { type ActionDetail, inDays } from './actions-support.ts';
import { NORTHVALE, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, readAllPages, sm } from './api-client.ts';
import { outbox, todayInLondon } from './audits-support.ts';
import { issueCode, newActivity, saveAnswers, savedOk, startSession, submit } from './engagement-support.ts';
import { contextOf, recounted, storedTotals } from './totals-support.ts';
import { formatDate } from '@waypoint/shared/formatting/dates';

let stack: TestStack;
let teamActivity: string;
let wideActivity: string;
let otherTeamActivity: string;
let southmoorActivity: string;
let teamResponse: string;
let linkedResponse: string;
let draftResponse: string;
let silentResponse: string;
let southmoorResponse: string;

const COMMENT = 'Nobody rings me back when I leave a message';
const ANSWERS = { 'my-worker': { workerListens: 'partly' }, 'tell-us-more': { couldBeBetter: COMMENT } };

/** A response through the activity's public link (or `code`), sent unless `draft`. */
async function respond(slug: string, start: Record<string, unknown>, answers: unknown, draft = false): Promise<string> {
  const session = await startSession(stack, slug, start);
  await savedOk(await saveAnswers(stack, slug, session.token, answers));
  if (!draft) expect((await savedOk(await submit(stack, slug, session.token))).state).toBe('submitted');
  return session.responseId;
}

const body = (activityId: string, responseId: string, overrides: Record<string, unknown> = {}) => ({
  source: { type: 'feedback', activityId, responseId },
  description: 'Agree a call-back time with every family and keep to it.',
  finding: 'Families say calls are not returned.',
  ownerId: 'nv-practitioner',
  dueDate: inDays(todayInLondon(), 21),
  priority: 'medium',
  ...overrides,
});
const raise = (email: string, request: unknown, headers: Record<string, string> = {}) => stack.api(email, '/v1/actions', jsonInit('POST', request, headers));
/** Every action of the home team, open and closed: what a refused request must leave alone. */
const teamActions = async () => {
  const open = await readAllPages<ActionView>(stack, nv('qa'), '/v1/actions?view=team&team=child-in-need&status=open&limit=100');
  const closed = await readAllPages<ActionView>(stack, nv('qa'), '/v1/actions?view=team&team=child-in-need&status=closed&limit=100');
  return [...open.items, ...closed.items].map((a) => a.id);
};

beforeAll(async () => {
  stack = await startStack();
  teamActivity = (await newActivity(stack, nv('qa'), { title: 'Home team survey', teamId: 'child-in-need', caseType: 'child-in-need', publicLink: true })).id;
  wideActivity = (await newActivity(stack, nv('qa'), { title: 'Authority survey', publicLink: true })).id;
  otherTeamActivity = (await newActivity(stack, nv('qa'), { title: 'Assessment team survey', teamId: 'assessment', publicLink: true })).id;
  southmoorActivity = (await newActivity(stack, sm('qa'), { title: 'Southmoor survey', publicLink: true })).id;
  teamResponse = await respond(NORTHVALE.slug, { activityId: teamActivity }, ANSWERS);
  const code = await issueCode(stack, nv('practitioner'), wideActivity, { kind: 'single-use', caseRef: 'NV-00005' });
  linkedResponse = await respond(NORTHVALE.slug, { code: code.code }, ANSWERS);
  draftResponse = await respond(NORTHVALE.slug, { activityId: teamActivity }, ANSWERS, true);
  silentResponse = await respond(NORTHVALE.slug, { activityId: teamActivity }, { 'my-worker': { workerListens: 'yes' } });
  southmoorResponse = await respond(SOUTHMOOR.slug, { activityId: southmoorActivity }, ANSWERS);
});
afterAll(async () => {
  await stack?.stop();
});

describe('raising an action from a comment', () => {
  it('is about the service, for the activity’s team and case type, with the finding staff wrote and not the comment', async () => {
    const response = await raise(nv('qa'), body(teamActivity, teamResponse));
    const action = await expectJson<ActionDetail & { activityTitle?: string }>(response, 201);
    expect(response.headers.get('location')).toBe(`/v1/actions/${action.id}`);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(action).toMatchObject({ state: 'open', teamId: 'child-in-need', caseType: 'child-in-need', ownerId: 'nv-practitioner', raisedById: 'nv-qa', source: { type: 'feedback', activityId: teamActivity, responseId: teamResponse } });
    expect(action).not.toHaveProperty('caseRef');
    expect(action.finding).toBe('Families say calls are not returned.');
    expect(JSON.stringify(action)).not.toContain(COMMENT);
    // The owner reads it, with where it came from; so does their manager.
    const owned = await expectJson<ActionDetail & { activityTitle?: string }>(await stack.api(nv('practitioner'), `/v1/actions/${action.id}`));
    expect(owned.activityTitle).toBe('Home team survey');
    await expectJson(await stack.api(nv('manager'), `/v1/actions/${action.id}`));
    expect(await teamActions()).toContain(action.id);
    const mail = (await outbox(stack)).find((m) => m.text.includes(`/actions/${action.id}`));
    expect(mail).toMatchObject({ to: 'practitioner@northvale.example', subject: `Action for the service, due ${formatDate(action.dueDate)}` });
    expect(mail!.text).not.toContain(COMMENT);
  });

  it('never takes the case a response’s code was linked to: an authority-wide activity’s action names its team in the body', async () => {
    const missing = await expectProblem(await raise(nv('qa'), body(wideActivity, linkedResponse)), 400);
    expect(missing.errors).toEqual([{ path: 'teamId', message: 'Choose the team the action is for: the activity is for the whole authority' }]);
    const action = await expectJson<ActionDetail>(await raise(nv('qa'), body(wideActivity, linkedResponse, { teamId: 'child-in-need' })), 201);
    expect(action).toMatchObject({ teamId: 'child-in-need', source: { type: 'feedback', responseId: linkedResponse } });
    expect(action).not.toHaveProperty('caseRef');
    expect(action).not.toHaveProperty('caseType');
    expect(JSON.stringify(action)).not.toContain('NV-00005');
    const onCase = await readAllPages<ActionView>(stack, nv('qa'), '/v1/actions?view=case&caseRef=NV-00005');
    expect(onCase.items.map((a) => a.id)).not.toContain(action.id);
    const evidence = await expectJson<{ actions: ActionView[] }>(await stack.api(nv('qa'), '/v1/cases/NV-00005/evidence'));
    expect(evidence.actions.map((a) => a.id)).not.toContain(action.id);
  });

  it('counts in the month’s totals under its team, and a recount agrees', async () => {
    const tenant = contextOf(stack, NORTHVALE.id);
    const before = await storedTotals(tenant);
    await expectJson(await raise(nv('qa'), body(wideActivity, linkedResponse, { teamId: 'child-in-need', description: 'Publish the duty line’s call-back times.' })), 201);
    const after = await storedTotals(tenant);
    const month = todayInLondon().slice(0, 7);
    const raised = (totals: typeof before, id: string) => totals[id]?.[counter.actionsRaised] ?? 0;
    expect(raised(after, `${month}|child-in-need|*`)).toBe(raised(before, `${month}|child-in-need|*`) + 1);
    expect(raised(after, `${month}|*|*`)).toBe(raised(before, `${month}|*|*`) + 1);
    // With no case type it adds to no case-type level.
    const typed = (totals: typeof before) =>
      Object.entries(totals)
        .filter(([id]) => id.startsWith(`${month}|`) && !id.endsWith('|*'))
        .map(([id, c]) => [id, c[counter.actionsRaised] ?? 0]);
    expect(typed(after)).toEqual(typed(before));
    expect(after).toEqual(await recounted(tenant));
  });

  it('lets a manager raise one for their own team from an authority-wide activity, and no other team', async () => {
    const mine = await expectJson<ActionDetail>(await raise(nv('manager'), body(wideActivity, linkedResponse, { teamId: 'child-in-need' })), 201);
    expect(mine.teamId).toBe('child-in-need');
    const other = await expectProblem(await raise(nv('manager'), body(wideActivity, linkedResponse, { teamId: 'assessment', ownerId: 'nv-sw-02' })), 400);
    expect(other.errors?.map((e) => e.path)).toContain('teamId');
  });

  it('raises it once when a retry carries the same Idempotency-Key', async () => {
    const before = await teamActions();
    const headers = { 'idempotency-key': 'feedback-action-0001' };
    const first = await expectJson<ActionDetail>(await raise(nv('qa'), body(teamActivity, teamResponse), headers), 201);
    const again = await expectJson<ActionDetail>(await raise(nv('qa'), body(teamActivity, teamResponse), headers), 201);
    expect(again.id).toBe(first.id);
    expect(await teamActions()).toHaveLength(before.length + 1);
    await expectProblem(await raise(nv('qa'), body(teamActivity, teamResponse, { description: 'Something else' }), headers), 422);
  });
});

describe('bad input writes nothing', () => {
  async function refused(email: string, request: unknown, status: number): Promise<string[]> {
    const before = await teamActions();
    const mails = (await outbox(stack)).length;
    const problem = await expectProblem(await raise(email, request), status);
    expect(await teamActions()).toEqual(before);
    expect(await outbox(stack)).toHaveLength(mails);
    return problem.errors?.map((e) => e.path).sort() ?? [];
  }

  it('refuses a missing description, an unknown field, a past due date and an owner from another team, naming each field', async () => {
    const { description: _d, ...noDescription } = body(teamActivity, teamResponse);
    expect(await refused(nv('qa'), noDescription, 400)).toEqual(['description']);
    expect(await refused(nv('qa'), { ...body(teamActivity, teamResponse), caseRef: 'NV-00005' }, 400)).toEqual(['caseRef']);
    expect(await refused(nv('qa'), body(teamActivity, teamResponse, { dueDate: '2020-01-01', ownerId: 'nv-sw-02' }), 400)).toEqual(['dueDate', 'ownerId']);
  });

  it('refuses a team for a team’s activity, a team for an audit’s action, and a team that does not exist', async () => {
    expect(await refused(nv('qa'), body(teamActivity, teamResponse, { teamId: 'assessment' }), 400)).toEqual(['teamId']);
    expect(await refused(nv('qa'), body(wideActivity, linkedResponse, { teamId: 'no-such-team' }), 400)).toEqual(['teamId']);
    const audit = { source: { type: 'audit', auditId: 'nv-no-audit', sectionId: 'assessment' } };
    expect(await refused(nv('qa'), { ...body(teamActivity, teamResponse), ...audit, teamId: 'child-in-need' }, 400)).toEqual(['source.auditId']);
  });

  it('is a 404 for a response that is unknown, still a draft, or has no comment, and for an activity out of the caller’s reach', async () => {
    expect(await refused(nv('qa'), body(teamActivity, '01JZZZZZZZZZZZZZZZZZZZZZZZ'), 404)).toEqual([]);
    expect(await refused(nv('qa'), body(teamActivity, draftResponse), 404)).toEqual([]);
    expect(await refused(nv('qa'), body(teamActivity, silentResponse), 404)).toEqual([]);
    // The response exists, but under another activity.
    expect(await refused(nv('qa'), body(wideActivity, teamResponse, { teamId: 'child-in-need' }), 404)).toEqual([]);
    // A manager does not see another team’s activity, so not its comments either.
    const otherTeamResponse = await respond(NORTHVALE.slug, { activityId: otherTeamActivity }, ANSWERS);
    expect(await refused(nv('manager'), body(otherTeamActivity, otherTeamResponse), 404)).toEqual([]);
  });

  it('is a 404 for another authority’s response, whichever side asks', async () => {
    const theirs = await expectProblem(await raise(nv('qa'), body(southmoorActivity, southmoorResponse, { teamId: 'child-in-need' })), 404);
    const nobodys = await expectProblem(await raise(nv('qa'), body('no-such-activity', southmoorResponse, { teamId: 'child-in-need' })), 404);
    expect(theirs.detail).toBe(nobodys.detail);
    await expectProblem(await raise(sm('qa'), body(teamActivity, teamResponse, { ownerId: 'sm-practitioner' })), 404);
  });

  it('is a 403 for the roles that do not read comments, before anything else is looked at', async () => {
    for (const role of ['practitioner', 'student', 'admin'] as const) expect(await refused(nv(role), body(teamActivity, teamResponse), 403)).toEqual([]);
  });
});
