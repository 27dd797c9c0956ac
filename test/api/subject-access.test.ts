/**
 * Subject access exports over HTTP: what a case's ZIP holds (every audit, answer, reflection,
 * action and journey event that names it, and never an engagement response, even one sent
 * through a code linked to the case), a member of staff's, who may make one, and the activity
 * log's record of who made it and why.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStreamLimitBytes } from '@waypoint/functions/subject-access/export-delivery';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { completedAudit, todayInLondon } from './audits-support.ts';
import { issueCode, saveAnswers, savedOk, startSession, submit } from './engagement-support.ts';
import { NORTHVALE } from './api-client.ts';

let stack: TestStack;
let auditId: string;
let responseId: string;
let surveyId: string;

const REFLECTION = 'I will record the child’s own words after every visit';
const JOURNEY_NOTE = 'Strategy discussion held with police and health';
const COMMENT = 'My worker never rings me back when I leave a message';
const REASON = 'Request SAR-2026-114 from the child’s mother';

beforeAll(async () => {
  stack = await startStack();
  const audit = await completedAudit(stack);
  auditId = audit.audit.id;
  await expectJson(await stack.api(nv('practitioner'), `/v1/audits/${auditId}/reflections`, jsonInit('POST', { text: REFLECTION })), 201);
  await expectJson(await stack.api(nv('manager'), '/v1/cases/NV-00005/journey', jsonInit('POST', { type: 'strategy-discussion', date: '2026-01-10', note: JOURNEY_NOTE })), 201);
  // A response through a single-use code linked to the case: anonymous, so never in its export.
  surveyId = await activityId();
  const code = await issueCode(stack, nv('practitioner'), surveyId, { kind: 'single-use', caseRef: 'NV-00005' });
  const session = await startSession(stack, NORTHVALE.slug, { code: code.code });
  await savedOk(await saveAnswers(stack, NORTHVALE.slug, session.token, { 'my-worker': { workerListens: 'partly' }, 'tell-us-more': { couldBeBetter: COMMENT } }));
  expect((await savedOk(await submit(stack, NORTHVALE.slug, session.token))).state).toBe('submitted');
  responseId = session.responseId;
});
afterAll(async () => {
  await stack?.stop();
});

async function activityId(): Promise<string> {
  const created = await expectJson<{ id: string }>(
    await stack.api(nv('qa'), '/v1/engagement/activities', jsonInit('POST', { type: 'survey', title: 'Case-linked survey', audience: 'ages-11-18', templateId: 'feedback-ages-11-18', opensOn: todayInLondon() })),
    201,
  );
  return created.id;
}

async function unzip(response: Response): Promise<Record<string, string>> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const exportCase = (email: string, ref: string, body: unknown = { reason: REASON }) => stack.api(email, `/v1/cases/${ref}/subject-access-export`, jsonInit('POST', body));
const exportStaff = (email: string, id: string, body: unknown = { reason: REASON }) => stack.api(email, `/v1/users/${id}/subject-access-export`, jsonInit('POST', body));

interface ActivityPage {
  items: { actor: { id: string }; entity: string; entityId: string; subject: string | null; reason?: string }[];
}
const exportsLogged = async () => (await expectJson<ActivityPage>(await stack.api(nv('admin'), '/v1/activity?limit=100'))).items.filter((e) => e.entity === 'subject-access-export');

describe('a case’s subject access export', () => {
  it('holds the case, its audit with every answer, the reflection, the journey and the actions, in HTML and JSON', async () => {
    const response = await exportCase(nv('qa'), 'NV-00005');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="case-NV-00005-records-\d{4}-\d{2}-\d{2}\.zip"$/);
    const files = await unzip(response);
    expect(Object.keys(files).sort()).toEqual(['records.json', 'report.html']);
    const records = JSON.parse(files['records.json']!);
    expect(records.case.ref).toBe('NV-00005');
    expect(records.export).toMatchObject({ subject: { case: 'NV-00005' }, madeBy: 'nv-qa', reason: REASON });
    const audit = records.audits.find((p: { audit: { id: string } }) => p.audit.id === auditId);
    expect(audit.audit.state).toBe('completed');
    expect(Object.keys(audit.audit.answers).length).toBeGreaterThan(3);
    expect(audit.reflections.map((r: { text: string }) => r.text)).toContain(REFLECTION);
    expect(records.journey.map((e: { note?: string }) => e.note)).toContain(JOURNEY_NOTE);
    expect(records.audits.every((p: { audit: { caseRef: string } }) => p.audit.caseRef === 'NV-00005')).toBe(true);
    const html = files['report.html']!;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<title>Records about case NV-00005');
    expect(html).toContain('I will record the child’s own words after every visit');
    expect(html).toContain(JOURNEY_NOTE);
    expect(html).toContain('Request SAR-2026-114 from the child’s mother');
    // Questions by their wording, not their ids.
    expect(html).toMatch(/<caption>Answers: [^<]+<\/caption>/);
    expect(html).not.toMatch(/<script/i);
  });

  it('never holds an engagement response, even one sent through a code linked to the case', async () => {
    const files = await unzip(await exportCase(nv('senior'), 'nv-00005'));
    for (const content of Object.values(files)) {
      expect(content).not.toContain(COMMENT);
      expect(content).not.toContain(responseId);
      expect(content).not.toContain('couldBeBetter');
    }
    // The response is really there, for the people who read comments: the absence above is the export's doing.
    const comments = await expectJson(await stack.api(nv('qa'), `/v1/engagement/activities/${surveyId}/comments`));
    expect(JSON.stringify(comments)).toContain(COMMENT);
  });

  it('is recorded in the activity log with who made it and why', async () => {
    const before = (await exportsLogged()).length;
    await unzip(await exportCase(nv('qa'), 'NV-00005', { reason: 'Second copy for the complaints team' }));
    const logged = await exportsLogged();
    expect(logged.length).toBe(before + 1);
    expect(logged[0]).toMatchObject({ actor: { id: 'nv-qa' }, entityId: 'case.NV-00005', subject: 'the records about case NV-00005', reason: 'Second copy for the complaints team' });
  });

  it('needs a reason, and writes nothing without one', async () => {
    const before = (await exportsLogged()).length;
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }, { reason: 'ok', tenantId: NORTHVALE.id }]) {
      const problem = await expectProblem(await exportCase(nv('qa'), 'NV-00005', body), 400);
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
    expect((await exportsLogged()).length).toBe(before);
  });

  it('goes by storage when it is big: a short-lived link to the ZIP under the authority’s exports', async () => {
    setStreamLimitBytes(1);
    try {
      const stored = await expectJson<{ downloadUrl: string; expiresAt: string; filename: string }>(await exportCase(nv('qa'), 'NV-00005'), 201);
      expect(stored.filename).toMatch(/^case-NV-00005-records-/);
      expect(Date.parse(stored.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
      expect(new URL(stored.downloadUrl).pathname).toContain(`/tenants/${NORTHVALE.id}/exports/subject-access/`);
      const download = await fetch(stored.downloadUrl);
      expect(download.headers.get('content-disposition')).toContain('case-NV-00005-records-');
      const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
      expect(JSON.parse(strFromU8(files['records.json']!)).case.ref).toBe('NV-00005');
    } finally {
      setStreamLimitBytes(4 * 1024 * 1024);
    }
  });

  it('is made only by QA officers and senior managers', async () => {
    for (const role of ['student', 'practitioner', 'manager', 'admin'] as const) await expectProblem(await exportCase(nv(role), 'NV-00005'), 403);
    await expectProblem(await exportCase(nv('qa'), 'NV-99999'), 404);
  });
});

describe('a member of staff’s subject access export', () => {
  it('holds their record, the audits they took part in, their reflections, learning record and activity', async () => {
    const response = await exportStaff(nv('qa'), 'nv-practitioner');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="staff-nv-practitioner-records-/);
    const files = await unzip(response);
    const records = JSON.parse(files['records.json']!);
    expect(records.person).toMatchObject({ id: 'nv-practitioner', email: 'practitioner@northvale.example' });
    expect(records.audits.map((p: { audit: { id: string } }) => p.audit.id)).toContain(auditId);
    expect(records.reflections.map((r: { text: string }) => r.text)).toContain(REFLECTION);
    expect(records.learning.practitioner.id).toBe('nv-practitioner');
    expect(records.activity.every((a: { actorId: string }) => a.actorId === 'nv-practitioner')).toBe(true);
    expect(records.activity.some((a: { entity: string }) => a.entity === 'reflection')).toBe(true);
    expect(files['report.html']).toContain('<title>Records about ');
    expect(files['report.html']).toContain(REFLECTION);
    const logged = await exportsLogged();
    expect(logged[0]).toMatchObject({ actor: { id: 'nv-qa' }, entityId: 'staff.nv-practitioner', reason: REASON });
    expect(logged[0]!.subject).toMatch(/^the records about /);
  });

  it('is refused to other roles, and unknown people are a 404', async () => {
    for (const role of ['practitioner', 'manager', 'admin'] as const) await expectProblem(await exportStaff(nv(role), 'nv-practitioner'), 403);
    await expectProblem(await exportStaff(nv('qa'), 'nv-nobody'), 404);
    await expectProblem(await exportStaff(nv('qa'), 'nv-practitioner', { reason: '' }), 400);
  });
});

describe('legal hold on a case', () => {
  it('is set only by QA officers and senior managers, and closing a case records the day', async () => {
    const { etag } = await readVersioned(stack, nv('manager'), '/v1/cases/NV-00006');
    await expectProblem(await stack.api(nv('manager'), '/v1/cases/NV-00006', jsonInit('PATCH', { legalHold: true }, { 'if-match': etag })), 403);
    const held = await expectJson<{ legalHold: boolean }>(await stack.api(nv('qa'), '/v1/cases/NV-00006', jsonInit('PATCH', { legalHold: true }, { 'if-match': etag })));
    expect(held.legalHold).toBe(true);
    const current = await readVersioned(stack, nv('manager'), '/v1/cases/NV-00006');
    const closed = await expectJson<{ status: string; closedOn?: string }>(await stack.api(nv('manager'), '/v1/cases/NV-00006', jsonInit('PATCH', { status: 'closed' }, { 'if-match': current.etag })));
    expect(closed).toMatchObject({ status: 'closed', closedOn: todayInLondon() });
    const again = await readVersioned(stack, nv('manager'), '/v1/cases/NV-00006');
    const reopened = await expectJson<{ status: string; closedOn?: string }>(await stack.api(nv('manager'), '/v1/cases/NV-00006', jsonInit('PATCH', { status: 'open' }, { 'if-match': again.etag })));
    expect(reopened.status).toBe('open');
    expect(reopened).not.toHaveProperty('closedOn');
  });
});
