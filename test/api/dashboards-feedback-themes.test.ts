/**
 * Feedback themes on the service view, over HTTP: staff tag sent responses and the monthly
 * totals count them by the month each was sent, at the activity's team and case type (or the
 * linked case's); retagging moves the counts once, a repeated tag adds nothing, small numbers
 * read "fewer than 5", fewer than 5 tagged responses gives no figure, and another authority
 * never sees them. The running totals still equal a recount afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantContext } from '@waypoint/functions/platform/auth/caller';
import type { FeedbackThemesFigure, ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import type { ThemeList } from '@waypoint/shared/engagement/results/result-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, NORTHVALE, nv, sm } from './api-client.ts';
import { issueCode, newActivity, saveAnswers, savedOk, startSession, submit } from './engagement-support.ts';
import { contextOf, leftoverMarks, recounted, storedTotals } from './totals-support.ts';

const LISTENED = 'Being listened to';
const WAITING = 'Waiting';
const IN_TOUCH = 'Getting in touch';
const SAME_WORKER = '=Seeing the same worker';

let stack: TestStack;
let northvale: TenantContext;
/** Child protection team's activity: seven responses. */
let cp: { activityId: string; responses: string[] };
/** An authority-wide activity: three responses through its public link and one through a code linked to NV-00005 (Child in Need). */
let wide: { activityId: string; responses: string[]; linked: string };

async function send(activityId: string, opening: Record<string, string> = { activityId }): Promise<string> {
  const session = await startSession(stack, 'northvale', opening);
  await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'tell-us-more': { couldBeBetter: 'Ring me back when you say you will.' } }));
  expect((await savedOk(await submit(stack, 'northvale', session.token))).state).toBe('submitted');
  return session.responseId;
}

const tag = async (activityId: string, responseId: string, themes: string[], email = nv('qa')) => stack.api(email, `/v1/engagement/activities/${activityId}/responses/${responseId}/themes`, jsonInit('PUT', { themes }));

async function themes(query = '', email = nv('qa')): Promise<FeedbackThemesFigure> {
  return (await expectJson<ServiceView>(await stack.api(email, `/v1/dashboards/service?period=month${query}`))).feedbackThemes;
}
const counts = (figure: FeedbackThemesFigure) => Object.fromEntries(figure.themes.map((t) => [t.theme, t.count.value]));

beforeAll(async () => {
  stack = await startStack();
  northvale = contextOf(stack, NORTHVALE.id);
  const listed = await expectJson<ThemeList>(await stack.api(nv('qa'), '/v1/engagement/themes'));
  await expectJson(await stack.api(nv('qa'), '/v1/engagement/themes', jsonInit('PUT', { themes: [LISTENED, IN_TOUCH, WAITING, SAME_WORKER] }, { 'if-match': `"${listed.version}"` })));

  const cpActivity = await newActivity(stack, nv('qa'), { title: 'Child protection survey', publicLink: true, teamId: 'child-protection', caseType: 'child-protection' });
  cp = { activityId: cpActivity.id, responses: [] };
  for (let n = 0; n < 7; n++) cp.responses.push(await send(cp.activityId));
  const wideActivity = await newActivity(stack, nv('qa'), { title: 'Authority-wide survey', publicLink: true });
  wide = { activityId: wideActivity.id, responses: [], linked: '' };
  for (let n = 0; n < 3; n++) wide.responses.push(await send(wide.activityId));
  const code = await issueCode(stack, nv('practitioner'), wide.activityId, { kind: 'single-use', caseRef: 'NV-00005' });
  wide.linked = await send(wide.activityId, { code: code.code });

  for (const [n, id] of cp.responses.entries()) await expectJson(await tag(cp.activityId, id, n < 4 ? [LISTENED, WAITING] : [LISTENED]));
  for (const id of wide.responses) await expectJson(await tag(wide.activityId, id, [WAITING]));
  await expectJson(await tag(wide.activityId, wide.linked, [IN_TOUCH]));
});
afterAll(async () => {
  await stack?.stop();
});

