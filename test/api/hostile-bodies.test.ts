/**
 * Every route that reads a JSON body refuses one that is not an object (`[]`, `null`,
 * `"x"`, `1`) with 400 problem+json and writes nothing. The routes are read from the app
 * itself, so a new body-taking route without a case here fails the first test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@waypoint/functions/api/app';
import { COMPLIANCE_ITEMS } from '@waypoint/shared/compliance/compliance-checklist';
import { alertResponseId } from '@waypoint/functions/local/seed/demo-engagement';
import { clock, londonMonth } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { raiseAction } from './actions-support.ts';
import { expectJson, expectProblem, jsonInit, nv, NORTHVALE, OPERATOR_EMAIL } from './api-client.ts';
import { completedAudit, JOURNEY, planAudit, todayInLondon } from './audits-support.ts';
import { bearer, nvActivity, nvCode, startSession } from './engagement-support.ts';
import { uploadAndCheck } from './imports-support.ts';

let stack: TestStack;

/** A body-taking route: who calls it, at which address, and where its version can be read back. */
interface BodyRoute {
  email: string;
  path: string;
  /** The item the route changes, read for its ETag before and compared after. */
  versioned?: string;
  headers?: Record<string, string>;
}

/** Routes that take no body at all: whatever is sent is never read. */
const BODILESS = new Set([
  'POST /v1/alerts/:id/acknowledgement',
  'POST /v1/actions/:id/start',
  'POST /v1/audits/:id/complete',
  'POST /v1/engagement/activities/:id/codes/:codeId/revoke',
  'POST /v1/programmes/:month/samples/:managerId/accept',
  'POST /v1/users/:id/invitation',
  'POST /v1/imports/:id/upload',
  'POST /v1/imports/:id/uploaded',
  'POST /v1/imports/:id/accept',
  'POST /v1/imports/:id/cancel',
  'POST /v1/actions/:id/files/:fileId/confirm',
  'POST /v1/audits/:id/sections/:sectionId/files/:fileId/confirm',
  'POST /v1/audits/:id/reflections/:reflectionId/files/:fileId/confirm',
  'POST /v1/data-exports',
  'POST /v1/platform/tenants/:id/exports',
]);

const NOT_OBJECTS = ['[]', 'null', '"x"', '1'];

let routes: Record<string, BodyRoute>;

