/**
 * What people type and what they are sent: a case reference typed in any case finds the case
 * and is kept in the authority's stored form; emails give dates in words and links that open
 * the portal, not bare paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, ActionPage } from '@waypoint/shared/actions/action-schemas';
import type { AuditPage } from '@waypoint/shared/audits/audit-schemas';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { formatDate, formatMonth } from '@waypoint/shared/formatting/dates';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, sm } from './api-client.ts';
import { messagesAbout, outbox, planAudit } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('a case reference typed in another case', () => {
  it('finds the case and answers with the reference as the authority stores it', async () => {
    const found = await expectJson<Case>(await stack.api(nv('qa'), '/v1/cases/nv-00001'));
    expect(found.ref).toBe('NV-00001');
    expect((await expectJson<Case>(await stack.api(nv('qa'), '/v1/cases/Nv-00001'))).ref).toBe('NV-00001');
  });

  it('plans an audit of the stored case, and lists a case’s audits and actions, from a lower-case reference', async () => {
    const { audit } = await planAudit(stack, { caseRef: 'nv-00004' });
    expect(audit.caseRef).toBe('NV-00004');
    const byCase = await expectJson<AuditPage>(await stack.api(nv('qa'), '/v1/audits?caseRef=nv-00004'));
    expect(byCase.items.map((a) => a.id)).toContain(audit.id);
    const viaCase = await expectJson<AuditPage>(await stack.api(nv('qa'), '/v1/cases/nv-00004/audits'));
    expect(viaCase.items.map((a) => a.id)).toContain(audit.id);
    const actions = await expectJson<ActionPage>(await stack.api(nv('qa'), '/v1/actions?view=case&caseRef=nv-00002'));
    expect(actions.items.length).toBeGreaterThan(0);
    expect(actions.items.every((a) => a.caseRef === 'NV-00002')).toBe(true);
  });

  it('refuses a new case whose reference differs from an existing one only in case, and writes nothing', async () => {
    const body = { ref: 'nv-00001', teamId: 'child-in-need', caseType: 'child-in-need' };
    await expectProblem(await stack.api(nv('qa'), '/v1/cases', jsonInit('POST', body)), 409);
    const still = await expectJson<Case>(await stack.api(nv('qa'), '/v1/cases/nv-00001'));
    expect(still).toMatchObject({ ref: 'NV-00001', version: 1 });
  });

  it('finds a new case by its reference in any case', async () => {
    const created = await expectJson<Case>(await stack.api(nv('qa'), '/v1/cases', jsonInit('POST', { ref: 'Nv-Mixed-1', teamId: 'child-in-need', caseType: 'child-in-need' })), 201);
    expect(created.ref).toBe('Nv-Mixed-1');
    expect((await expectJson<Case>(await stack.api(nv('qa'), '/v1/cases/NV-MIXED-1'))).ref).toBe('Nv-Mixed-1');
    expect((await expectJson<Case>(await stack.api(nv('qa'), '/v1/cases/nv-mixed-1'))).ref).toBe('Nv-Mixed-1');
  });

  it('is still a 404 for another authority’s case, however it is typed', async () => {
    await expectProblem(await stack.api(nv('qa'), '/v1/cases/sm-00001'), 404);
    await expectProblem(await stack.api(nv('qa'), '/v1/cases/SM-00001'), 404);
    expect((await expectJson<Case>(await stack.api(sm('qa'), '/v1/cases/sm-00001'))).ref).toBe('SM-00001');
  });
});

describe('emails', () => {
  it('give an action’s due date in words and a link on the portal’s address', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00002' });
    const dueDate = inDays(20);
    const action = await expectJson<Action>(
      await stack.api(
        nv('manager'),
        '/v1/actions',
        jsonInit('POST', { source: { type: 'audit', auditId: planned.audit.id, sectionId: 'planning-and-review' }, description: 'Update the plan.', finding: 'The plan drifted.', ownerId: 'nv-practitioner', dueDate, priority: 'high' }),
      ),
      201,
    );
    const mail = (await outbox(stack)).find((m) => m.text.includes(action.id))!;
    expect(mail.subject).toBe(`Action for case NV-00002, due ${formatDate(dueDate)}`);
    expect(mail.subject).not.toContain(dueDate);
    expect(mail.text).toContain(`due ${formatDate(dueDate)} (high priority)`);
    expect(mail.text).toContain(`Read it in Waypoint: ${stack.jobDependencies.portalUrl}/actions/${action.id}`);
    expect(mail.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('give the audit’s month in words and a full link when an audit is planned', async () => {
    const { audit } = await planAudit(stack, { caseRef: 'NV-00003' });
    const [message] = await messagesAbout(stack, audit.id);
    expect(message!.text).toContain(`is planned for ${formatMonth(audit.month)}`);
    expect(message!.text).toContain(`${stack.jobDependencies.portalUrl}/audits/${audit.id}`);
    expect(message!.text).not.toMatch(/: \/audits\//);
    expect(stack.jobDependencies.portalUrl).toMatch(/^http:\/\/localhost:\d+$/);
  });
});