describe('feedback themes on the service view', () => {
  it('counts every tagged response of the month for the authority, each theme under 5 only as “fewer than 5”', async () => {
    const figure = await themes();
    expect(figure.withheld).toBe(false);
    expect(figure.taggedResponses).toEqual({ value: 11, suppressed: false });
    expect(figure.themes).toEqual([
      { theme: LISTENED, count: { value: 7, suppressed: false }, share: 7 / 11 },
      { theme: WAITING, count: { value: 7, suppressed: false }, share: 7 / 11 },
      { theme: IN_TOUCH, count: { value: null, suppressed: true }, share: null },
      { theme: SAME_WORKER, count: { value: null, suppressed: true }, share: null },
    ]);
  });

  it('filters by team: the activity’s own team, or for an authority-wide activity the linked case’s', async () => {
    const team = await themes('&team=child-protection');
    expect(team.taggedResponses.value).toBe(7);
    expect(counts(team)).toEqual({ [LISTENED]: 7, [IN_TOUCH]: null, [WAITING]: null, [SAME_WORKER]: null });
    // The response through NV-00005's code is Child in Need's, but one alone shows nothing.
    expect(await themes('&team=child-in-need')).toEqual({ taggedResponses: { value: null, suppressed: true }, withheld: true, themes: [] });
    expect((await themes('&caseType=child-protection')).taggedResponses.value).toBe(7);
    expect((await themes('&team=early-help')).withheld).toBe(true);
  });

  it('moves the counts when a response is retagged, and counts a repeated tag once', async () => {
    await expectJson(await tag(cp.activityId, cp.responses[4]!, [LISTENED, WAITING]));
    expect(counts(await themes('&team=child-protection'))).toMatchObject({ [LISTENED]: 7, [WAITING]: 5 });
    await expectJson(await tag(cp.activityId, cp.responses[5]!, [WAITING]));
    for (let retry = 0; retry < 2; retry++) await expectJson(await tag(cp.activityId, cp.responses[5]!, [WAITING]));
    const team = await themes('&team=child-protection');
    expect(team.taggedResponses.value).toBe(7);
    expect(counts(team)).toMatchObject({ [LISTENED]: 6, [WAITING]: 6 });
    expect(counts(await themes())).toMatchObject({ [LISTENED]: 6, [WAITING]: 9 });
  });

  it('stops counting a response whose tags are all taken off', async () => {
    await expectJson(await tag(cp.activityId, cp.responses[6]!, []));
    const team = await themes('&team=child-protection');
    expect(team.taggedResponses.value).toBe(6);
    expect(counts(team)).toMatchObject({ [LISTENED]: 5, [WAITING]: 6 });
  });

  it('gives the rows as CSV with small counts spelled out and a formula-looking theme defused', async () => {
    const response = await stack.api(nv('senior'), '/v1/dashboards/service/export?period=month&figure=feedback-themes');
    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('theme,responses,share of tagged responses (%)');
    expect(lines).toContain('Responses tagged with any theme,10,');
    expect(lines).toContain(`${WAITING},9,90`);
    expect(lines).toContain(`${IN_TOUCH},fewer than 5,`);
    expect(lines).toContain(`'${SAME_WORKER},fewer than 5,`);
  });

  it('keeps the running totals equal to a recount, with no retry marks left', async () => {
    const stored = await storedTotals(northvale);
    expect(stored).toEqual(await recounted(northvale));
    expect(Object.values(stored).some((counters) => counters['e.n'] !== undefined)).toBe(true);
    expect(await leftoverMarks(northvale)).toEqual([]);
  });
});

describe('another authority', () => {
  it('never sees Northvale’s tags, and cannot tag its responses', async () => {
    const listed = await expectJson<ThemeList>(await stack.api(sm('qa'), '/v1/engagement/themes'));
    await expectJson(await stack.api(sm('qa'), '/v1/engagement/themes', jsonInit('PUT', { themes: [LISTENED, WAITING] }, { 'if-match': `"${listed.version}"` })));
    expect(await themes('', sm('qa'))).toEqual({ taggedResponses: { value: null, suppressed: true }, withheld: true, themes: [] });
    await expectProblem(await tag(cp.activityId, cp.responses[0]!, [LISTENED], sm('qa')), 404);
    expect((await themes('&team=child-protection')).taggedResponses.value).toBe(6);
  });
});
