/**
 * Every Northvale role aimed at Southmoor's views on grades and its safeguarding alerts from
 * audits gets exactly what a missing id gets: 404. Nothing in Southmoor changes and no
 * Southmoor email is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAudits } from '@waypoint/functions/local/seed/demo-audits';
import type { SafetyAlertDetail } from '@waypoint/shared/engagement/alert-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { ROLES, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';

let stack: TestStack;
const SM_AUDIT = demoAudits(SOUTHMOOR, new Date()).audits.find((a) => a.state === 'completed' && a.studentId === 'sm-student' && Object.keys(a.sectionGrades).length > 0)!;
const SECTION = Object.keys(SM_AUDIT.sectionGrades)[0]!;
let alertId: string;
let viewsBefore: unknown;
let alertBefore: SafetyAlertDetail;
let southmoorMail: number;

const mailCount = async () => (await expectJson<{ items: unknown[] }>(await stack.api(sm('qa'), '/v1/dev/outbox?limit=100'))).items.length;

beforeAll(async () => {
  stack = await startStack();
  await expectJson(await stack.api(sm('student'), `/v1/audits/${SM_AUDIT.id}/grade-views/${SECTION}`, jsonInit('PUT', { agrees: false, reason: 'Written in Southmoor' })));
  const planned = await expectJson<{ id: string }>(await stack.api(sm('qa'), '/v1/audits', jsonInit('POST', { caseRef: SM_AUDIT.caseRef, templateId: 'journey-of-the-child' })), 201);
  await expectJson(await stack.api(sm('qa'), `/v1/audits/${planned.id}`, jsonInit('PATCH', { answers: { 'help-and-protection': { safeguardingConcern: true } } }, { 'if-match': '"1"' })));
  alertId = `audit-${planned.id}`;
  viewsBefore = await expectJson(await stack.api(sm('qa'), `/v1/audits/${SM_AUDIT.id}/grade-views`));
  alertBefore = await expectJson<SafetyAlertDetail>(await stack.api(sm('qa'), `/v1/alerts/${alertId}`));
  southmoorMail = await mailCount();
});
afterAll(async () => {
  await stack?.stop();
});

const REQUESTS: { name: string; path: (ids: { audit: string; alert: string }) => string; init?: () => RequestInit }[] = [
  { name: 'GET grade views', path: ({ audit }) => `/v1/audits/${audit}/grade-views` },
  { name: 'PUT grade view', path: ({ audit }) => `/v1/audits/${audit}/grade-views/${SECTION}`, init: () => jsonInit('PUT', { agrees: true }) },
  { name: 'PUT reply', path: ({ audit }) => `/v1/audits/${audit}/grade-views/${SECTION}/sm-student/reply`, init: () => jsonInit('PUT', { text: 'From Northvale' }, { 'if-match': '"1"' }) },
  { name: 'GET alert', path: ({ alert }) => `/v1/alerts/${alert}` },
  { name: 'POST acknowledgement', path: ({ alert }) => `/v1/alerts/${alert}/acknowledgement`, init: () => ({ method: 'POST' }) },
  { name: 'POST alert action', path: ({ alert }) => `/v1/alerts/${alert}/actions`, init: () => jsonInit('POST', { note: 'From Northvale' }) },
];

describe('Southmoor’s views on grades and alerts from audits', () => {
  for (const role of ROLES) {
    it(`are 404 for a Northvale ${role}, exactly as for ids that do not exist (or the role’s usual 403)`, async () => {
      for (const request of REQUESTS) {
        const theirs = await stack.api(nv(role), request.path({ audit: SM_AUDIT.id, alert: alertId }), request.init?.());
        const missing = await stack.api(nv(role), request.path({ audit: 'xx-audit-1', alert: 'audit-xx-audit-1' }), request.init?.());
        // Roles without access to alerts at all are refused before any id is looked at, the same either way.
        expect(theirs.status, `${request.name} as ${role}`).toBe(missing.status);
        expect([403, 404], `${request.name} as ${role}`).toContain(theirs.status);
        const [cross, none] = [await expectProblem(theirs, theirs.status), await expectProblem(missing, missing.status)];
        expect({ ...cross, instance: undefined }, request.name).toEqual({ ...none, instance: undefined });
      }
    });
  }

  it('are unchanged afterwards, and no Southmoor email was sent', async () => {
    expect(await expectJson(await stack.api(sm('qa'), `/v1/audits/${SM_AUDIT.id}/grade-views`))).toEqual(viewsBefore);
    expect(await expectJson<SafetyAlertDetail>(await stack.api(sm('qa'), `/v1/alerts/${alertId}`))).toEqual(alertBefore);
    expect(await mailCount()).toBe(southmoorMail);
  });

  it('never list in Northvale: its alerts and dashboard count only its own', async () => {
    const { items } = await expectJson<{ items: { id: string }[] }>(await stack.api(nv('qa'), '/v1/alerts?limit=100'));
    expect(items.map((a) => a.id)).not.toContain(alertId);
  });
});