beforeAll(async () => {
  stack = await startStack();
  const planned = await planAudit(stack, { caseRef: 'NV-00004' });
  const completed = await completedAudit(stack, { caseRef: 'NV-00003' });
  const action = await raiseAction(stack, { auditId: completed.audit.id, dueDate: todayInLondon() });
  // An audit of the practitioner's case with their disagreement on one grade, for the view and the reply.
  const viewed = await completedAudit(stack, { caseRef: 'NV-00001' });
  await expectJson(await stack.api(nv('practitioner'), `/v1/audits/${viewed.audit.id}/grade-views/assessment`, jsonInit('PUT', { agrees: false, reason: 'Too harsh' })));
  const journey = await expectJson<{ events: { id: string }[] }>(await stack.api(nv('manager'), '/v1/cases/NV-00041/journey', jsonInit('POST', { type: 'referral', date: todayInLondon() })), 201);
  const month = londonMonth(clock.now());
  // The demo data may already hold this month's proposal, which proposing again shows (200).
  expect((await stack.api(nv('manager'), `/v1/programmes/${month}/samples`, jsonInit('POST', {}))).status).toBeLessThan(300);
  const session = await startSession(stack, NORTHVALE.slug, { code: nvCode('ages-11-18') });
  const activity = nvActivity('ages-11-18');
  const check = await expectJson<{ id: string }>(await stack.api(nv('qa'), '/v1/compliance/checks', jsonInit('POST', { month, caseRef: 'NV-00007', answers: Object.fromEntries(COMPLIANCE_ITEMS.map((item) => [item, 'yes'])) })), 201);
  const { items: comments } = await expectJson<{ items: { responseId: string }[] }>(await stack.api(nv('qa'), `/v1/engagement/activities/${activity}/comments`));
  const a = (id: string) => `/v1/audits/${id}`;
  const reflection = await expectJson<{ id: string }>(await stack.api(nv('practitioner'), `${a(viewed.audit.id)}/reflections`, jsonInit('POST', { text: 'A reflection with files' })), 201);
  const sectionFiles = `${a(planned.audit.id)}/sections/${JOURNEY.sections[0]!.id}/files`;
  const reflectionFiles = `${a(viewed.audit.id)}/reflections/${reflection.id}/files`;
  // The demo's request waiting for `practitioner@`.
  const sh = '/v1/shadowing/nv-shadowing-5';
  const staff = (email: string, path: string, versioned?: string): BodyRoute => ({ email, path, versioned });
  const review = await expectJson<{ id: string }>(await stack.api(nv('qa'), '/v1/reviews', jsonInit('POST', { title: 'Hostile bodies', question: 'Q', scope: 'S', casesDueBy: todayInLondon() })), 201);
  const rv = `/v1/reviews/${review.id}`;
  const imported = await uploadAndCheck(stack, nv('qa'), { kind: 'cases', source: 'mosaic', format: 'csv' }, 'PERSON_ID,TEAM_NAME,CASE_TYPE\nHB-1,Assessment,CIN\n');
  routes = {
    'POST /v1/imports': staff(nv('qa'), '/v1/imports'),
    'PUT /v1/imports/:id/mapping': staff(nv('qa'), `/v1/imports/${imported.id}/mapping`),
    'PATCH /v1/audits/:id': staff(nv('manager'), a(planned.audit.id), a(planned.audit.id)),
    'PATCH /v1/cases/:ref': staff(nv('qa'), '/v1/cases/NV-00001', '/v1/cases/NV-00001'),
    'PATCH /v1/cases/:ref/journey/events/:eventId': staff(nv('manager'), `/v1/cases/NV-00041/journey/events/${journey.events[0]!.id}`, '/v1/cases/NV-00041/journey'),
    'PATCH /v1/engagement/activities/:id': staff(nv('qa'), `/v1/engagement/activities/${activity}`, `/v1/engagement/activities/${activity}`),
    'PATCH /v1/settings': staff(nv('admin'), '/v1/settings', '/v1/settings'),
    'PUT /v1/identity-provider': staff(nv('admin'), '/v1/identity-provider'),
    'POST /v1/sign-in/discovery': { email: '', path: '/v1/sign-in/discovery' },
    'PATCH /v1/teams/:id': staff(nv('admin'), '/v1/teams/assessment', '/v1/teams/assessment'),
    'PATCH /v1/users/:id': staff(nv('admin'), '/v1/users/nv-student', '/v1/users/nv-student'),
    'POST /v1/actions': staff(nv('manager'), '/v1/actions'),
    'POST /v1/audits/:id/sections/:sectionId/files': staff(nv('manager'), sectionFiles, sectionFiles),
    'POST /v1/audits/:id/reflections/:reflectionId/files': staff(nv('practitioner'), reflectionFiles, reflectionFiles),
    'POST /v1/actions/:id/files': staff(nv('practitioner'), `/v1/actions/${action.action.id}/files`, `/v1/actions/${action.action.id}/files`),
    // Signing a form writes nothing; the file list is what a stray write would change.
    'POST /v1/audits/:id/sections/:sectionId/files/upload-form': staff(nv('manager'), `${sectionFiles}/upload-form`, sectionFiles),
    'POST /v1/audits/:id/reflections/:reflectionId/files/upload-form': staff(nv('practitioner'), `${reflectionFiles}/upload-form`, reflectionFiles),
    'POST /v1/actions/:id/files/upload-form': staff(nv('practitioner'), `/v1/actions/${action.action.id}/files/upload-form`, `/v1/actions/${action.action.id}/files`),
    'POST /v1/actions/:id/cancel': staff(nv('manager'), `/v1/actions/${action.action.id}/cancel`, `/v1/actions/${action.action.id}`),
    'POST /v1/actions/:id/complete': staff(nv('practitioner'), `/v1/actions/${action.action.id}/complete`, `/v1/actions/${action.action.id}`),
    'POST /v1/actions/:id/reopen': staff(nv('manager'), `/v1/actions/${action.action.id}/reopen`, `/v1/actions/${action.action.id}`),
    'POST /v1/actions/:id/verify': staff(nv('manager'), `/v1/actions/${action.action.id}/verify`, `/v1/actions/${action.action.id}`),
    'PUT /v1/actions/:id/impact': staff(nv('manager'), `/v1/actions/${action.action.id}/impact`, `/v1/actions/${action.action.id}`),
    'POST /v1/alerts/:id/actions': staff(nv('qa'), `/v1/alerts/${alertResponseId(NORTHVALE)}/actions`, `/v1/alerts/${alertResponseId(NORTHVALE)}`),
    'POST /v1/audits': staff(nv('manager'), '/v1/audits'),
    'POST /v1/audits/:id/cancel': staff(nv('manager'), `${a(planned.audit.id)}/cancel`, a(planned.audit.id)),
    'POST /v1/audits/:id/reflections': staff(nv('practitioner'), `${a(planned.audit.id)}/reflections`),
    'PUT /v1/audits/:id/grade-views/:sectionId': staff(nv('practitioner'), `${a(viewed.audit.id)}/grade-views/assessment`, `${a(viewed.audit.id)}/grade-views`),
    'PUT /v1/audits/:id/grade-views/:sectionId/:personId/reply': staff(nv('qa'), `${a(viewed.audit.id)}/grade-views/assessment/nv-practitioner/reply`, `${a(viewed.audit.id)}/grade-views`),
    'POST /v1/audits/:id/reopen': staff(nv('qa'), `${a(completed.audit.id)}/reopen`, a(completed.audit.id)),
    'PUT /v1/audits/:id/meeting': staff(nv('manager'), `${a(planned.audit.id)}/meeting`, a(planned.audit.id)),
    'PUT /v1/audits/:id/moderation': staff(nv('qa'), `${a(completed.audit.id)}/moderation`),
    'POST /v1/cases': staff(nv('qa'), '/v1/cases'),
    'POST /v1/cases/:ref/journey': staff(nv('manager'), '/v1/cases/NV-00041/journey', '/v1/cases/NV-00041/journey'),
    'POST /v1/engagement/activities': staff(nv('qa'), '/v1/engagement/activities'),
    'POST /v1/engagement/activities/:id/codes': staff(nv('qa'), `/v1/engagement/activities/${activity}/codes`),
    'PUT /v1/engagement/activities/:id/responses/:responseId/themes': staff(nv('qa'), `/v1/engagement/activities/${activity}/responses/${comments[0]!.responseId}/themes`),
    'PUT /v1/engagement/themes': staff(nv('qa'), '/v1/engagement/themes', '/v1/engagement/themes'),
    'POST /v1/engagement/you-said-we-did': staff(nv('qa'), '/v1/engagement/you-said-we-did'),
    'POST /v1/programmes/:month/samples': staff(nv('manager'), `/v1/programmes/${month}/samples`),
    'POST /v1/programmes/:month/samples/:managerId/swap': staff(nv('manager'), `/v1/programmes/${month}/samples/nv-manager/swap`, `/v1/programmes/${month}/samples/nv-manager`),
    'POST /v1/public/:slug/sessions': { email: '', path: `/v1/public/${NORTHVALE.slug}/sessions` },
    'PUT /v1/public/:slug/response/answers': { email: '', path: `/v1/public/${NORTHVALE.slug}/response/answers`, headers: bearer(session.token), versioned: `/v1/public/${NORTHVALE.slug}/response` },
    'POST /v1/public/:slug/response/submit': { email: '', path: `/v1/public/${NORTHVALE.slug}/response/submit`, headers: bearer(session.token), versioned: `/v1/public/${NORTHVALE.slug}/response` },
    'POST /v1/compliance/checks': staff(nv('qa'), '/v1/compliance/checks'),
    'POST /v1/compliance/programmes/:month': staff(nv('qa'), `/v1/compliance/programmes/${month}`, `/v1/compliance/programmes/${month}`),
    'PUT /v1/compliance/checks/:id': staff(nv('qa'), `/v1/compliance/checks/${check.id}`, `/v1/compliance/checks/${check.id}`),
    'POST /v1/shadowing': staff(nv('manager'), '/v1/shadowing'),
    'POST /v1/shadowing/:id/answer': staff(nv('practitioner'), `${sh}/answer`, sh),
    'POST /v1/shadowing/:id/cancel': staff(nv('manager'), `${sh}/cancel`, sh),
    'PUT /v1/shadowing/:id/consent': staff(nv('manager'), `${sh}/consent`, sh),
    'POST /v1/shadowing/:id/consent/withdrawal': staff(nv('manager'), `${sh}/consent/withdrawal`, sh),
    'PUT /v1/shadowing/:id/observation': staff(nv('manager'), `${sh}/observation`, sh),
    'PUT /v1/shadowing/:id/feedback': staff(nv('practitioner'), `${sh}/feedback`, sh),
    'POST /v1/reviews': staff(nv('qa'), '/v1/reviews'),
    'PATCH /v1/reviews/:id': staff(nv('qa'), rv, rv),
    'POST /v1/reviews/:id/cohort': staff(nv('qa'), `${rv}/cohort`, rv),
    'POST /v1/reviews/:id/start': staff(nv('qa'), `${rv}/start`, rv),
    'POST /v1/reviews/:id/recommendations': staff(nv('qa'), `${rv}/recommendations`, rv),
    'POST /v1/reviews/:id/sign-off': staff(nv('senior'), `${rv}/sign-off`, rv),
    'POST /v1/reviews/:id/publish': staff(nv('qa'), `${rv}/publish`, rv),
    'POST /v1/teams': staff(nv('admin'), '/v1/teams'),
    'POST /v1/templates': staff(nv('qa'), '/v1/templates'),
    'POST /v1/templates/:id/versions': staff(nv('qa'), '/v1/templates/journey-of-the-child/versions', '/v1/templates/journey-of-the-child'),
    'POST /v1/users': staff(nv('admin'), '/v1/users'),
    // An export writes only its activity-log entry, so the log is what must stay as it was.
    'POST /v1/cases/:ref/subject-access-export': staff(nv('qa'), '/v1/cases/NV-00003/subject-access-export', '/v1/activity'),
    'POST /v1/users/:id/subject-access-export': staff(nv('qa'), '/v1/users/nv-student/subject-access-export', '/v1/activity'),
    'POST /v1/platform/tenants': staff(OPERATOR_EMAIL, '/v1/platform/tenants'),
    'PATCH /v1/platform/tenants/:id': staff(OPERATOR_EMAIL, `/v1/platform/tenants/${NORTHVALE.id}`, `/v1/platform/tenants/${NORTHVALE.id}`),
  };
});
afterAll(async () => {
  await stack?.stop();
});

