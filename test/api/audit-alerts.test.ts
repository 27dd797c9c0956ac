/**
 * A safeguarding concern flagged in an audit is an alert on the Alerts list beside the
 * have-your-say ones, acknowledged by a team manager or QA within the authority's set hours;
 * the escalation job emails the senior managers about each one nobody acknowledged, once,
 * and the service dashboard counts those still waiting.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAuditAlert, type AlertPage, type AuditAlert, type SafetyAlertDetail } from '@waypoint/shared/engagement/alert-schemas';
import type { ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import { clock } from '@waypoint/shared/time/clock';
import { escalateUnacknowledgedAlerts } from '@waypoint/functions/jobs/alert-escalation-job';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { outbox, patchAudit, planAudit } from './audits-support.ts';
import { CASE_TYPES } from '@waypoint/shared/cases/case-schemas';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => clock.set(undefined));

const HOUR = 3_600_000;

async function flaggedAudit(caseRef = 'NV-00003') {
  const planned = await planAudit(stack, { caseRef });
  const flagged = await patchAudit(stack, planned, { answers: { 'help-and-protection': { safeguardingConcern: true, safeguardingDetail: 'New disclosure at school.' } } });
  return flagged.audit;
}
const openAlerts = async (email: string) => (await expectJson<AlertPage>(await stack.api(email, '/v1/alerts?status=open&limit=100'))).items;
const alertOf = async (auditId: string) => (await openAlerts(nv('qa'))).find((a): a is AuditAlert => isAuditAlert(a) && a.auditId === auditId);
const acknowledge = (email: string, id: string) => stack.api(email, `/v1/alerts/${id}/acknowledgement`, { method: 'POST' });
const escalatedMail = async (id: string) => (await outbox(stack)).filter((m) => m.subject.startsWith('Safeguarding concern not acknowledged') && m.text.includes(`/alerts/${id}`));
const overdueOnDashboard = async (caseType?: string) => (await expectJson<ServiceView>(await stack.api(nv('senior'), `/v1/dashboards/service?period=month${caseType ? `&caseType=${caseType}` : ''}`))).safeguardingOverdue;

describe('a safeguarding concern from an audit', () => {
  it('is on the Alerts list, marked as from an audit, for the team’s manager and QA, to acknowledge within 24 hours', async () => {
    const audit = await flaggedAudit();
    const alert = (await alertOf(audit.id))!;
    expect(alert).toMatchObject({ id: `audit-${audit.id}`, source: 'audit', caseRef: 'NV-00003', status: 'new', sections: [{ id: 'help-and-protection', title: '2. Help and protection' }] });
    expect(Date.parse(alert.acknowledgeBy) - Date.parse(alert.raisedAt)).toBe(24 * HOUR);
    expect((await openAlerts(nv('manager'))).some((a) => a.id === alert.id)).toBe(true);
    const detail = await expectJson<SafetyAlertDetail>(await stack.api(nv('manager'), `/v1/alerts/${alert.id}`));
    expect(detail).toMatchObject({ source: 'audit', response: null });
    await expectProblem(await stack.api(nv('practitioner'), '/v1/alerts'), 403);
  });

  it('is raised once however often the audit is saved', async () => {
    const audit = await flaggedAudit();
    const again = await readVersioned(stack, nv('manager'), `/v1/audits/${audit.id}`);
    await expectJson(await stack.api(nv('manager'), `/v1/audits/${audit.id}`, jsonInit('PATCH', { answers: { 'help-and-protection': { safeguardingDetail: 'Strategy discussion asked for.' } } }, { 'if-match': again.etag })));
    expect((await openAlerts(nv('qa'))).filter((a) => isAuditAlert(a) && a.auditId === audit.id)).toHaveLength(1);
  });

  it('is acknowledged by the team manager (a new alert is then in hand); again changes nothing; a senior manager may not', async () => {
    const alert = (await alertOf((await flaggedAudit()).id))!;
    await expectProblem(await acknowledge(nv('senior'), alert.id), 403);
    await expectProblem(await acknowledge(nv('practitioner'), alert.id), 403);
    const done = await expectJson<AuditAlert>(await acknowledge(nv('manager'), alert.id));
    expect(done).toMatchObject({ status: 'in-hand', acknowledgedById: 'nv-manager', version: alert.version + 1 });
    const again = await expectJson<AuditAlert>(await acknowledge(nv('qa'), alert.id));
    expect(again).toMatchObject({ acknowledgedById: 'nv-manager', version: done.version });
  });

  it('is the only kind acknowledged: a have-your-say alert is a 409', async () => {
    const other = (await openAlerts(nv('qa'))).find((a) => !isAuditAlert(a));
    expect(other).toBeDefined();
    await expectProblem(await acknowledge(nv('qa'), other!.id), 409);
  });

  it('goes to the senior managers by email once nobody has acknowledged it in time, once however often the job runs, and shows on the dashboard until acknowledged', async () => {
    const alert = (await alertOf((await flaggedAudit()).id))!;
    const before = (await overdueOnDashboard()) ?? 0;
    clock.set(new Date(Date.parse(alert.acknowledgeBy) - 60_000));
    await escalateUnacknowledgedAlerts(stack.jobDependencies);
    expect(await escalatedMail(alert.id)).toEqual([]);

    clock.set(new Date(Date.parse(alert.acknowledgeBy) + 60_000));
    const escalatedNow = (await escalateUnacknowledgedAlerts(stack.jobDependencies)).escalated ?? 0;
    expect(escalatedNow).toBeGreaterThanOrEqual(1);
    const mail = await escalatedMail(alert.id);
    expect(mail.map((m) => m.to)).toEqual(['senior@northvale.example']);
    expect(mail[0]!.text).toContain('NV-00003');
    const again = await escalateUnacknowledgedAlerts(stack.jobDependencies);
    expect(again.escalated).toBe(0);
    expect(await escalatedMail(alert.id)).toHaveLength(1);
    clock.set(undefined);

    const escalated = (await alertOf(alert.auditId))!;
    expect(escalated.escalatedAt).toBeDefined();
    // Every concern of this file nobody acknowledged went at the same run, each counted once.
    expect(await overdueOnDashboard()).toBe(before + escalatedNow);
    // The case type filter narrows it as it narrows every other figure: to the audited case's type.
    const caseType = escalated.caseType!;
    const otherType = CASE_TYPES.find((t) => t !== caseType)!;
    const [ofType, ofOther] = [(await overdueOnDashboard(caseType)) ?? 0, (await overdueOnDashboard(otherType)) ?? 0];
    expect(ofType).toBeGreaterThanOrEqual(1);
    expect(ofType).toBeLessThanOrEqual(before + escalatedNow);
    await expectJson(await acknowledge(nv('qa'), alert.id));
    expect(await overdueOnDashboard()).toBe(before + escalatedNow - 1);
    expect((await overdueOnDashboard(caseType)) ?? 0).toBe(ofType - 1);
    expect((await overdueOnDashboard(otherType)) ?? 0).toBe(ofOther);
  });

  it('takes the authority’s set hours for acknowledging', async () => {
    const settings = await readVersioned<{ safeguardingAcknowledgeHours: number }>(stack, nv('admin'), '/v1/settings');
    expect(settings.body.safeguardingAcknowledgeHours).toBe(24);
    await expectProblem(await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { safeguardingAcknowledgeHours: 0 }, { 'if-match': settings.etag })), 400);
    await expectJson(await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { safeguardingAcknowledgeHours: 4 }, { 'if-match': settings.etag })));
    const alert = (await alertOf((await flaggedAudit('NV-00004')).id))!;
    expect(Date.parse(alert.acknowledgeBy) - Date.parse(alert.raisedAt)).toBe(4 * HOUR);
  });
});
