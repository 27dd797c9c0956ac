/** Reflections, safeguarding alerts and the emails an audit sends, read from the dev outbox. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import type { Reflection } from '@waypoint/shared/audits/reflection-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readAllPages } from './api-client.ts';
import { completedAudit, messagesAbout, moveAudit, patchAudit, planAudit, readyToComplete, type Saved } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const reflect = (email: string, auditId: string, text: string, headers: Record<string, string> = {}) => stack.api(email, `/v1/audits/${auditId}/reflections`, jsonInit('POST', { text }, headers));
const recipients = (messages: { to: string }[]) => messages.map((m) => m.to).sort();

describe('notifications', () => {
  it('emails the case holder when an audit of their case is planned', async () => {
    const { audit } = await planAudit(stack, { caseRef: 'NV-00002' });
    const [message, ...others] = await messagesAbout(stack, audit.id);
    expect(others).toEqual([]);
    expect(message).toMatchObject({ to: 'practitioner@northvale.example', subject: 'Audit planned for case NV-00002' });
  });

  it('emails the case holder and the student when the audit is completed, and again after a reopened audit completes again', async () => {
    const done = await completedAudit(stack, { caseRef: 'NV-00001', studentId: 'nv-student' });
    const completed = (await messagesAbout(stack, done.audit.id)).filter((m) => m.subject === 'Audit of case NV-00001 completed');
    expect(recipients(completed)).toEqual(['practitioner@northvale.example', 'student@northvale.example']);
    const reopened = await moveAudit(stack, done, 'reopen', { reason: 'Add the family’s feedback' }, nv('qa'));
    const current: Saved = { audit: await expectJson<Audit>(reopened), etag: reopened.headers.get('etag')! };
    await expectJson(await moveAudit(stack, current, 'complete'));
    expect((await messagesAbout(stack, done.audit.id)).filter((m) => m.subject === 'Audit of case NV-00001 completed')).toHaveLength(4);
  });

  it('never quotes the answers in an email', async () => {
    const done = await completedAudit(stack);
    for (const message of await messagesAbout(stack, done.audit.id)) expect(message.text).not.toContain('Discussed and evidenced in the record.');
  });
});

describe('a safeguarding concern', () => {
  it('alerts the team’s manager and QA at once, marks the audit, and a re-save sends nothing more', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00003' });
    const flagged = await patchAudit(stack, planned, { answers: { 'help-and-protection': { safeguardingConcern: true, safeguardingDetail: 'New disclosure at school.' } } });
    expect(flagged.audit).toMatchObject({ safeguardingConcern: true, safeguardingSections: ['help-and-protection'] });
    const alerts = () => messagesAbout(stack, planned.audit.id).then((all) => all.filter((m) => m.subject.startsWith('Safeguarding concern')));
    expect(recipients(await alerts())).toEqual(['manager@northvale.example', 'qa@northvale.example']);
    expect((await alerts())[0]!.text).toContain('2. Help and protection');

    const resaved = await patchAudit(stack, flagged, { answers: { 'help-and-protection': { safeguardingDetail: 'New disclosure at school; strategy discussion requested.' } } });
    expect(await alerts()).toHaveLength(2);
    const second = await patchAudit(stack, resaved, { answers: { 'overall-judgement': { safeguardingEscalation: true } } });
    expect(second.audit.safeguardingSections).toEqual(['help-and-protection', 'overall-judgement']);
    expect(await alerts()).toHaveLength(4);
  });

  it('clears the mark when every flag is taken down', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00003' });
    const flagged = await patchAudit(stack, planned, { answers: { assessment: { safeguardingConcern: true } } });
    const cleared = await patchAudit(stack, flagged, { answers: { assessment: { safeguardingConcern: false } } });
    expect(cleared.audit).toMatchObject({ safeguardingConcern: false, safeguardingSections: [] });
  });
});

describe('reflections', () => {
  it('lets the case holder reflect before and after completion, in their own words, and tells the auditor', async () => {
    const ready = await readyToComplete(stack, { caseRef: 'NV-00004' });
    const before = await expectJson<Reflection>(await reflect(nv('practitioner'), ready.audit.id, '  I had not noticed how little the record says about the father.  '), 201);
    expect(before).toMatchObject({ authorId: 'nv-practitioner', authorRole: 'case-holder', afterCompletion: false, text: 'I had not noticed how little the record says about the father.' });
    await expectJson(await moveAudit(stack, ready, 'complete'));
    const after = await expectJson<Reflection>(await reflect(nv('practitioner'), ready.audit.id, 'Agreed actions feel fair.'), 201);
    expect(after.afterCompletion).toBe(true);

    const listed = await expectJson<{ items: Reflection[]; people: Record<string, string> }>(await stack.api(nv('manager'), `/v1/audits/${ready.audit.id}/reflections`));
    expect(listed.items.map((r) => r.id)).toEqual([before.id, after.id]);
    expect(listed.people['nv-practitioner']).toBe('Priya Shah');
    const detail = await expectJson<AuditDetail>(await stack.api(nv('practitioner'), `/v1/audits/${ready.audit.id}`));
    expect(detail.reflections).toHaveLength(2);
    const toAuditor = (await messagesAbout(stack, ready.audit.id)).filter((m) => m.subject === 'New reflection on the audit of case NV-00004');
    expect(recipients(toAuditor)).toEqual(['manager@northvale.example', 'manager@northvale.example']);
  });

  it('lets a student who took part reflect, and nobody else who can see the audit', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00001', studentId: 'nv-student' });
    const mine = await expectJson<Reflection>(await reflect(nv('student'), planned.audit.id, 'I learned how thresholds are weighed.'), 201);
    expect(mine.authorRole).toBe('student');
    for (const role of ['manager', 'qa', 'senior'] as const) await expectProblem(await reflect(nv(role), planned.audit.id, 'Not mine to write'), 403);
    const without = await planAudit(stack, { caseRef: 'NV-00002' });
    await expectProblem(await reflect(nv('student'), without.audit.id, 'Not there'), 404);
  });

  it('refuses an empty reflection (400) and one on a cancelled audit (409), writing nothing', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00005' });
    const problem = await expectProblem(await reflect(nv('practitioner'), planned.audit.id, '   '), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['text']);
    await expectJson(await moveAudit(stack, planned, 'cancel', { reason: 'Sampled in error' }));
    await expectProblem(await reflect(nv('practitioner'), planned.audit.id, 'Too late'), 409);
    const listed = await expectJson<{ items: Reflection[] }>(await stack.api(nv('practitioner'), `/v1/audits/${planned.audit.id}/reflections`));
    expect(listed.items).toEqual([]);
  });

  it('adds a reflection once when a retry carries the same Idempotency-Key, and logs it', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00006' });
    const key = { 'idempotency-key': `reflect-${planned.audit.id}` };
    const first = await expectJson<Reflection>(await reflect(nv('practitioner'), planned.audit.id, 'Once only.', key), 201);
    const retry = await reflect(nv('practitioner'), planned.audit.id, 'Once only.', key);
    expect((await expectJson<Reflection>(retry, 201)).id).toBe(first.id);
    const listed = await expectJson<{ items: Reflection[] }>(await stack.api(nv('practitioner'), `/v1/audits/${planned.audit.id}/reflections`));
    expect(listed.items).toHaveLength(1);
    const { items } = await readAllPages<{ entity: string; entityId: string }>(stack, nv('qa'), '/v1/activity?limit=100');
    expect(items.filter((e) => e.entity === 'reflection' && e.entityId === first.id)).toHaveLength(1);
  });
});
