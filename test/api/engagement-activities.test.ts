/** `/v1/engagement/activities` and their codes over HTTP: who sees and runs what, versions, the activity log, bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityView } from '@waypoint/shared/engagement/activity-schemas';
import type { InvitationCodeView } from '@waypoint/shared/engagement/invitation-codes';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, OPERATOR_EMAIL, readAllPages, readVersioned } from './api-client.ts';
import { daysFromToday, issueCode, newActivity, nvActivity, today } from './engagement-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const activities = (email: string, query = '') => readAllPages<ActivityView>(stack, email, `/v1/engagement/activities${query}`);
const activityLog = async () => (await expectJson<{ items: { entity: string; entityId: string; action: string; changes: string[]; versionAfter: number }[] }>(await stack.api(nv('qa'), '/v1/activity?limit=100'))).items;

describe('reading activities', () => {
  it('shows QA officers and senior managers every demo activity, open, with its pinned form', async () => {
    for (const role of ['qa', 'senior'] as const) {
      const { items } = await activities(nv(role));
      const demo = items.filter((a) => a.id.startsWith('nv-engage-'));
      expect(demo.map((a) => a.audience).sort()).toEqual(['ages-11-18', 'ages-4-7', 'ages-8-10', 'care-leavers', 'parents-carers']);
      for (const a of demo) expect(a).toMatchObject({ state: 'open', templateVersion: 1, type: 'survey' });
    }
  });

  it('shows managers and practitioners their teams’ activities and the authority-wide ones only', async () => {
    for (const role of ['manager', 'practitioner'] as const) {
      const ids = (await activities(nv(role))).items.map((a) => a.id);
      expect(ids).toContain(nvActivity('ages-4-7'));
      expect(ids).not.toContain(nvActivity('care-leavers'));
      await expectProblem(await stack.api(nv(role), `/v1/engagement/activities/${nvActivity('care-leavers')}`), 404);
    }
  });

  it('refuses students, tenant admins and the platform operator', async () => {
    for (const email of [nv('student'), nv('admin'), OPERATOR_EMAIL]) await expectProblem(await stack.api(email, '/v1/engagement/activities'), 403);
  });

  it('reads one activity with its ETag and how many responses were begun and sent', async () => {
    const { body, etag } = await readVersioned<ActivityView & { counts: { started: number; submitted: number } }>(stack, nv('practitioner'), `/v1/engagement/activities/${nvActivity('ages-8-10')}`);
    expect(etag).toBe('"1"');
    expect(body.counts).toEqual({ started: 24, submitted: 22 });
    expect(body).not.toHaveProperty('PK');
  });

  it('filters by state, audience and team, and pages with a cursor that cannot be forged', async () => {
    expect((await activities(nv('qa'), '?audience=care-leavers')).items.map((a) => a.id)).toEqual([nvActivity('care-leavers')]);
    expect((await activities(nv('qa'), '?team=children-looked-after')).items.map((a) => a.id)).toEqual([nvActivity('care-leavers')]);
    expect((await activities(nv('qa'), '?state=scheduled')).items.every((a) => a.state === 'scheduled')).toBe(true);
    const paged = await activities(nv('qa'), '?limit=2');
    expect(paged.pages).toBeGreaterThan(2);
    const forged = Buffer.from(JSON.stringify({ key: { PK: 'TENANT#2b9e4d17-8a3f-4c6b-b1d0-736f75746802#ENGAGEMENT#x', SK: 'ACTIVITY' } })).toString('base64url');
    await expectProblem(await stack.api(nv('qa'), `/v1/engagement/activities?cursor=${forged}`), 400);
  });
});

describe('creating and changing activities', () => {
  it('lets QA create one for the whole authority, pinning the form’s newest version, and logs it', async () => {
    const response = await stack.api(
      nv('qa'),
      '/v1/engagement/activities',
      jsonInit('POST', {
        type: 'consultation',
        title: 'Our new family hubs',
        audience: 'parents-carers',
        templateId: 'feedback-parents-carers',
        opensOn: today(),
        closesOn: daysFromToday(20),
        publicLink: true,
        translations: { cy: { title: 'Ein hybiau teulu newydd' } },
      }),
    );
    const created = await expectJson<ActivityView>(response, 201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/v1/engagement/activities/${created.id}`);
    expect(created).toMatchObject({ templateVersion: 1, formName: 'Have your say (parents and carers)', state: 'open', publicLink: true, createdBy: 'nv-qa', version: 1 });
    expect((await activityLog()).find((e) => e.entityId === created.id)).toMatchObject({ entity: 'engagement-activity', action: 'created', versionAfter: 1 });
  });

  it('lets a manager create one for their own team only', async () => {
    const mine = await newActivity(stack, nv('manager'), { teamId: 'child-in-need' });
    expect(mine.teamId).toBe('child-in-need');
    await expectProblem(await stack.api(nv('manager'), '/v1/engagement/activities', jsonInit('POST', { type: 'event', title: 'x', audience: 'ages-8-10', templateId: 'feedback-ages-8-10', opensOn: today() })), 403);
    await expectProblem(await stack.api(nv('manager'), '/v1/engagement/activities', jsonInit('POST', { type: 'event', title: 'x', audience: 'ages-8-10', templateId: 'feedback-ages-8-10', opensOn: today(), teamId: 'child-protection' })), 403);
    await expectProblem(await stack.api(nv('practitioner'), '/v1/engagement/activities', jsonInit('POST', { type: 'event', title: 'x', audience: 'ages-8-10', templateId: 'feedback-ages-8-10', opensOn: today() })), 403);
  });

  it('refuses bad input with a path per problem and writes nothing', async () => {
    const before = (await activities(nv('qa'))).items.length;
    const cases: [Record<string, unknown>, string[]][] = [
      [{ templateId: 'journey-of-the-child' }, ['templateId']],
      [{ templateId: 'no-such-form' }, ['templateId']],
      [{ teamId: 'no-such-team' }, ['teamId']],
      [{ closesOn: '2020-01-01', opensOn: '2019-01-01' }, ['closesOn']],
      [{ opensOn: '2026-02-30' }, ['opensOn']],
      [{ tenantId: 'x' }, ['tenantId']],
      [{ audience: 'everyone' }, ['audience']],
    ];
    for (const [change, paths] of cases) {
      const body = { type: 'survey', title: 'Bad', audience: 'ages-11-18', templateId: 'feedback-ages-11-18', opensOn: today(), ...change };
      const problem = await expectProblem(await stack.api(nv('qa'), '/v1/engagement/activities', jsonInit('POST', body)), 400);
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(change),
      ).toEqual(paths);
    }
    expect((await activities(nv('qa'))).items.length).toBe(before);
  });

  it('changes with If-Match (428 without, 412 when stale), keeps audience and form, and logs field names only', async () => {
    const activity = await newActivity(stack, nv('qa'));
    const path = `/v1/engagement/activities/${activity.id}`;
    await expectProblem(await stack.api(nv('qa'), path, jsonInit('PATCH', { title: 'Renamed' })), 428);
    const changed = await expectJson<ActivityView>(await stack.api(nv('qa'), path, jsonInit('PATCH', { title: 'Renamed', closesOn: daysFromToday(10), opensOn: daysFromToday(-1) }, { 'if-match': '"1"' })));
    expect(changed).toMatchObject({ title: 'Renamed', version: 2, audience: 'ages-11-18' });
    await expectProblem(await stack.api(nv('qa'), path, jsonInit('PATCH', { title: 'Again' }, { 'if-match': '"1"' })), 412);
    await expectProblem(await stack.api(nv('qa'), path, jsonInit('PATCH', { audience: 'ages-4-7' }, { 'if-match': '"2"' })), 400);
    const cleared = await expectJson<ActivityView>(await stack.api(nv('qa'), path, jsonInit('PATCH', { closesOn: null }, { 'if-match': '"2"' })));
    expect(cleared.closesOn).toBeUndefined();
    const entry = (await activityLog()).find((e) => e.entityId === activity.id && e.versionAfter === 2)!;
    expect(entry.changes).toEqual(['closesOn', 'opensOn', 'title']);
    // The stored entry names the fields, never their values; the subject is the activity's name as it reads now.
    const { subject, ...stored } = entry as typeof entry & { subject: string | null };
    expect(subject).toBe('“Renamed”');
    expect(JSON.stringify(stored)).not.toContain('Renamed');
    // The list follows a new opening date.
    expect((await activities(nv('qa'))).items.find((a) => a.id === activity.id)?.opensOn).toBe(daysFromToday(-1));
  });

  it('lets managers change their own teams’ activities but not the authority’s', async () => {
    const mine = await newActivity(stack, nv('manager'), { teamId: 'child-in-need' });
    await expectJson(await stack.api(nv('manager'), `/v1/engagement/activities/${mine.id}`, jsonInit('PATCH', { title: 'Ours' }, { 'if-match': '"1"' })));
    await expectProblem(await stack.api(nv('manager'), `/v1/engagement/activities/${mine.id}`, jsonInit('PATCH', { teamId: null }, { 'if-match': '"2"' })), 403);
    await expectProblem(await stack.api(nv('manager'), `/v1/engagement/activities/${nvActivity('ages-4-7')}`, jsonInit('PATCH', { title: 'x' }, { 'if-match': '"1"' })), 403);
    await expectProblem(await stack.api(nv('practitioner'), `/v1/engagement/activities/${mine.id}`, jsonInit('PATCH', { title: 'x' }, { 'if-match': '"2"' })), 403);
  });
});

describe('titles and descriptions in other languages', () => {
  const WELSH = { title: 'Arolwg y gwanwyn' };
  const POLISH = { title: 'Ankieta wiosenna', description: 'Pięć krótkich pytań.' };
  const URDU = { title: 'بہار کا سروے', description: 'پانچ مختصر سوالات۔' };
  const read = (id: string) => readVersioned<ActivityView>(stack, nv('qa'), `/v1/engagement/activities/${id}`);
  const patch = (id: string, body: unknown, version: number) => stack.api(nv('qa'), `/v1/engagement/activities/${id}`, jsonInit('PATCH', body, { 'if-match': `"${version}"` }));

  it('saves Polish and Urdu beside Welsh when the whole set is sent, reads them back, and logs the field name only', async () => {
    const activity = await newActivity(stack, nv('qa'), { translations: { cy: WELSH } });
    const saved = await expectJson<ActivityView>(await patch(activity.id, { translations: { cy: WELSH, pl: POLISH, ur: URDU } }, 1));
    expect(saved.translations).toEqual({ cy: WELSH, pl: POLISH, ur: URDU });
    const { body, etag } = await read(activity.id);
    expect(etag).toBe('"2"');
    expect(body.translations).toEqual({ cy: WELSH, pl: POLISH, ur: URDU });
    // A change that leaves translations out keeps every language.
    expect((await expectJson<ActivityView>(await patch(activity.id, { title: 'Spring survey' }, 2))).translations).toEqual({ cy: WELSH, pl: POLISH, ur: URDU });
    const entry = (await activityLog()).find((e) => e.entityId === activity.id && e.versionAfter === 2)!;
    expect(entry.changes).toEqual(['translations']);
    expect(JSON.stringify(entry)).not.toContain('Ankieta');
  });

  it('replaces the set as a whole: a language left out is removed, and {} or null clears them all', async () => {
    const activity = await newActivity(stack, nv('qa'), { translations: { cy: WELSH, pl: POLISH } });
    expect((await expectJson<ActivityView>(await patch(activity.id, { translations: { ur: URDU } }, 1))).translations).toEqual({ ur: URDU });
    expect((await expectJson<ActivityView>(await patch(activity.id, { translations: {} }, 2))).translations).toBeUndefined();
    expect((await read(activity.id)).body).not.toHaveProperty('translations');
    await expectJson(await patch(activity.id, { translations: { easy: { title: 'Tell us about spring' } } }, 3));
    expect((await expectJson<ActivityView>(await patch(activity.id, { translations: null }, 4))).translations).toBeUndefined();
    expect((await read(activity.id)).body).not.toHaveProperty('translations');
  });

  it('refuses a title too long, a description without a title or a language it does not speak, naming each, and writes nothing', async () => {
    const activity = await newActivity(stack, nv('qa'), { translations: { cy: WELSH } });
    const cases: [unknown, string[]][] = [
      [{ cy: WELSH, ur: { title: 'س'.repeat(121) } }, ['translations.ur.title']],
      [{ pl: { title: POLISH.title, description: 'x'.repeat(1001) } }, ['translations.pl.description']],
      [{ pl: { description: POLISH.description } }, ['translations.pl.title']],
      [{ cy: WELSH, fr: { title: 'Enquête de printemps' } }, ['translations.fr']],
      [{ en: { title: 'Spring survey' } }, ['translations.en']],
    ];
    for (const [translations, paths] of cases) {
      const problem = await expectProblem(await patch(activity.id, { translations }, 1), 400);
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(translations),
      ).toEqual(paths);
    }
    const problem = await expectProblem(
      await stack.api(nv('qa'), '/v1/engagement/activities', jsonInit('POST', { type: 'survey', title: 'Bad', audience: 'ages-11-18', templateId: 'feedback-ages-11-18', opensOn: today(), translations: { ur: { title: '' } } })),
      400,
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['translations.ur.title']);
    const { body, etag } = await read(activity.id);
    expect(etag).toBe('"1"');
    expect(body.translations).toEqual({ cy: WELSH });
  });
});

describe('invitation codes', () => {
  it('are issued by QA in either kind, shown as ABCD-EFGH, and logged', async () => {
    const activity = await newActivity(stack, nv('qa'));
    const shared = await issueCode(stack, nv('qa'), activity.id, { kind: 'shared', maxResponses: 40, label: 'Youth forum, 12 March' });
    expect(shared).toMatchObject({ kind: 'shared', maxResponses: 40, status: 'active', sessions: 0, submissions: 0, issuedBy: 'nv-qa' });
    expect(shared.code).toMatch(/^[ABCDEFGHJKMNPQRSTVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTVWXYZ2-9]{4}$/);
    expect((await activityLog()).find((e) => e.entityId === shared.id)).toMatchObject({ entity: 'invitation-code', action: 'created' });
  });

  it('let a practitioner give a single-use code for a case they hold, and nothing else', async () => {
    const activity = nvActivity('ages-11-18');
    const code = await issueCode(stack, nv('practitioner'), activity, { kind: 'single-use', caseRef: 'NV-00001' });
    expect(code).toMatchObject({ kind: 'single-use', caseRef: 'NV-00001', maxResponses: 1 });
    await expectProblem(await stack.api(nv('practitioner'), `/v1/engagement/activities/${activity}/codes`, jsonInit('POST', { kind: 'shared', expiresOn: daysFromToday(5) })), 403);
    const notTheirs = await expectProblem(await stack.api(nv('practitioner'), `/v1/engagement/activities/${activity}/codes`, jsonInit('POST', { kind: 'single-use', expiresOn: daysFromToday(5), caseRef: 'NV-00020' })), 400);
    expect(notTheirs.errors?.map((e) => e.path)).toEqual(['caseRef']);
    for (const email of [nv('student'), nv('admin')]) await expectProblem(await stack.api(email, `/v1/engagement/activities/${activity}/codes`, jsonInit('POST', { kind: 'single-use', expiresOn: daysFromToday(5) })), 403);
  });

  it('never outlast their activity nor start in the past, and a closed activity takes none', async () => {
    const activity = await newActivity(stack, nv('qa'), { closesOn: daysFromToday(3) });
    const path = `/v1/engagement/activities/${activity.id}/codes`;
    for (const expiresOn of [daysFromToday(-1), daysFromToday(4)]) {
      const problem = await expectProblem(await stack.api(nv('qa'), path, jsonInit('POST', { kind: 'shared', expiresOn })), 400);
      expect(problem.errors?.map((e) => e.path)).toEqual(['expiresOn']);
    }
    const closed = await newActivity(stack, nv('qa'), { opensOn: '2025-01-01' });
    await expectJson(await stack.api(nv('qa'), `/v1/engagement/activities/${closed.id}`, jsonInit('PATCH', { closesOn: '2025-02-01' }, { 'if-match': '"1"' })));
    await expectProblem(await stack.api(nv('qa'), `/v1/engagement/activities/${closed.id}/codes`, jsonInit('POST', { kind: 'shared', expiresOn: daysFromToday(1) })), 409);
    expect((await expectJson<{ items: unknown[] }>(await stack.api(nv('qa'), path))).items).toEqual([]);
  });

  it('are listed newest first, practitioners seeing only their own, and never show the response a code opened', async () => {
    const activity = nvActivity('ages-11-18');
    const all = (await readAllPages<InvitationCodeView & { responseId?: string }>(stack, nv('qa'), `/v1/engagement/activities/${activity}/codes?limit=2`)).items;
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining(['nv-code-ages-11-18', 'nv-code-alert']));
    expect(all.find((c) => c.id === 'nv-code-alert')).toMatchObject({ status: 'used', caseRef: 'NV-00002' });
    for (const code of all) expect(code).not.toHaveProperty('responseId');
    const own = (await readAllPages<InvitationCodeView>(stack, nv('practitioner'), `/v1/engagement/activities/${activity}/codes`)).items;
    expect(own.every((c) => c.issuedBy === 'nv-practitioner')).toBe(true);
    expect(own.map((c) => c.id)).toContain('nv-code-alert');
  });

  it('are revoked once by whoever may reach them; practitioners cannot reach others’ codes', async () => {
    const activity = nvActivity('ages-8-10');
    const theirs = await issueCode(stack, nv('qa'), activity, { kind: 'shared' });
    await expectProblem(await stack.api(nv('practitioner'), `/v1/engagement/activities/${activity}/codes/${theirs.id}/revoke`, { method: 'POST' }), 404);
    const own = await issueCode(stack, nv('practitioner'), activity, { kind: 'single-use' });
    const revoked = await expectJson<InvitationCodeView>(await stack.api(nv('practitioner'), `/v1/engagement/activities/${activity}/codes/${own.id}/revoke`, { method: 'POST' }));
    expect(revoked).toMatchObject({ status: 'revoked', revokedBy: 'nv-practitioner', version: 2 });
    const again = await expectJson<InvitationCodeView>(await stack.api(nv('qa'), `/v1/engagement/activities/${activity}/codes/${own.id}/revoke`, { method: 'POST' }));
    expect(again).toMatchObject({ revokedBy: 'nv-practitioner', version: 2 });
    expect(
      (await activityLog())
        .filter((e) => e.entityId === own.id)
        .map((e) => e.action)
        .sort(),
    ).toEqual(['created', 'updated']);
    await expectProblem(await stack.api(nv('qa'), `/v1/engagement/activities/${activity}/codes/no-such-code/revoke`, { method: 'POST' }), 404);
  });
});
