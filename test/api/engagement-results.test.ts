/**
 * Engagement results over HTTP, on fixed responses sent through a public link: exact answer
 * counts with "don't know" and "rather not say", the share of "yes", the trend between
 * rounds, theme tags counted, nothing shown for a group under 5, CSV with formula-looking
 * cells defused, and another authority seeing none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackComment, FormResults, ResultsView, ThemeList } from '@waypoint/shared/engagement/results/result-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, sm } from './api-client.ts';
import { newActivity, saveAnswers, savedOk, startSession, submit } from './engagement-support.ts';

let stack: TestStack;
const LISTENS = ['yes', 'yes', 'yes', 'partly', 'dont-know', 'rather-not-say'];
let roundOne: string;
let roundTwo: string;

async function send(activityId: string, answers: Record<string, Record<string, string>>) {
  const session = await startSession(stack, 'northvale', { activityId });
  await savedOk(await saveAnswers(stack, 'northvale', session.token, answers));
  expect((await savedOk(await submit(stack, 'northvale', session.token))).state).toBe('submitted');
}

const results = async (path: string, email = nv('qa')) => expectJson<ResultsView>(await stack.api(email, path));
const item = (form: FormResults, questionId: string) => form.items.find((i) => i.questionId === questionId)!;
const counts = (form: FormResults, questionId: string) => Object.fromEntries(item(form, questionId).counts.map((c) => [c.value, c.count.value]));

beforeAll(async () => {
  stack = await startStack();
  roundOne = (await newActivity(stack, nv('qa'), { title: 'Round one', publicLink: true, caseType: 'child-protection', opensOn: '2026-01-05' })).id;
  roundTwo = (await newActivity(stack, nv('qa'), { title: 'Round two', publicLink: true, caseType: 'child-protection' })).id;
  for (const [n, listens] of LISTENS.entries()) {
    await send(roundOne, { 'feeling-safe': { feelSafe: 'yes' }, 'my-worker': { workerListens: listens }, 'tell-us-more': { couldBeBetter: `Comment ${n + 1}` } });
  }
  for (const listens of ['yes', 'no', 'no']) await send(roundTwo, { 'my-worker': { workerListens: listens } });
});
afterAll(async () => {
  await stack?.stop();
});

describe('one activity’s results', () => {
  it('counts every answer, the two ways not to answer included, and the share of yes among the points', async () => {
    const [form] = (await results(`/v1/engagement/activities/${roundOne}/results`)).forms;
    expect(form!.responses).toEqual({ value: 6, suppressed: false });
    expect(counts(form!, 'workerListens')).toEqual({ yes: 3, partly: 1, no: 0, 'dont-know': 1, 'rather-not-say': 1 });
    expect(item(form!, 'workerListens').counts.map((c) => c.label)).toEqual(['Yes', 'Sometimes', 'No', 'Don’t know', 'Rather not say']);
    expect(item(form!, 'workerListens')).toMatchObject({ answered: { value: 6 }, positivePercent: 75 });
    expect(counts(form!, 'feelSafe')).toEqual({ yes: 6, partly: 0, no: 0, 'dont-know': 0, 'rather-not-say': 0 });
    expect(item(form!, 'understandPlan')).toMatchObject({ answered: { value: 0 }, positivePercent: null });
  });

  it('shows no figure at all for a group of fewer than 5 responses', async () => {
    const [form] = (await results(`/v1/engagement/activities/${roundTwo}/results`)).forms;
    expect(form!).toMatchObject({ withheld: true, responses: { value: null, suppressed: true } });
    expect(item(form!, 'workerListens').counts.every((c) => c.count.suppressed && c.count.value === null)).toBe(true);
    expect(item(form!, 'workerListens').positivePercent).toBeNull();
  });

  it('gives the trend over the rounds of the same form, oldest first, withholding a small round', async () => {
    const [form] = (await results(`/v1/engagement/activities/${roundTwo}/results`)).forms;
    const one = form!.rounds.find((r) => r.activityId === roundOne)!;
    const two = form!.rounds.find((r) => r.activityId === roundTwo)!;
    expect(one).toMatchObject({ responses: { value: 6 }, positive: { 'my-worker.workerListens': 75 } });
    expect(two).toMatchObject({ responses: { suppressed: true }, positive: { 'my-worker.workerListens': null } });
    expect(form!.rounds.indexOf(one)).toBeLessThan(form!.rounds.indexOf(two));
  });

  it('filters by period: nothing was sent before today', async () => {
    const [form] = (await results(`/v1/engagement/activities/${roundOne}/results?to=2026-01-01`)).forms;
    expect(form!.withheld).toBe(true);
  });
});

describe('themes', () => {
  it('are the authority’s own list; staff tag free text with them and results count the tags', async () => {
    const listed = await expectJson<ThemeList>(await stack.api(nv('qa'), '/v1/engagement/themes'));
    const saved = await expectJson<ThemeList>(await stack.api(nv('qa'), '/v1/engagement/themes', jsonInit('PUT', { themes: ['Being listened to', 'Getting in touch', '=Waiting'] }, { 'if-match': `"${listed.version}"` })));
    expect(saved.themes).toHaveLength(3);
    await expectProblem(await stack.api(nv('practitioner'), '/v1/engagement/themes', jsonInit('PUT', { themes: [] }, { 'if-match': `"${saved.version}"` })), 403);

    const { items } = await expectJson<{ items: FeedbackComment[] }>(await stack.api(nv('qa'), `/v1/engagement/activities/${roundOne}/comments`));
    expect(items.map((c) => c.text).sort()).toEqual(['Comment 1', 'Comment 2', 'Comment 3', 'Comment 4', 'Comment 5', 'Comment 6']);
    expect(Object.keys(items[0]!).sort()).toEqual(['question', 'questionId', 'responseId', 'sectionId', 'text', 'themes']);
    for (const [n, c] of items.entries()) {
      const themes = n < 5 ? ['Being listened to'] : ['Being listened to', 'Getting in touch'];
      await expectJson(await stack.api(nv('qa'), `/v1/engagement/activities/${roundOne}/responses/${c.responseId}/themes`, jsonInit('PUT', { themes })));
    }
    await expectProblem(await stack.api(nv('qa'), `/v1/engagement/activities/${roundOne}/responses/${items[0]!.responseId}/themes`, jsonInit('PUT', { themes: ['Not a theme'] })), 400);
    await expectProblem(await stack.api(nv('qa'), `/v1/engagement/activities/${roundOne}/responses/NOSUCHRESPONSE/themes`, jsonInit('PUT', { themes: [] })), 404);

    const [form] = (await results(`/v1/engagement/activities/${roundOne}/results`)).forms;
    expect(form!.themes).toEqual([
      { theme: 'Being listened to', count: { value: 6, suppressed: false } },
      { theme: 'Getting in touch', count: { value: null, suppressed: true } },
      { theme: '=Waiting', count: { value: 0, suppressed: false } },
    ]);
  });
});

describe('across activities', () => {
  it('filters by case type and audience, one block per form', async () => {
    const view = await results('/v1/engagement/results?caseType=child-protection&audience=ages-11-18');
    expect(view.activities.map((a) => a.id).sort()).toEqual([roundOne, roundTwo].sort());
    expect(view.forms).toHaveLength(1);
    expect(view.forms[0]!.responses.value).toBe(9);
    expect(counts(view.forms[0]!, 'workerListens')).toEqual({ yes: 4, partly: 1, no: 2, 'dont-know': 1, 'rather-not-say': 1 });
  });

  it('exports CSV with fewer than 5 spelled out and formula-looking cells defused', async () => {
    const response = await stack.api(nv('qa'), `/v1/engagement/activities/${roundOne}/results.csv`);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('Form,Section,Question,Answer,Responses');
    expect(lines).toContain('Have your say (ages 11 to 18),my-worker,My worker listens to me,Don’t know,1');
    expect(lines).toContain('Have your say (ages 11 to 18),themes,Getting in touch,,fewer than 5');
    expect(lines).toContain("Have your say (ages 11 to 18),themes,'=Waiting,,0");
    const small = await (await stack.api(nv('qa'), `/v1/engagement/activities/${roundTwo}/results.csv`)).text();
    expect(small).toContain('All responses,,fewer than 5');
  });
});

describe('who sees results', () => {
  it('is no one at another authority, and only those who run activities read the comments', async () => {
    await expectProblem(await stack.api(sm('qa'), `/v1/engagement/activities/${roundOne}/results`), 404);
    expect((await results('/v1/engagement/results?caseType=child-protection', sm('qa'))).activities).toEqual([]);
    await expectProblem(await stack.api(nv('practitioner'), `/v1/engagement/activities/${roundOne}/comments`), 403);
    await expectProblem(await stack.api(nv('admin'), `/v1/engagement/activities/${roundOne}/results`), 403);
  });
});
