/**
 * Staying safe over HTTP: a worrying answer shows help at once, raises an alert carrying the
 * response and any case link, and emails the duty contact once per worry; staff read alerts
 * in their scope and record what they did, each change in the activity log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAuditAlert, type AlertPage, type EngagementAlert, type SafetyAlert, type SafetyAlertDetail } from '@waypoint/shared/engagement/alert-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { bearer, issueCode, newActivity, NORTHVALE, nvActivity, nvCode, publicCall, saveAnswers, savedOk, startSession } from './engagement-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
}
const outbox = async () => (await expectJson<{ items: OutboxMessage[] }>(await stack.api(nv('qa'), '/v1/dev/outbox?limit=100'))).items;
const alertsOf = async (email: string, status = 'open') => (await expectJson<AlertPage>(await stack.api(email, `/v1/alerts?status=${status}&limit=100`))).items.filter((a): a is EngagementAlert => !isAuditAlert(a));
const alert = (email: string, id: string) => stack.api(email, `/v1/alerts/${id}`);
const mailFor = async (id: string) => (await outbox()).filter((m) => m.text.includes(`/alerts/${id}`));

describe('a worrying answer', () => {
  it('“I don’t feel safe” shows help at once, raises an alert and emails the duty contact', async () => {
    const session = await startSession(stack, 'northvale', { code: nvCode('ages-8-10') });
    const saved = await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'how-things-are': { feelSafe: 'no' } }));
    expect(saved.showHelp).toBe(true);
    const view = await expectJson<{ showHelp: boolean; help: { dutyPhone: string } }>(await publicCall(stack, 'northvale', '/response', { headers: bearer(session.token) }));
    expect(view).toMatchObject({ showHelp: true, help: { dutyPhone: '0300 000 0000' } });
    const raised = (await alertsOf(nv('qa'))).find((a) => a.responseId === session.responseId)!;
    expect(raised).toMatchObject({ status: 'new', activityId: nvActivity('ages-8-10'), sentTo: 'duty@example.org', reasons: [{ kind: 'feels-unsafe', sectionId: 'how-things-are', questionId: 'feelSafe' }] });
    expect(raised).not.toHaveProperty('caseRef');
    const [mail] = await mailFor(raised.id);
    expect(mail).toMatchObject({ to: 'duty@example.org', subject: 'Safety alert: a response to “Tell us how we are doing (ages 8 to 10)”' });
    expect(mail!.text).toContain('said they do not feel safe');
    expect(mail!.text).toContain('anonymous');
  });

  it('worrying words in English free text alert too, and saving again sends nothing more', async () => {
    const session = await startSession(stack, 'northvale', { code: nvCode('ages-11-18') });
    const text = { 'tell-us-more': { couldBeBetter: 'My stepdad hits me when mum is out' } };
    expect((await savedOk(await saveAnswers(stack, 'northvale', session.token, text))).showHelp).toBe(true);
    await savedOk(await saveAnswers(stack, 'northvale', session.token, { ...text, 'feeling-safe': { feelSafe: 'yes' } }));
    const raised = (await alertsOf(nv('qa'))).find((a) => a.responseId === session.responseId)!;
    expect(raised.reasons).toEqual([{ kind: 'worrying-words', sectionId: 'tell-us-more', questionId: 'couldBeBetter', phrase: 'hits me', phraseLanguage: 'en' }]);
    const mail = await mailFor(raised.id);
    expect(mail).toHaveLength(1);
    // The email names what kind of worry it is, never what was written.
    expect(mail[0]!.text).not.toContain('stepdad');
  });

  it('worrying words in Welsh alert, and a second worry in the same response adds to its alert and emails again', async () => {
    const session = await startSession(stack, 'northvale', { code: nvCode('ages-11-18'), lang: 'cy' });
    await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'tell-us-more': { couldBeBetter: 'Dwi ddim yn teimlo’n ddiogel gartref' } }));
    await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'feeling-safe': { feelSafe: 'no' } }));
    const raised = (await alertsOf(nv('qa'))).find((a) => a.responseId === session.responseId)!;
    expect(raised).toMatchObject({ language: 'cy', version: 2 });
    expect(raised.reasons.map((r) => [r.kind, r.phraseLanguage])).toEqual([
      ['worrying-words', 'cy'],
      ['feels-unsafe', undefined],
    ]);
    expect(await mailFor(raised.id)).toHaveLength(2);
  });

  it('phrases the authority adds in its settings alert as well', async () => {
    const { etag } = await readVersioned(stack, nv('admin'), '/v1/settings');
    await expectJson(await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { safetyPhrases: { en: ['took my phone'], cy: ['cymryd fy ffôn'] } }, { 'if-match': etag })));
    const session = await startSession(stack, 'northvale', { code: nvCode('parents-carers') });
    expect((await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'tell-us-more': { couldBeBetter: 'He took my phone so I cannot call anyone' } }))).showHelp).toBe(true);
    const raised = (await alertsOf(nv('qa'))).find((a) => a.responseId === session.responseId)!;
    expect(raised.reasons[0]).toMatchObject({ kind: 'worrying-words', phrase: 'took my phone' });
  });

  it('carries the case a single-use code was given for, whatever the anonymity, and reaches that team’s manager', async () => {
    const code = await issueCode(stack, nv('practitioner'), nvActivity('ages-11-18'), { kind: 'single-use', caseRef: 'NV-00005' });
    const session = await startSession(stack, 'northvale', { code: code.code });
    await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'feeling-safe': { feelSafe: 'no' } }));
    const raised = (await alertsOf(nv('manager'))).find((a) => a.responseId === session.responseId)!;
    expect(raised).toMatchObject({ caseRef: 'NV-00005', teamId: 'child-in-need', codeId: code.id });
    expect((await mailFor(raised.id))[0]!.text).toContain('case NV-00005');
  });

  it('is not stored when the honeypot is filled, so no alert is raised', async () => {
    const session = await startSession(stack, 'northvale', { code: nvCode('ages-8-10') });
    expect((await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'how-things-are': { feelSafe: 'no' } }, { website: 'x' }))).showHelp).toBe(false);
    expect((await alertsOf(nv('qa'))).some((a) => a.responseId === session.responseId)).toBe(false);
  });
});

describe('the alerts staff read', () => {
  it('include the demo alert, with the response as it stands and its case', async () => {
    const demo = (await alertsOf(nv('qa'))).find((a) => a.caseRef === 'NV-00002')!;
    const detail = await expectJson<SafetyAlertDetail>(await alert(nv('senior'), demo.id));
    expect(detail).toMatchObject({ activityId: nvActivity('ages-11-18'), response: { state: 'submitted', templateId: 'feedback-ages-11-18', answers: { 'feeling-safe': { feelSafe: 'no' } } } });
  });

  it('are for QA officers, senior managers and team managers (their teams’ only)', async () => {
    const anonymous = (await alertsOf(nv('qa'))).find((a) => a.teamId === undefined)!;
    expect((await alertsOf(nv('manager'))).every((a) => a.teamId === 'child-in-need')).toBe(true);
    await expectProblem(await alert(nv('manager'), anonymous.id), 404);
    for (const role of ['practitioner', 'student', 'admin'] as const) {
      await expectProblem(await stack.api(nv(role), '/v1/alerts'), 403);
      await expectProblem(await alert(nv(role), anonymous.id), 403);
    }
    await expectProblem(await alert(nv('qa'), 'NOSUCHALERT01'), 404);
    await expectProblem(await alert(nv('qa'), 'bad#id'), 400);
  });

  it('record what staff did, move to in hand and closed, and log each change', async () => {
    const activity = await newActivity(stack, nv('qa'));
    const code = await issueCode(stack, nv('qa'), activity.id, { kind: 'shared' });
    const session = await startSession(stack, 'northvale', { code: code.code });
    await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'feeling-safe': { feelSafe: 'no' } }));
    const id = session.responseId;
    const first = await stack.api(nv('senior'), `/v1/alerts/${id}/actions`, jsonInit('POST', { note: 'Called the school’s safeguarding lead; a welfare visit is arranged for today.' }));
    expect(await expectJson<SafetyAlert>(first, 201)).toMatchObject({ status: 'in-hand', version: 2, actions: [{ byId: 'nv-senior', status: 'in-hand' }] });
    expect(first.headers.get('etag')).toBe('"2"');
    await expectJson(await stack.api(nv('qa'), `/v1/alerts/${id}/actions`, jsonInit('POST', { note: 'Visit done; child safe; referral made to MASH.', status: 'closed' })), 201);
    expect((await alertsOf(nv('qa'))).some((a) => a.id === id)).toBe(false);
    const closed = (await alertsOf(nv('qa'), 'closed')).find((a) => a.id === id)!;
    expect(closed).toMatchObject({ status: 'closed', version: 3 });
    const detail = await expectJson<SafetyAlertDetail>(await alert(nv('qa'), id));
    expect(detail.people).toEqual({ 'nv-senior': 'Sarah Lindqvist', 'nv-qa': 'Quinn Adeyemi' });
    const log = (await expectJson<{ items: { entity: string; entityId: string; action: string; versionAfter: number; changes: string[]; actor: { id: string } }[] }>(await stack.api(nv('qa'), '/v1/activity?limit=100'))).items.filter((e) => e.entityId === id);
    expect(log.map((e) => [e.action, e.versionAfter, e.actor.id]).sort()).toEqual([
      ['created', 1, 'have-your-say'],
      ['updated', 2, 'nv-senior'],
      ['updated', 3, 'nv-qa'],
    ]);
    expect(JSON.stringify(log)).not.toContain('MASH');
  });

  it('refuse a bad action and write nothing', async () => {
    const demo = (await alertsOf(nv('qa'))).find((a) => a.caseRef === 'NV-00002')!;
    for (const body of [{ note: '' }, { note: 'x'.repeat(2001) }, { note: 'ok', status: 'new' }, { note: 'ok', tenantId: NORTHVALE.id }]) {
      await expectProblem(await stack.api(nv('qa'), `/v1/alerts/${demo.id}/actions`, jsonInit('POST', body)), 400);
    }
    expect((await expectJson<SafetyAlert>(await alert(nv('qa'), demo.id))).version).toBe(demo.version);
  });
});