/** The current ETag (or, for items without one, the whole body) of what a route changes. */
async function stateOf(route: BodyRoute): Promise<string | undefined> {
  if (!route.versioned) return undefined;
  const response = route.email ? await stack.api(route.email, route.versioned) : await fetch(`${stack.apiUrl}${route.versioned}`, { headers: route.headers });
  const text = await response.text();
  expect(response.status, `${route.versioned}: ${text}`).toBe(200);
  return response.headers.get('etag') ?? text;
}

function send(route: BodyRoute, method: string, body: string, ifMatch: string | undefined): Promise<Response> {
  const headers = { ...route.headers, ...(ifMatch?.startsWith('"') ? { 'if-match': ifMatch } : { 'if-match': '"1"' }) };
  const init = jsonInit(method as 'POST', body, headers);
  return route.email ? stack.api(route.email, route.path, init) : fetch(`${stack.apiUrl}${route.path}`, init);
}

describe('bodies that are not JSON objects', () => {
  it('are covered here for every route that takes a body', () => {
    const app = createApp({} as never);
    const bodyRoutes = [...new Set(app.routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method)).map((r) => `${r.method} ${r.path}`))];
    expect(bodyRoutes.filter((r) => !BODILESS.has(r)).sort()).toEqual(Object.keys(routes).sort());
  });

  it('are refused with 400 problem+json on every route, changing nothing', async () => {
    // One route at a time, its four bodies together: what the route addresses is read before
    // and after them all, so a body that wrote anything still shows as a change.
    for (const [name, route] of Object.entries(routes)) {
      const method = name.split(' ')[0]!;
      const before = await stateOf(route);
      const problems = await Promise.all(NOT_OBJECTS.map(async (body) => ({ body, problem: await expectProblem(await send(route, method, body, before), 400) })));
      for (const { body, problem } of problems) expect(problem.errors, `${name} with ${body}`).toEqual([{ path: '(body)', message: 'Expected a JSON object' }]);
      expect(await stateOf(route), `${name} with ${NOT_OBJECTS.join(', ')} changed what it addresses`).toBe(before);
    }
  });
});
