/**
 * The public have-your-say routes over HTTP: the authority's page, sessions from codes and
 * public links, progressive saves that survive an API restart, submitting exactly once,
 * the honeypot, limits, and friendly refusals for codes that do not work.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '@waypoint/functions/api/local-server';
import type { ActivityView } from '@waypoint/shared/engagement/activity-schemas';
import type { InvitationCodeView } from '@waypoint/shared/engagement/invitation-codes';
import type { PublicAuthorityPage, PublicResponseView } from '@waypoint/shared/engagement/public-views';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { clock } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv } from './api-client.ts';
import { bearer, expectReason, issueCode, newActivity, NORTHVALE, nvActivity, nvCode, publicCall, saveAnswers, savedOk, startSession, submit, today } from './engagement-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => clock.set(undefined));

const counts = async (activityId: string) => (await expectJson<ActivityView & { counts: { started: number; submitted: number } }>(await stack.api(nv('qa'), `/v1/engagement/activities/${activityId}`))).counts;
const codeOf = async (activityId: string, codeId: string) => (await expectJson<{ items: InvitationCodeView[] }>(await stack.api(nv('qa'), `/v1/engagement/activities/${activityId}/codes?limit=100`))).items.find((c) => c.id === codeId)!;
const readResponse = async (token: string, lang = '') => expectJson<PublicResponseView>(await publicCall(stack, 'northvale', `/response${lang}`, { headers: bearer(token) }));
const SAFE = { 'feeling-safe': { feelSafe: 'yes' } };

describe('the authority’s page', () => {
  it('gives its name, colours, duty number and the activities anyone may answer, in Welsh when asked', async () => {
    const page = await expectJson<PublicAuthorityPage>(await publicCall(stack, 'northvale', ''));
    expect(page).toMatchObject({ slug: 'northvale', name: 'Northvale Council', primaryColour: '#1d4e89', dutyPhone: '0300 000 0000', languages: ['en', 'cy', 'pl', 'ur', 'easy'] });
    expect(page.openActivities.map((a) => a.id).sort()).toEqual([nvActivity('ages-11-18'), nvActivity('parents-carers')]);
    const cy = await expectJson<PublicAuthorityPage>(await publicCall(stack, 'northvale', '?lang=cy'));
    expect(cy.openActivities.find((a) => a.id === nvActivity('ages-11-18'))?.title).toBe('Dy ddweud am y gwasanaethau plant (11 i 18 oed)');
  });

  it('is a 404 at an address no authority has, and a 400 for one that cannot be an address', async () => {
    expectReason(await expectProblem(await publicCall(stack, 'nowhere', ''), 404), 'unknown-area');
    expectReason(await expectProblem(await publicCall(stack, 'nowhere', '/sessions', jsonInit('POST', { code: nvCode('ages-4-7') })), 404), 'unknown-area');
    await expectProblem(await publicCall(stack, 'North%23vale', ''), 400);
  });
});

describe('a session', () => {
  it('opens with the demo code as typed, and gives the form in Welsh with faces for the youngest', async () => {
    const session = await startSession(stack, 'northvale', { code: ' nv47 says ', lang: 'cy' });
    expect(session).toMatchObject({ activityId: nvActivity('ages-4-7'), resumed: false });
    expect(Date.parse(session.expiresAt) - Date.now()).toBeLessThanOrEqual(2 * 3600_000 + 5000);
    const view = await readResponse(session.token);
    expect(view.form).toMatchObject({ language: 'cy', name: 'Dweud dy ddweud (4 i 7 oed)' });
    expect(view.presentation).toEqual({ pageBy: 'question', faces: true, adultMayHelp: true });
    expect(view.form.sections[0]!.questions[0]!.options!.map((o) => o.face)).toEqual(['happy', 'in-between', 'sad', undefined, undefined]);
    expect(view).toMatchObject({ showHelp: false, help: { emergency: '999', childline: '0800 1111', dutyPhone: '0300 000 0000' }, response: { state: 'draft', answers: {}, language: 'cy' } });
    expect(view.activity.title).toBe('Dweud wrthon ni sut rydyn ni’n gwneud (4 i 7 oed)');
    expect((await readResponse(session.token, '?lang=en')).form.name).toBe('Have your say (ages 4 to 7)');
    expect((await readResponse(session.token, '?lang=ur')).form.language).toBe('ur');
    expect((await readResponse(session.token, '?lang=easy')).form.language).toBe('easy');
    await expectProblem(await publicCall(stack, 'northvale', '/response?lang=fr', { headers: bearer(session.token) }), 400);
  });

  it('opens through an activity’s public link, and not through one that has none', async () => {
    const session = await startSession(stack, 'northvale', { activityId: nvActivity('parents-carers') });
    expect((await readResponse(session.token)).form.templateId).toBe('feedback-parents-carers');
    expectReason(await expectProblem(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { activityId: nvActivity('ages-4-7') })), 404), 'unknown-activity');
  });

  it('is refused kindly for codes that are unknown, withdrawn, expired or for an activity not open', async () => {
    for (const code of ['ABCD-EFGH', 'not a code', 'NV47-SAY0']) expectReason(await expectProblem(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code })), 404), 'unknown-code');
    const activity = await newActivity(stack, nv('qa'));
    const revoked = await issueCode(stack, nv('qa'), activity.id, { kind: 'shared' });
    await expectJson(await stack.api(nv('qa'), `/v1/engagement/activities/${activity.id}/codes/${revoked.id}/revoke`, { method: 'POST' }));
    expectReason(await expectProblem(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code: revoked.code })), 410), 'code-revoked');
    const expiring = await issueCode(stack, nv('qa'), activity.id, { kind: 'shared', expiresOn: today() });
    clock.set(new Date(Date.now() + 2 * 86_400_000));
    expectReason(await expectProblem(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code: expiring.code })), 410), 'code-expired');
    clock.set(undefined);
    const later = await newActivity(stack, nv('qa'), { opensOn: '2099-01-01' });
    const early = await issueCode(stack, nv('qa'), later.id, { kind: 'shared', expiresOn: '2099-01-02' });
    expectReason(await expectProblem(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code: early.code })), 410), 'activity-not-open');
  });

  it('must be sent, unexpired and made for this address', async () => {
    const session = await startSession(stack, 'northvale', { code: nvCode('ages-8-10') });
    const expectEnded = async (init: RequestInit, slug = 'northvale') => {
      const problem = await expectProblem(await publicCall(stack, slug, '/response', init), 401);
      expectReason(problem, 'session-expired');
    };
    await expectEnded({});
    await expectEnded({ headers: bearer('not.a.token') });
    await expectEnded({ headers: bearer(session.token) }, 'southmoor');
    const [head, body] = session.token.split('.');
    await expectEnded({ headers: bearer(`${head}.${body}.${'A'.repeat(43)}`) });
    clock.set(new Date(Date.now() + 2 * 3600_000 + 60_000));
    await expectEnded({ headers: bearer(session.token) });
  });
});

describe('answering', () => {
  it('saves each page in the table, so a half-finished response survives a restart of the API', async () => {
    const deps = {
      tableName: stack.tableName,
      platformClient: stack.jobDependencies.platformClient,
      dataClientFor: stack.jobDependencies.dataClientFor,
      objects: stack.jobDependencies.objects,
      verifyAccessToken: () => Promise.reject(new Error('staff are not needed here')),
      accounts: stack.accounts,
      portalUrl: stack.jobDependencies.portalUrl,
      devOutbox: false,
    };
    const first = await startApiServer({ port: 0, deps });
    const session = await startSession(stack, 'northvale', { code: nvCode('ages-11-18') }, first.url);
    const saved = await savedOk(await saveAnswers(stack, 'northvale', session.token, { ...SAFE, 'my-worker': { workerListens: 'partly' } }, {}, first.url));
    expect(saved).toMatchObject({ state: 'draft', answered: 2, questions: 9, showHelp: false });
    await first.close();

    const second = await startApiServer({ port: 0, deps });
    try {
      const view = await expectJson<PublicResponseView>(await publicCall(stack, 'northvale', '/response', { headers: bearer(session.token) }, second.url));
      expect(view.response.answers).toEqual({ 'feeling-safe': { feelSafe: 'yes' }, 'my-worker': { workerListens: 'partly' } });
      const more = await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'my-worker': { workerListens: null, canReachWorker: 'yes' }, 'tell-us-more': { whatIsGood: 'Being listened to' } }, { lang: 'cy' }, second.url));
      expect(more.answered).toBe(3);
      const after = await expectJson<PublicResponseView>(await publicCall(stack, 'northvale', '/response', { headers: bearer(session.token) }, second.url));
      expect(after.response).toMatchObject({ answers: { 'feeling-safe': { feelSafe: 'yes' }, 'my-worker': { canReachWorker: 'yes' }, 'tell-us-more': { whatIsGood: 'Being listened to' } }, language: 'cy' });
    } finally {
      await second.close();
    }
  });

  it('refuses answers the form does not ask for, and stores nothing from a bad page', async () => {
    const session = await startSession(stack, 'northvale', { code: nvCode('ages-11-18') });
    await savedOk(await saveAnswers(stack, 'northvale', session.token, SAFE));
    const bad = [{ 'feeling-safe': { feelSafe: 'maybe' } }, { 'feeling-safe': { feelSafe: 'no', extra: 'x' } }, { 'not-a-section': { x: 'y' } }, { 'tell-us-more': { whatIsGood: 'x'.repeat(1001) } }];
    for (const answers of bad) await expectProblem(await saveAnswers(stack, 'northvale', session.token, answers), 400);
    await expectProblem(await publicCall(stack, 'northvale', '/response/answers', jsonInit('PUT', { answers: SAFE, tenantId: 'x' }, bearer(session.token))), 400);
    await expectProblem(await publicCall(stack, 'northvale', '/response/answers', { method: 'PUT', body: 'answers', headers: { ...bearer(session.token), 'content-type': 'text/plain' } }), 415);
    expect((await readResponse(session.token)).response.answers).toEqual(SAFE);
  });

  it('is submitted exactly once: sending again, even at the same moment, answers the same and stores it once', async () => {
    const activity = nvActivity('ages-8-10');
    const before = await counts(activity);
    const codeBefore = await codeOf(activity, 'nv-code-ages-8-10');
    const session = await startSession(stack, 'northvale', { code: nvCode('ages-8-10') });
    await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'how-things-are': { feelSafe: 'yes' } }));
    const [a, b] = await Promise.all([submit(stack, 'northvale', session.token), submit(stack, 'northvale', session.token)]);
    const first = await savedOk(a);
    expect(first).toMatchObject({ state: 'submitted', answered: 1 });
    expect(await savedOk(b)).toEqual(first);
    expect(await savedOk(await submit(stack, 'northvale', session.token))).toEqual(first);
    expect(await counts(activity)).toEqual({ started: before.started + 1, submitted: before.submitted + 1 });
    expect((await codeOf(activity, 'nv-code-ages-8-10')).submissions).toBe(codeBefore.submissions + 1);
    expectReason(await expectProblem(await saveAnswers(stack, 'northvale', session.token, SAFE), 410), 'response-sent');
  });

  it('brings a single-use code back to its one response until it is sent, then says it was used', async () => {
    const code = await issueCode(stack, nv('practitioner'), nvActivity('ages-11-18'), { kind: 'single-use', caseRef: 'NV-00003' });
    const first = await startSession(stack, 'northvale', { code: code.code });
    await savedOk(await saveAnswers(stack, 'northvale', first.token, SAFE));
    const again = await startSession(stack, 'northvale', { code: code.code.replace('-', '') });
    expect(again).toMatchObject({ responseId: first.responseId, resumed: true });
    expect((await readResponse(again.token)).response.answers).toEqual(SAFE);
    await savedOk(await submit(stack, 'northvale', again.token));
    expectReason(await expectProblem(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code: code.code })), 410), 'code-used');
    expect(await codeOf(nvActivity('ages-11-18'), code.id)).toMatchObject({ status: 'used', sessions: 2, submissions: 1 });
  });

  it('answers 429 past a shared code’s limit, on sending and on starting, and keeps the extra response unsent', async () => {
    const activity = await newActivity(stack, nv('qa'));
    const code = await issueCode(stack, nv('qa'), activity.id, { kind: 'shared', maxResponses: 2 });
    const sessions = [];
    for (let i = 0; i < 3; i++) sessions.push(await startSession(stack, 'northvale', { code: code.code }));
    for (const s of sessions.slice(0, 2)) await savedOk(await submit(stack, 'northvale', s.token));
    expectReason(await expectProblem(await submit(stack, 'northvale', sessions[2]!.token), 429), 'too-many-responses');
    expect((await readResponse(sessions[2]!.token)).response.state).toBe('draft');
    expectReason(await expectProblem(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code: code.code })), 429), 'too-many-responses');
    expect(await counts(activity.id)).toEqual({ started: 3, submitted: 2 });
  });

  it('humours a bot that fills the honeypot and stores nothing it sends', async () => {
    const activity = nvActivity('ages-11-18');
    const before = await counts(activity);
    const decoy = await startSession(stack, 'northvale', { code: nvCode('ages-11-18'), website: 'http://spam.example' });
    expect(decoy.token).toBeTruthy();
    expect(await savedOk(await saveAnswers(stack, 'northvale', decoy.token, { anything: 'at all' }))).toMatchObject({ state: 'draft' });
    expect(await savedOk(await submit(stack, 'northvale', decoy.token))).toMatchObject({ state: 'submitted' });
    await expectProblem(await publicCall(stack, 'northvale', '/response', { headers: bearer(decoy.token) }), 401);
    expect(await counts(activity)).toEqual(before);

    const real = await startSession(stack, 'northvale', { code: nvCode('ages-11-18') });
    expect(await savedOk(await saveAnswers(stack, 'northvale', real.token, SAFE, { website: 'spam' }))).toMatchObject({ answered: 0 });
    expect(await savedOk(await submit(stack, 'northvale', real.token, { website: 'spam' }))).toMatchObject({ state: 'submitted' });
    expect((await readResponse(real.token)).response).toMatchObject({ state: 'draft', answers: {} });
  });

  it('keeps no address, device or anything else about the person with the response', async () => {
    const session = await startSession(stack, 'northvale', { code: nvCode('care-leavers') });
    await fetch(`${stack.apiUrl}/v1/public/northvale/response/answers`, { ...jsonInit('PUT', { answers: { 'feeling-safe': { feelSafe: 'yes' } } }, { ...bearer(session.token), 'user-agent': 'Phone/1.0', 'x-forwarded-for': '203.0.113.9' }) });
    const { Item } = await stack.jobDependencies.dataClientFor(NORTHVALE.id).send(new GetCommand({ TableName: stack.tableName, Key: tenantKeys(NORTHVALE.id).feedbackResponse(nvActivity('care-leavers'), session.responseId) }));
    expect(Object.keys(Item!).sort()).toEqual(['PK', 'SK', 'activityId', 'answers', 'codeId', 'expiresAt', 'id', 'language', 'safety', 'startedAt', 'state', 'templateId', 'templateVersion', 'updatedAt']);
    expect(JSON.stringify(Item)).not.toMatch(/203\.0\.113|Phone\/1/);
  });
});

describe('an activity’s own title in each language', () => {
  const URDU = { title: 'بہار میں خاندانوں کا سروے', description: 'پانچ مختصر سوالات۔' };

  it('is given in Urdu on the authority’s page and in an Urdu session, and in English where there is no translation', async () => {
    const activity = await newActivity(stack, nv('qa'), { title: 'Spring family survey', description: 'Five short questions.', publicLink: true, translations: { cy: { title: 'Arolwg teuluoedd y gwanwyn' }, ur: URDU } });
    const listed = async (lang: string) => (await expectJson<PublicAuthorityPage>(await publicCall(stack, 'northvale', `?lang=${lang}`))).openActivities.find((a) => a.id === activity.id);
    expect(await listed('ur')).toMatchObject({ title: URDU.title, titleLanguage: 'ur', description: URDU.description, descriptionLanguage: 'ur' });
    expect(await listed('cy')).toMatchObject({ title: 'Arolwg teuluoedd y gwanwyn', titleLanguage: 'cy', description: 'Five short questions.', descriptionLanguage: 'en' });
    for (const lang of ['pl', 'easy', 'en']) expect(await listed(lang), lang).toMatchObject({ title: 'Spring family survey', titleLanguage: 'en', descriptionLanguage: 'en' });

    const session = await startSession(stack, 'northvale', { activityId: activity.id, lang: 'ur' });
    const view = await readResponse(session.token);
    expect(view.response.language).toBe('ur');
    expect(view.activity).toMatchObject({ title: URDU.title, titleLanguage: 'ur' });
    expect((await readResponse(session.token, '?lang=pl')).activity).toMatchObject({ title: 'Spring family survey', titleLanguage: 'en' });
  });
});
