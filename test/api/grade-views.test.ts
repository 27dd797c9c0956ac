/**
 * The case holder's voice: after an audit is completed its case holder and student agree or
 * disagree with each section's grade; a disagreement reaches the auditor and QA, who reply;
 * the views count on the service dashboard, the same as the views counted one by one and
 * after the reconcile job rebuilds the totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { londonMonth } from '@waypoint/shared/time/clock';
import type { AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import type { GradeView } from '@waypoint/shared/audits/grade-view-schemas';
import type { ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import { reconcileTenantTotals } from '@waypoint/functions/totals/totals-reconcile';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, expectJson, expectProblem, jsonInit, nv } from './api-client.ts';
import { completedAudit, messagesAbout, planAudit, type Saved } from './audits-support.ts';
import { contextOf, recounted, storedTotals } from './totals-support.ts';

interface GradeViewsBody {
  auditId: string;
  views: GradeView[];
  version: number;
  people: Record<string, string>;
}

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const view = (email: string, auditId: string, sectionId: string, body: unknown, headers: Record<string, string> = {}) => stack.api(email, `/v1/audits/${auditId}/grade-views/${sectionId}`, jsonInit('PUT', body, headers));
const reply = (email: string, auditId: string, sectionId: string, personId: string, text: string, headers: Record<string, string> = {}) => stack.api(email, `/v1/audits/${auditId}/grade-views/${sectionId}/${personId}/reply`, jsonInit('PUT', { text }, headers));
const done = () => completedAudit(stack, { caseRef: 'NV-00001', studentId: 'nv-student' });
const dashboard = async () => expectJson<ServiceView>(await stack.api(nv('qa'), '/v1/dashboards/service?period=month'));

describe('agreeing and disagreeing with a grade', () => {
  let audit: Saved;
  beforeAll(async () => {
    audit = await done();
  });

  it('records the case holder’s view on the audit record, and the same view sent again changes nothing', async () => {
    const first = await view(nv('practitioner'), audit.audit.id, 'assessment', { agrees: true });
    const body = await expectJson<GradeViewsBody>(first);
    expect(body.views).toEqual([expect.objectContaining({ sectionId: 'assessment', personId: 'nv-practitioner', role: 'case-holder', grade: 'good', agrees: true })]);
    expect(first.headers.get('etag')).toBe('"1"');
    const again = await view(nv('practitioner'), audit.audit.id, 'assessment', { agrees: true });
    expect((await expectJson<GradeViewsBody>(again)).version).toBe(1);
    const detail = await expectJson<AuditDetail>(await stack.api(nv('manager'), `/v1/audits/${audit.audit.id}`));
    expect(detail.gradeViews).toHaveLength(1);
    expect(detail.people['nv-practitioner']).toBeTruthy();
  });

  it('needs If-Match to change a view already given: 428 without, 412 when stale', async () => {
    await expectProblem(await view(nv('practitioner'), audit.audit.id, 'assessment', { agrees: false, reason: 'The assessment was late.' }), 428);
    await expectProblem(await view(nv('practitioner'), audit.audit.id, 'assessment', { agrees: false, reason: 'The assessment was late.' }, { 'if-match': '"9"' }), 412);
    const changed = await expectJson<GradeViewsBody>(await view(nv('practitioner'), audit.audit.id, 'assessment', { agrees: false, reason: 'The assessment was late.' }, { 'if-match': '"1"' }));
    expect(changed).toMatchObject({ version: 2, views: [{ agrees: false, reason: 'The assessment was late.' }] });
  });

  it('emails the auditor and every QA officer about a disagreement, once however often it is sent', async () => {
    const about = async () => (await messagesAbout(stack, audit.audit.id)).filter((m) => m.subject.startsWith('A grade is disagreed with'));
    expect((await about()).map((m) => m.to).sort()).toEqual(['manager@northvale.example', 'qa@northvale.example']);
    await expectJson(await view(nv('practitioner'), audit.audit.id, 'assessment', { agrees: false, reason: 'The assessment was late.' }, { 'if-match': '"2"' }));
    expect(await about()).toHaveLength(2);
    for (const m of await about()) expect(m.text).not.toContain('The assessment was late.');
  });

  it('lets the student give their own view beside the case holder’s without If-Match', async () => {
    const body = await expectJson<GradeViewsBody>(await view(nv('student'), audit.audit.id, 'assessment', { agrees: true }));
    expect(body.views.map((g) => [g.personId, g.role, g.agrees])).toEqual([
      ['nv-practitioner', 'case-holder', false],
      ['nv-student', 'student', true],
    ]);
  });

  it('lets QA reply to a disagreement (If-Match), which emails the case holder; the reply shows on the record', async () => {
    await expectProblem(await reply(nv('qa'), audit.audit.id, 'assessment', 'nv-practitioner', 'We looked again.'), 428);
    const replied = await expectJson<GradeViewsBody>(await reply(nv('qa'), audit.audit.id, 'assessment', 'nv-practitioner', 'We looked again: it was late, but the grade stands.', { 'if-match': '"3"' }));
    expect(replied.views.find((g) => g.personId === 'nv-practitioner')?.reply).toMatchObject({ byId: 'nv-qa', text: 'We looked again: it was late, but the grade stands.' });
    const mail = (await messagesAbout(stack, audit.audit.id)).filter((m) => m.subject.startsWith('A reply about the grade'));
    expect(mail.map((m) => m.to)).toEqual(['practitioner@northvale.example']);
    await expectProblem(await reply(nv('qa'), audit.audit.id, 'assessment', 'nv-student', 'Thanks.', { 'if-match': `"${replied.version}"` }), 409);
    await expectProblem(await reply(nv('qa'), audit.audit.id, 'assessment', 'nv-nobody', 'Thanks.', { 'if-match': `"${replied.version}"` }), 404);
  });
});

describe('who may give a view and when', () => {
  it('is the audit’s case holder and student only: QA, the auditor and a senior manager get 403', async () => {
    const { audit } = await done();
    for (const who of ['qa', 'manager', 'senior'] as const) await expectProblem(await view(nv(who), audit.id, 'assessment', { agrees: true }), 403);
    await expectProblem(await view(nv('admin'), audit.id, 'assessment', { agrees: true }), 404);
  });

  it('only the auditor and QA reply: the case holder and a senior manager get 403', async () => {
    const { audit } = await done();
    const given = await view(nv('practitioner'), audit.id, 'assessment', { agrees: false, reason: 'Too harsh.' });
    const etag = given.headers.get('etag')!;
    await expectProblem(await reply(nv('practitioner'), audit.id, 'assessment', 'nv-practitioner', 'Me again.', { 'if-match': etag }), 403);
    await expectProblem(await reply(nv('senior'), audit.id, 'assessment', 'nv-practitioner', 'Noted.', { 'if-match': etag }), 403);
    await expectJson(await reply(nv('manager'), audit.id, 'assessment', 'nv-practitioner', 'Let us talk it through.', { 'if-match': etag }));
  });

  it('waits for the audit to be completed (409), and only for sections with a grade (404)', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00002' });
    await expectProblem(await view(nv('practitioner'), planned.audit.id, 'assessment', { agrees: true }), 409);
    const { audit } = await done();
    await expectProblem(await view(nv('practitioner'), audit.id, 'no-such-section', { agrees: true }), 404);
  });

  it('refuses a disagreement without a reason and an agreement with one, writing nothing', async () => {
    const { audit } = await done();
    const noReason = await expectProblem(await view(nv('practitioner'), audit.id, 'assessment', { agrees: false }), 400);
    expect(noReason.errors?.[0]?.path).toBe('reason');
    await expectProblem(await view(nv('practitioner'), audit.id, 'assessment', { agrees: true, reason: 'Fine' }), 400);
    await expectProblem(await view(nv('practitioner'), audit.id, 'assessment', { agrees: 'yes' }), 400);
    expect((await expectJson<GradeViewsBody>(await stack.api(nv('practitioner'), `/v1/audits/${audit.id}/grade-views`))).views).toEqual([]);
  });
});

describe('“agreed with the grade” on the service dashboard', () => {
  it('adds each view to the month’s figure, shows the share from 5 views, and matches a recount after the reconcile job', async () => {
    const before = (await dashboard()).gradeAgreement;
    const audits = [await done(), await done(), await done()];
    const sections = ['assessment', 'planning-and-review'];
    let agreed = 0;
    for (const [i, { audit }] of audits.entries()) {
      for (const [j, sectionId] of sections.entries()) {
        const agrees = (i + j) % 3 !== 0;
        if (agrees) agreed++;
        await expectJson(await view(nv('practitioner'), audit.id, sectionId, agrees ? { agrees } : { agrees, reason: 'I see it differently.' }));
      }
    }
    const after = (await dashboard()).gradeAgreement;
    expect(after.given - before.given).toBe(6);
    // The records themselves: every audit's views of this month, read from the table and counted one by one.
    const tenant = contextOf(stack, NORTHVALE.id);
    const { Items } = await tenant.db.send(
      new QueryCommand({ TableName: tenant.tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :month)', ExpressionAttributeValues: { ':pk': tenant.keys.allGradeViews().GSI1PK, ':month': londonMonth(new Date()) } }),
    );
    const records = (Items ?? []).flatMap((item) => item.views as GradeView[]);
    expect(after).toEqual({ given: records.length, agreed: records.filter((g) => g.agrees).length, share: records.filter((g) => g.agrees).length / records.length });
    expect(agreed).toBeGreaterThan(0);

    expect(await storedTotals(tenant)).toEqual(await recounted(tenant));
    await reconcileTenantTotals(tenant);
    expect((await dashboard()).gradeAgreement).toEqual(after);
  });
});
