/**
 * The case holder's voice in the browser, axe on every page: the case holder disagrees with one
 * grade of a completed audit, saying why; a QA officer replies, and both are on the audit record.
 * A safeguarding concern flagged in an audit is on the Alerts list, marked as from an audit, and
 * the team manager acknowledges it there. Each is walked once: the portal sends no script and its
 * policy forbids any, and the axe check refuses a page that carries one, so these walks are also
 * the walks without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { AuditAlert } from '@waypoint/shared/engagement/alert-schemas';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { completedAudit, patchAudit, planAudit } from '../api/audits-support.ts';

const PRACTITIONER = 'practitioner@northvale.example';
const QA = 'qa@northvale.example';
const MANAGER = 'manager@northvale.example';

useBrowserStack();

const reason = 'The family had moved twice that term.';

describe('the case holder’s voice', () => {
  it('a case holder disagrees with one grade, QA replies, and both are on the audit record', async () => {
    const { audit } = await completedAudit(stack, { caseRef: 'NV-00001' });
    const record = `${stack.portalUrl}/audits/${audit.id}`;

    const holder = await signedIn.pageAs(PRACTITIONER);
    await holder.goto(record);
    const views = holder.getByRole('region', { name: 'Do the case holder and student agree with the grades?' });
    expect(await views.innerText()).toContain('No views given yet.');
    await expectNoAxeViolations(holder);
    await views.getByRole('link', { name: /Give your view on the grade for .*Assessment/ }).click();
    await holder.waitForURL(/\/grades\/assessment$/);
    expect(await holder.getByRole('heading', { level: 1 }).innerText()).toMatch(/Do you agree with the grade for .*Assessment\?/);
    await expectNoAxeViolations(holder);

    // Disagreeing without a reason is a clear error, and nothing is saved.
    await holder.getByLabel('No, I disagree with the grade').check();
    await holder.getByRole('button', { name: 'Save your view' }).click();
    expect(await holder.getByRole('alert').first().innerText()).toContain('Say why you disagree with the grade');
    await expectNoAxeViolations(holder);
    await holder.getByLabel('If you disagree, why?').fill(reason);
    await holder.getByRole('button', { name: 'Save your view' }).click();
    await holder.waitForURL(/\?viewGiven=1$/);
    expect(await holder.getByRole('status').first().innerText()).toContain('Your view on the grade has been saved');
    const assessment = holder.getByRole('listitem').filter({ has: holder.getByRole('heading', { name: /Assessment/ }) });
    expect(await assessment.innerText()).toMatch(/\(case holder\): disagrees/);
    expect(await assessment.innerText()).toContain(reason);
    await expectNoAxeViolations(holder);

    const qa = await signedIn.pageAs(QA);
    await qa.goto(record);
    await qa.getByRole('link', { name: /^Reply to .* about .*Assessment$/ }).click();
    await qa.waitForURL(/\/reply\/nv-practitioner$/);
    expect(await qa.locator('blockquote').innerText()).toBe(reason);
    expect(await qa.getByRole('link', { name: 'moderate this audit' }).getAttribute('href')).toBe(`/moderation/audits/${audit.id}`);
    await expectNoAxeViolations(qa);
    await qa.getByLabel('Your reply').fill('We looked at the moves again; the grade stands, and we will talk it through.');
    await qa.getByRole('button', { name: 'Send reply' }).click();
    await qa.waitForURL(/\?replied=1$/);
    expect(
      await qa
        .getByRole('listitem')
        .filter({ has: qa.getByRole('heading', { name: /Assessment/ }) })
        .innerText(),
    ).toMatch(/Reply from .+:\s+We looked at the moves again; the grade stands/);
    await expectNoAxeViolations(qa);

    await holder.goto(record);
    expect(await holder.getByRole('region', { name: 'Do the case holder and student agree with the grades?' }).innerText()).toContain('Reply from');
  });
});

describe('a safeguarding concern from an audit', () => {
  it('is on the Alerts list, marked as from an audit, and the team manager acknowledges it there', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00003' });
    const flagged = await patchAudit(stack, planned, { answers: { 'help-and-protection': { safeguardingConcern: true, safeguardingDetail: 'New disclosure at school.' } } });

    const manager = await signedIn.pageAs(MANAGER);
    await manager.goto(`${stack.portalUrl}/alerts`);
    const row = manager.getByRole('row').filter({ hasText: `Audit of case NV-00003` }).first();
    expect(await row.innerText()).toMatch(/Audit[\s\S]*Safeguarding concern in 2\. Help and protection[\s\S]*Acknowledge by/);
    await expectNoAxeViolations(manager);
    await row.getByRole('link').click();
    await manager.waitForURL(new RegExp(`/alerts/audit-${flagged.audit.id}$`));
    expect(await manager.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Safeguarding concern raised/);
    await expectNoAxeViolations(manager);
    await manager.getByRole('button', { name: 'Acknowledge' }).click();
    await manager.waitForURL(/\?acknowledged=1$/);
    expect(await manager.getByRole('status').first().innerText()).toContain('You have acknowledged this concern');
    expect(await manager.getByRole('definition').filter({ hasText: /^By / }).innerText()).toMatch(/^By .+ on /);
    await expect(manager.getByRole('button', { name: 'Acknowledge' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(manager);

    const alert = (await (await stack.api(MANAGER, `/v1/alerts/audit-${flagged.audit.id}`)).json()) as AuditAlert;
    expect(alert).toMatchObject({ status: 'in-hand', acknowledgedById: 'nv-manager' });
  });
});
