/**
 * Every Northvale role aimed at Southmoor's engagement activities, codes and alerts gets
 * what a missing id gets (404, or 400 where a Southmoor id is named in a body), and the
 * public area never lets one authority's code or session open another's. Nothing in
 * Southmoor changes and no Southmoor email is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertResponseId } from '@waypoint/functions/local/seed/demo-engagement';
import type { ActivityView } from '@waypoint/shared/engagement/activity-schemas';
import type { InvitationCodeView } from '@waypoint/shared/engagement/invitation-codes';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, OPERATOR_EMAIL, ROLES, sm, SOUTHMOOR } from '../api/api-client.ts';
import { bearer, daysFromToday, expectReason, nvActivity, nvCode, publicCall, smActivity, smCode, startSession } from '../api/engagement-support.ts';

let stack: TestStack;
const SM_ACTIVITY = smActivity('ages-11-18');
const SM_CODE_ID = 'sm-code-ages-11-18';
const SM_ALERT = alertResponseId(SOUTHMOOR);
let southmoorBefore: string;

/** What Southmoor looks like to its own QA officer: activities, counts, codes, alerts and mail. */
async function southmoorState(): Promise<string> {
  const activities = (await expectJson<{ items: ActivityView[] }>(await stack.api(sm('qa'), '/v1/engagement/activities?limit=100'))).items;
  const detail = await expectJson(await stack.api(sm('qa'), `/v1/engagement/activities/${SM_ACTIVITY}`));
  const codes = (await expectJson<{ items: InvitationCodeView[] }>(await stack.api(sm('qa'), `/v1/engagement/activities/${SM_ACTIVITY}/codes?limit=100`))).items;
  const alerts = await expectJson(await stack.api(sm('qa'), '/v1/alerts?limit=100'));
  const alert = await expectJson(await stack.api(sm('qa'), `/v1/alerts/${SM_ALERT}`));
  const mail = (await expectJson<{ items: unknown[] }>(await stack.api(sm('qa'), '/v1/dev/outbox?limit=100'))).items.length;
  return JSON.stringify({ activities, detail, codes, alerts, alert, mail });
}

beforeAll(async () => {
  stack = await startStack();
  southmoorBefore = await southmoorState();
});
afterAll(async () => {
  await stack?.stop();
});

const STAFF_ROUTES: { name: string; path: string; init?: () => RequestInit; roles: readonly string[] }[] = [
  { name: 'GET activity', path: `/v1/engagement/activities/${SM_ACTIVITY}`, roles: ['practitioner', 'manager', 'qa', 'senior'] },
  { name: 'PATCH activity', path: `/v1/engagement/activities/${SM_ACTIVITY}`, init: () => jsonInit('PATCH', { title: 'Northvale was here' }, { 'if-match': '"1"' }), roles: ['manager', 'qa', 'senior'] },
  { name: 'PATCH activity translations', path: `/v1/engagement/activities/${SM_ACTIVITY}`, init: () => jsonInit('PATCH', { translations: { ur: { title: 'Northvale was here' } } }, { 'if-match': '"1"' }), roles: ['manager', 'qa', 'senior'] },
  { name: 'GET codes', path: `/v1/engagement/activities/${SM_ACTIVITY}/codes`, roles: ['practitioner', 'manager', 'qa', 'senior'] },
  { name: 'POST code', path: `/v1/engagement/activities/${SM_ACTIVITY}/codes`, init: () => jsonInit('POST', { kind: 'single-use', expiresOn: daysFromToday(3) }), roles: ['practitioner', 'manager', 'qa', 'senior'] },
  { name: 'revoke code', path: `/v1/engagement/activities/${SM_ACTIVITY}/codes/${SM_CODE_ID}/revoke`, init: () => ({ method: 'POST' }), roles: ['practitioner', 'manager', 'qa', 'senior'] },
  { name: 'GET alert', path: `/v1/alerts/${SM_ALERT}`, roles: ['manager', 'qa', 'senior'] },
  { name: 'POST alert action', path: `/v1/alerts/${SM_ALERT}/actions`, init: () => jsonInit('POST', { note: 'Northvale was here', status: 'closed' }), roles: ['manager', 'qa', 'senior'] },
];

describe('staff routes aimed at Southmoor', () => {
  for (const route of STAFF_ROUTES) {
    it(`${route.name}: 404 for every Northvale role that may use the route, 403 for the rest`, async () => {
      for (const role of ROLES) {
        const status = route.roles.includes(role) ? 404 : 403;
        await expectProblem(await stack.api(nv(role), route.path, route.init?.()), status);
      }
      await expectProblem(await stack.api(OPERATOR_EMAIL, route.path, route.init?.()), 403);
    });
  }

  it('lists never show Southmoor’s activities, codes or alerts', async () => {
    const activities = (await expectJson<{ items: ActivityView[] }>(await stack.api(nv('qa'), '/v1/engagement/activities?limit=100'))).items;
    expect(activities.some((a) => a.id.startsWith('sm-'))).toBe(false);
    const alerts = (await expectJson<{ items: { id: string }[] }>(await stack.api(nv('qa'), '/v1/alerts?limit=100'))).items;
    expect(alerts.map((a) => a.id)).not.toContain(SM_ALERT);
    expect((await expectJson<{ items: { id: string }[] }>(await stack.api(nv('qa'), '/v1/alerts?status=closed'))).items.map((a) => a.id)).not.toContain(SM_ALERT);
  });

  it('a Southmoor case named in a Northvale code is a 400, as if it did not exist', async () => {
    const problem = await expectProblem(await stack.api(nv('qa'), `/v1/engagement/activities/${nvActivity('ages-11-18')}/codes`, jsonInit('POST', { kind: 'single-use', expiresOn: daysFromToday(3), caseRef: 'SM-00001' })), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['caseRef']);
  });
});

describe('the public area across authorities', () => {
  it('never opens a session with one authority’s code at another’s address', async () => {
    expectReason(await expectProblem(await publicCall(stack, 'southmoor', '/sessions', jsonInit('POST', { code: nvCode('ages-11-18') })), 404), 'unknown-code');
    expectReason(await expectProblem(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code: smCode('ages-11-18') })), 404), 'unknown-code');
    expectReason(await expectProblem(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { activityId: SM_ACTIVITY })), 404), 'unknown-activity');
  });

  it('never lets a Northvale session read or write at Southmoor’s address', async () => {
    const session = await startSession(stack, 'northvale', { code: nvCode('ages-11-18') });
    const answers = { answers: { 'feeling-safe': { feelSafe: 'no' } } };
    for (const [path, init] of [
      ['/response', { headers: bearer(session.token) }],
      ['/response/answers', jsonInit('PUT', answers, bearer(session.token))],
      ['/response/submit', jsonInit('POST', {}, bearer(session.token))],
    ] as const) {
      expectReason(await expectProblem(await publicCall(stack, 'southmoor', path, init), 401), 'session-expired');
    }
  });

  it('shows each authority only its own public activities', async () => {
    const page = await expectJson<{ name: string; openActivities: { id: string }[] }>(await publicCall(stack, 'southmoor', ''));
    expect(page.name).toBe('Southmoor Borough Council');
    expect(page.openActivities.every((a) => a.id.startsWith('sm-'))).toBe(true);
  });

  it('left everything in Southmoor as it was, and sent Southmoor no email', async () => {
    expect(await southmoorState()).toBe(southmoorBefore);
  });
});
