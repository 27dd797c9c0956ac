/** Who may see and run which audits, and the audit lists with their filters and paging. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAudits } from '@waypoint/functions/local/seed/demo-audits';
import type { AuditDetail, AuditPage, AuditSummary } from '@waypoint/shared/audits/audit-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, OPERATOR_EMAIL, expectJson, expectProblem, jsonInit, nv, readAllPages, readVersioned } from './api-client.ts';
import { patchAudit, planAudit } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const SEEDED = demoAudits(NORTHVALE, new Date()).audits;
const ids = (audits: { id: string }[]) => audits.map((a) => a.id).sort();
const all = (email: string, path = '/v1/audits') => readAllPages<AuditSummary>(stack, email, path).then((r) => r.items);

describe('who sees which audits', () => {
  it('shows a case holder the audits of their practice, and a student the audits they took part in', async () => {
    const practitioner = await all(nv('practitioner'));
    // Their own cases' audits, and any case a thematic review asks them to review.
    expect(practitioner.every((a) => a.caseHolderId === 'nv-practitioner' || (a.auditType === 'thematic' && a.auditorId === 'nv-practitioner'))).toBe(true);
    expect(ids(practitioner)).toEqual(expect.arrayContaining(ids(SEEDED.filter((a) => a.caseHolderId === 'nv-practitioner'))));
    const student = await all(nv('student'));
    expect(ids(student)).toEqual(ids(SEEDED.filter((a) => a.studentId === 'nv-student')));
    expect(student.length).toBeGreaterThan(0);
  });

  it('shows a manager their team’s audits and QA officers and senior managers every audit', async () => {
    const manager = await all(nv('manager'));
    expect(manager.every((a) => a.teamId === 'child-in-need')).toBe(true);
    expect(ids(manager)).toEqual(expect.arrayContaining(ids(SEEDED.filter((a) => a.teamId === 'child-in-need'))));
    for (const role of ['qa', 'senior'] as const) expect(ids(await all(nv(role), '/v1/audits?limit=100'))).toEqual(expect.arrayContaining(ids(SEEDED)));
  });

  it('refuses tenant admins the list (403) and the platform operator every audit route (403)', async () => {
    await expectProblem(await stack.api(nv('admin'), '/v1/audits'), 403);
    await expectProblem(await stack.api(OPERATOR_EMAIL, '/v1/audits'), 403);
    await expectProblem(await stack.api(OPERATOR_EMAIL, `/v1/audits/${SEEDED[0]!.id}`), 403);
    await expectProblem(await stack.api(OPERATOR_EMAIL, '/v1/templates'), 403);
  });

  it('answers 404 for an audit outside the caller’s scope, exactly as for one that does not exist', async () => {
    const outside: [Parameters<typeof nv>[0], string][] = [
      ['practitioner', SEEDED.find((a) => a.caseHolderId !== 'nv-practitioner')!.id],
      ['student', SEEDED.find((a) => a.studentId === undefined)!.id],
      ['manager', SEEDED.find((a) => a.teamId === 'early-help')!.id],
      ['admin', SEEDED[0]!.id],
    ];
    for (const [role, id] of outside) {
      const hidden = await expectProblem(await stack.api(nv(role), `/v1/audits/${id}`), 404);
      const missing = await expectProblem(await stack.api(nv(role), '/v1/audits/nv-audit-000000-99'), 404);
      expect(hidden.detail, role).toBe(missing.detail);
      await expectProblem(await stack.api(nv(role), `/v1/audits/${id}/reflections`), 404);
    }
  });

  it('shows the read view with reflections, actions and the names of the people named', async () => {
    const seeded = SEEDED.find((a) => a.state === 'completed' && a.studentId === 'nv-student')!;
    const { body, etag } = await readVersioned<AuditDetail>(stack, nv('student'), `/v1/audits/${seeded.id}`);
    expect(etag).toBe(`"${seeded.version}"`);
    expect(body.reflections.map((r) => r.authorRole).sort()).toEqual(['case-holder', 'student']);
    expect(body.actions.length).toBeGreaterThan(0);
    expect(body.people).toMatchObject({ 'nv-manager': 'Morgan Ellis', 'nv-practitioner': 'Priya Shah', 'nv-student': 'Sam Okafor' });
  });

  it('lets whoever holds or manages the case now see its earlier audits, through the case’s history', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00007' });
    await expectProblem(await stack.api(nv('practitioner'), `/v1/audits/${planned.audit.id}`), 404);
    const { etag } = await readVersioned(stack, nv('manager'), '/v1/cases/NV-00007');
    await expectJson(await stack.api(nv('manager'), '/v1/cases/NV-00007', jsonInit('PATCH', { holderId: 'nv-practitioner' }, { 'if-match': etag })));
    await expectJson(await stack.api(nv('practitioner'), `/v1/audits/${planned.audit.id}`));
    const history = await all(nv('practitioner'), '/v1/cases/NV-00007/audits');
    expect(ids(history)).toContain(planned.audit.id);
  });
});

describe('who may run audits', () => {
  it('lets a manager plan audits only for their own team’s cases; another team’s case is “no such case”', async () => {
    await planAudit(stack, { caseRef: 'NV-00002' });
    const problem = await expectProblem(await stack.api(nv('manager'), '/v1/audits', jsonInit('POST', { caseRef: 'NV-00013', templateId: 'journey-of-the-child' })), 400);
    expect(problem.errors).toEqual([{ path: 'caseRef', message: 'No such case' }]);
  });

  it('lets QA officers and senior managers plan audits for any team', async () => {
    for (const role of ['qa', 'senior'] as const) {
      const { audit } = await planAudit(stack, { caseRef: 'NV-00016', templateId: 'tac-reflective-case-summary' }, nv(role));
      expect(audit).toMatchObject({ teamId: 'early-help', templateName: 'TAC Reflective Case Summary', auditorId: `nv-${role}` });
    }
  });

  it('refuses case holders, students and admins planning audits (403)', async () => {
    for (const role of ['practitioner', 'student', 'admin'] as const) {
      await expectProblem(await stack.api(nv(role), '/v1/audits', jsonInit('POST', { caseRef: 'NV-00001', templateId: 'journey-of-the-child' })), 403);
    }
  });

  it('lets the case holder and student read but not save, complete or cancel an audit (403)', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00001', studentId: 'nv-student' });
    for (const role of ['practitioner', 'student'] as const) {
      await expectJson(await stack.api(nv(role), `/v1/audits/${planned.audit.id}`));
      await expectProblem(await stack.api(nv(role), `/v1/audits/${planned.audit.id}`, jsonInit('PATCH', { auditType: 'deep-dive' }, { 'if-match': planned.etag })), 403);
      for (const move of ['complete', 'cancel'] as const) {
        await expectProblem(await stack.api(nv(role), `/v1/audits/${planned.audit.id}/${move}`, jsonInit('POST', { reason: 'x' }, { 'if-match': planned.etag })), 403);
      }
    }
    const saved = await patchAudit(stack, planned, { auditType: 'deep-dive' });
    expect(saved.audit.version).toBe(2);
  });
});

describe('lists, filters and paging', () => {
  it('filters by month, team, case and state', async () => {
    const month = SEEDED[0]!.month;
    const byMonth = await all(nv('qa'), `/v1/audits?month=${month}`);
    expect(ids(byMonth)).toEqual(ids(SEEDED.filter((a) => a.month === month)));
    const byTeam = await all(nv('senior'), `/v1/audits?month=${month}&team=early-help`);
    expect(ids(byTeam)).toEqual(ids(SEEDED.filter((a) => a.month === month && a.teamId === 'early-help')));
    const byCase = await all(nv('qa'), '/v1/audits?caseRef=NV-00004');
    expect(byCase.every((a) => a.caseRef === 'NV-00004')).toBe(true);
    const completed = await all(nv('manager'), '/v1/audits?state=completed');
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.every((a) => a.state === 'completed' && a.teamId === 'child-in-need')).toBe(true);
    const cancelled = await all(nv('qa'), '/v1/audits?state=cancelled');
    expect(ids(cancelled)).toEqual(expect.arrayContaining(ids(SEEDED.filter((a) => a.state === 'cancelled'))));
  });

  it('pages with a bounded limit and the cursor, with no audit twice and none lost', async () => {
    const everything = await all(nv('qa'), '/v1/audits?limit=100');
    const paged = await readAllPages<AuditSummary>(stack, nv('qa'), '/v1/audits?limit=4');
    expect(paged.pages).toBeGreaterThan(2);
    expect(ids(paged.items)).toEqual(ids(everything));
    const page = await expectJson<AuditPage>(await stack.api(nv('qa'), '/v1/audits?limit=1'));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).not.toHaveProperty('answers');
  });

  it('refuses a limit out of bounds, an unknown state and a forged cursor with 400', async () => {
    for (const query of ['limit=0', 'limit=101', 'state=archived', 'month=2026-13', 'cursor=bm90LWEtY3Vyc29y']) {
      await expectProblem(await stack.api(nv('qa'), `/v1/audits?${query}`), 400);
    }
    const forged = Buffer.from(JSON.stringify({ part: 0, key: { PK: 'TENANT#2b9e4d17-8a3f-4c6b-b1d0-736f75746802#AUDIT#x', SK: 'AUDIT' } })).toString('base64url');
    await expectProblem(await stack.api(nv('qa'), `/v1/audits?cursor=${forged}`), 400);
  });

  it('gives a case’s history to whoever may see the case, and 404 to anyone else', async () => {
    const history = await all(nv('manager'), '/v1/cases/NV-00004/audits');
    expect(ids(history)).toEqual(expect.arrayContaining(ids(SEEDED.filter((a) => a.caseRef === 'NV-00004'))));
    await expectProblem(await stack.api(nv('student'), '/v1/cases/NV-00004/audits'), 404);
    await expectProblem(await stack.api(nv('admin'), '/v1/cases/NV-00004/audits'), 404);
    await expectProblem(await stack.api(nv('manager'), '/v1/cases/NV-00013/audits'), 404);
  });
});
