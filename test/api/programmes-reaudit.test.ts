/** Re-audits over HTTP: completing an audit graded Inadequate overall plans the case's re-audit, which shows what it follows up. */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import { reauditMonth } from '@waypoint/shared/programme/programme-dates';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { JOURNEY, messagesAbout, moveAudit, patchAudit, planAudit, requiredAnswers, todayInLondon, type Saved } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function completedWith(grade: 'inadequate' | 'good', caseRef = 'NV-00005'): Promise<Saved> {
  const planned = await planAudit(stack, { caseRef });
  const ready = await patchAudit(stack, planned, { conversationDate: todayInLondon(), answers: requiredAnswers(JOURNEY, grade) });
  const response = await moveAudit(stack, ready, 'complete');
  return { audit: await expectJson<Audit>(response), etag: response.headers.get('etag')! };
}

const reauditOf = (auditId: string) => `re-${auditId}`;

async function setReauditMonths(months: number): Promise<void> {
  const { etag } = await readVersioned(stack, nv('admin'), '/v1/settings');
  await expectJson(await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { reauditAfterMonths: months }, { 'if-match': etag })));
}

describe('completing an audit graded Inadequate overall', () => {
  it('plans a re-audit of the case three months on, for the same auditor, linked to the audit', async () => {
    const done = await completedWith('inadequate');
    const reaudit = await expectJson<AuditDetail>(await stack.api(nv('manager'), `/v1/audits/${reauditOf(done.audit.id)}`));
    expect(reaudit).toMatchObject({
      caseRef: 'NV-00005',
      state: 'planned',
      month: reauditMonth(todayInLondon(), 3),
      auditorId: 'nv-manager',
      templateId: done.audit.templateId,
      reauditOf: done.audit.id,
      caseHolderId: 'nv-practitioner',
    });
    const original = await expectJson<AuditDetail>(await stack.api(nv('manager'), `/v1/audits/${done.audit.id}`));
    expect(original.reaudit).toEqual({ id: reaudit.id, month: reaudit.month, state: 'planned' });
    expect((await messagesAbout(stack, reaudit.id)).map((m) => m.subject)).toEqual(['Audit planned for case NV-00005']);
  });

  it('shows the re-audit the audit it follows up and that audit’s actions', async () => {
    const done = await completedWith('inadequate', 'NV-00006');
    const action = await expectJson<{ id: string }>(
      await stack.api(
        nv('manager'),
        '/v1/actions',
        jsonInit('POST', { source: { type: 'audit', auditId: done.audit.id, sectionId: 'assessment' }, description: 'Complete the overdue assessment with the child seen alone.', ownerId: 'nv-practitioner', dueDate: '2099-01-31' }),
      ),
      201,
    );
    for (const role of ['manager', 'practitioner', 'qa'] as const) {
      const reaudit = await expectJson<AuditDetail>(await stack.api(nv(role), `/v1/audits/${reauditOf(done.audit.id)}`));
      expect(reaudit.previousAudit?.audit).toMatchObject({ id: done.audit.id, overallGrade: 'inadequate', state: 'completed' });
      expect(reaudit.previousAudit?.actions.map((a) => a.id)).toEqual([action.id]);
      expect(reaudit.previousAudit?.audit).not.toHaveProperty('answers');
      expect(reaudit.people['nv-practitioner']).toBe('Priya Shah');
    }
  });

  it('plans it once, however often the audit is reopened and completed again', async () => {
    const done = await completedWith('inadequate', 'NV-00007');
    const reopened = await moveAudit(stack, done, 'reopen', { reason: 'Evidence added' }, nv('qa'));
    const again = await moveAudit(stack, { audit: await expectJson<Audit>(reopened), etag: reopened.headers.get('etag')! }, 'complete');
    expect(again.status).toBe(200);
    const history = await expectJson<{ items: Audit[] }>(await stack.api(nv('qa'), '/v1/cases/NV-00007/audits?limit=100'));
    expect(history.items.filter((a) => a.reauditOf === done.audit.id)).toHaveLength(1);
    expect((await expectJson<AuditDetail>(await stack.api(nv('qa'), `/v1/audits/${reauditOf(done.audit.id)}`))).version).toBe(1);
  });

  it('plans nothing for any other grade', async () => {
    const done = await completedWith('good', 'NV-00008');
    await expectProblem(await stack.api(nv('qa'), `/v1/audits/${reauditOf(done.audit.id)}`), 404);
    expect((await expectJson<AuditDetail>(await stack.api(nv('qa'), `/v1/audits/${done.audit.id}`))).reaudit).toBeNull();
  });

  it('follows the tenant’s re-audit interval', async () => {
    await setReauditMonths(6);
    try {
      const done = await completedWith('inadequate', 'NV-00009');
      expect((await expectJson<Audit>(await stack.api(nv('qa'), `/v1/audits/${reauditOf(done.audit.id)}`))).month).toBe(reauditMonth(todayInLondon(), 6));
    } finally {
      await setReauditMonths(3);
    }
  });

  it('reads settings written before the interval existed as the default three months', async () => {
    const { etag } = await readVersioned(stack, nv('admin'), '/v1/settings');
    await stack.jobDependencies.platformClient.send(new UpdateCommand({ TableName: stack.tableName, Key: tenantKeys(NORTHVALE.id).settings(), UpdateExpression: 'REMOVE reauditAfterMonths' }));
    const { body, etag: after } = await readVersioned<{ reauditAfterMonths: number }>(stack, nv('qa'), '/v1/settings');
    expect(body.reauditAfterMonths).toBe(3);
    expect(after).toBe(etag);
    const done = await completedWith('inadequate', 'NV-00010');
    expect((await expectJson<Audit>(await stack.api(nv('qa'), `/v1/audits/${reauditOf(done.audit.id)}`))).month).toBe(reauditMonth(todayInLondon(), 3));
  });

  it('refuses an interval outside 1 to 12 months with 400, changing nothing', async () => {
    const { body, etag } = await readVersioned<{ version: number }>(stack, nv('admin'), '/v1/settings');
    for (const months of [0, 13, 1.5]) {
      const problem = await expectProblem(await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { reauditAfterMonths: months }, { 'if-match': etag })), 400);
      expect(problem.errors?.map((e) => e.path)).toEqual(['reauditAfterMonths']);
    }
    expect((await readVersioned<{ version: number }>(stack, nv('admin'), '/v1/settings')).body.version).toBe(body.version);
  });
});

describe('the seeded Inadequate audit', () => {
  it('has its re-audit planned, and the re-audit shows the audit and its actions', async () => {
    const { items } = await expectJson<{ items: Audit[] }>(await stack.api(nv('manager'), '/v1/cases/NV-00004/audits?limit=100'));
    const reaudit = items.find((a) => a.reauditOf);
    expect(reaudit).toBeDefined();
    const detail = await expectJson<AuditDetail>(await stack.api(nv('manager'), `/v1/audits/${reaudit!.id}`));
    expect(detail.previousAudit?.audit.overallGrade).toBe('inadequate');
    expect(detail.previousAudit?.actions.length).toBeGreaterThan(0);
  });
});
