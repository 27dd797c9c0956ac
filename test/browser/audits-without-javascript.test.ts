/**
 * The audit flows with JavaScript off, as plain HTML forms: a team manager plans, runs and
 * completes an audit and raises an action, the case holder reflects, a QA officer runs a
 * TAC summary with partners from other agencies and reopens an audit, and a planned audit
 * is cancelled. (axe needs scripts, so it runs in the JavaScript-on files.) Planning an audit
 * in the portal is walked once, in the first test; the others plan theirs through the API.
 * First, it shows that the portal sends no script and lets none run, which is what makes a
 * walk with JavaScript on, as most browser files take, the same walk as one without.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerGradedSection, fillDate, londonDay, saveAndContinue } from './audits-steps.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { JOURNEY_OF_THE_CHILD_ID } from '@waypoint/shared/templates/built-in/journey-of-the-child';
import { TAC_REFLECTIVE_SUMMARY_ID } from '@waypoint/shared/templates/built-in/tac-reflective-case-summary';

useBrowserStack();

/** Each person's one page without scripts, each test navigating it. */
const reused = reusedPages();
const withoutScripts = (email: string) => reused(email, { javaScriptEnabled: false });

/** Plans an audit through the API (as `email`) and opens it. */
async function plannedAudit(page: Page, email: string, options: { caseRef: string; templateId: string }): Promise<string> {
  const response = await stack.api(email, '/v1/audits', { method: 'POST', body: JSON.stringify(options) });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${stack.portalUrl}/audits/${encodeURIComponent(id)}`);
  return id;
}

async function planAudit(page: Page, options: { caseRef: string; template: string }): Promise<string> {
  await page.goto(`${stack.portalUrl}/audits`);
  await page.getByRole('link', { name: 'Plan an audit' }).click();
  await page.getByLabel('Case', { exact: true }).selectOption(options.caseRef);
  await page.getByLabel(options.template).check();
  await page.getByRole('button', { name: 'Plan audit' }).click();
  await page.waitForURL(/\/audits\/[^/]+\?planned=1$/);
  return new URL(page.url()).pathname.split('/')[2]!;
}

describe('what the portal sends', () => {
  // The proof that a flow walked with JavaScript on (as most browser files do, for axe) is the same flow without it.
  it('is pages with no script, and a policy that would let none run, signed in or not', async () => {
    const page = await withoutScripts('manager@northvale.example');
    const anonymous = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    for (const [visitor, path] of [
      [page, '/audits'],
      [page, '/no-such-page'],
      [anonymous, '/signin'],
      [anonymous, '/have-your-say/northvale'],
      [anonymous, '/have-your-say/northvale/answer/1'],
    ] as const) {
      const response = await visitor.goto(`${stack.portalUrl}${path}`);
      expect(response!.headers()['content-security-policy'], path).toMatch(/(^|[;,]\s*)script-src 'none'(;|,|$)/);
      expect(await visitor.locator('script, noscript').count(), path).toBe(0);
    }
  });
});

describe('with JavaScript off', () => {
  let journeyAudit = '';

  it('a team manager plans, runs and completes an audit, then raises an action', async () => {
    const page = await withoutScripts('manager@northvale.example');
    journeyAudit = await planAudit(page, { caseRef: 'NV-00006', template: 'Journey of the Child monthly audit' });
    expect(await page.locator('script').count()).toBe(0);

    await page.getByRole('link', { name: 'Start the audit' }).click();
    await page.waitForURL(/\/conversation$/);
    await fillDate(page, 'conversationDate', londonDay());
    await page.locator('#partners-0-name').fill('Ruth Adams');
    await page.locator('#partners-0-agency').fill('Northvale Primary School');
    await saveAndContinue(page);

    const sections = ['case-summary', 'help-and-protection', 'assessment', 'voice-of-the-child', 'planning-and-review', 'multi-agency-working', 'management-oversight', 'quality-of-recording', 'outcomes-and-impact'];
    for (const section of sections) {
      await page.waitForURL(new RegExp(`/sections/${section}$`));
      await answerGradedSection(page, section, section === 'assessment' ? 'Requires improvement' : 'Good');
      await saveAndContinue(page);
    }
    await page.waitForURL(/\/sections\/overall-judgement$/);
    await page.getByRole('group', { name: 'Overall grade' }).getByLabel('Good', { exact: true }).check();
    await page.getByLabel('Reason for the overall grade').fill('Consistent, child-centred practice.');
    await page.getByLabel('Strengths', { exact: true }).fill('Direct work with the child.');
    await page.getByLabel('Areas for development', { exact: true }).fill('Analysis in the assessment.');
    // "Save as draft" returns to the record rather than moving on.
    await page.getByRole('button', { name: 'Save as draft and return to the audit' }).click();
    await page.waitForURL(new RegExp(`/audits/${journeyAudit}\\?saved=1$`));
    expect(await page.getByRole('status').innerText()).toContain('saved as a draft');

    await page.getByRole('link', { name: 'Check answers and complete' }).first().click();
    await page.waitForURL(/\/check$/);
    expect(await page.locator('main').innerText()).toContain('Every required answer is given');
    await page.getByRole('button', { name: 'Complete audit' }).click();
    await page.waitForURL(new RegExp(`/audits/${journeyAudit}\\?completed=1$`));
    const details = await page.getByLabel('Audit details').innerText();
    expect(details).toContain('Completed');
    expect(details).toContain('Ruth Adams, Northvale Primary School');

    await page.getByRole('link', { name: 'Raise an action from 3. Assessment' }).click();
    await page.getByLabel('What must happen?').fill('Add analysis of the father’s role to the assessment.');
    await page.getByLabel('Owner').selectOption({ label: 'Priya Shah' });
    await fillDate(page, 'dueDate', londonDay(14));
    await page.getByRole('button', { name: 'Raise action' }).click();
    await page.waitForURL(new RegExp(`/audits/${journeyAudit}\\?action=raised(#.*)?$`));
    expect(await page.locator('#section-assessment').innerText()).toContain('Add analysis of the father’s role to the assessment.');
  });

  it('the case holder adds a reflection', async () => {
    const page = await withoutScripts('practitioner@northvale.example');
    await page.goto(`${stack.portalUrl}/audits/${journeyAudit}`);
    await page.getByLabel('Add your reflection').fill('I will bring the father into the next review.');
    await page.getByRole('button', { name: 'Add reflection' }).click();
    await page.waitForURL(new RegExp(`/audits/${journeyAudit}\\?reflected=1(#.*)?$`));
    expect(await page.getByRole('region', { name: 'Reflections' }).innerText()).toContain('I will bring the father into the next review.');
    const reflections = await (await stack.api('manager@northvale.example', `/v1/audits/${journeyAudit}/reflections`)).json();
    expect(reflections.items.map((r: { text: string }) => r.text)).toContain('I will bring the father into the next review.');
  });

  it('a QA officer reopens the completed audit with a reason', async () => {
    const page = await withoutScripts('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/audits/${journeyAudit}`);
    await page.getByRole('link', { name: 'Reopen this audit' }).click();
    await page.getByRole('button', { name: 'Reopen audit' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await page.getByLabel('Why is the audit being reopened?').fill('Moderation: the assessment grade needs the evidence set out.');
    await page.getByRole('button', { name: 'Reopen audit' }).click();
    await page.waitForURL(new RegExp(`/audits/${journeyAudit}\\?reopened=1$`));
    const details = await page.getByLabel('Audit details').innerText();
    expect(details).toContain('In progress');
    expect(details).toContain('Moderation: the assessment grade needs the evidence set out.');
  });

  it('a QA officer runs a TAC Reflective Case Summary with the partners of the Team Around the Child', async () => {
    const page = await withoutScripts('qa@northvale.example');
    const id = await plannedAudit(page, 'qa@northvale.example', { caseRef: 'NV-00040', templateId: TAC_REFLECTIVE_SUMMARY_ID });
    await page.getByRole('link', { name: 'Start the audit' }).click();
    await page.waitForURL(/\/conversation$/);
    expect(await page.locator('main').innerText()).toContain('Record each partner of the Team Around the Child who took part.');
    await fillDate(page, 'conversationDate', londonDay());
    await page.locator('#partners-0-name').fill('Dana Reid');
    await page.locator('#partners-1-name').fill('Omar Haddad');
    await page.locator('#partners-1-agency').fill('Health visiting');
    await saveAndContinue(page);
    // A partner without an agency is named by row, and nothing typed is lost.
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await problem.waitFor();
    expect(await problem.getByRole('link', { name: 'Enter the agency' }).getAttribute('href')).toBe('#partners-0-agency');
    expect(await page.locator('#partners-1-agency').inputValue()).toBe('Health visiting');
    await page.locator('#partners-0-agency').fill('Northvale Primary School');
    await saveAndContinue(page);

    await page.waitForURL(/\/sections\/team-around-the-child$/);
    await page.getByLabel('Lead professional (name and role)').fill('Kim Lowe, family support worker');
    await page.getByLabel('Lead professional’s agency').fill('Early Help');
    await page.getByLabel('Which agencies are part of the TAC plan?').fill('School, health visiting, housing');
    await page.getByLabel('Yes, regularly').check();
    await saveAndContinue(page);
    await page.waitForURL(/\/sections\/working-well$/);
    await page.getByLabel('What is working well?').fill('Attendance is up; mum attends every meeting.');
    await page.locator('#answers-working-well-evidenced').check();
    await saveAndContinue(page);
    await page.waitForURL(/\/sections\/worries$/);
    await page.getByLabel('What are we worried about?').fill('Rent arrears and a possible move.');
    await saveAndContinue(page);
    await page.waitForURL(/\/sections\/next-steps$/);
    await page.getByLabel('What needs to happen?').fill('Housing referral this week.');
    await page.getByLabel('Continue with the TAC plan').check();
    await page.getByRole('button', { name: 'Save as draft and return to the audit' }).click();
    await page.waitForURL(new RegExp(`/audits/${id}\\?saved=1$`));
    const record = await page.locator('main').innerText();
    expect(record).toContain('Dana Reid, Northvale Primary School');
    expect(record).toContain('Housing referral this week.');
    expect(record).toContain('TAC Reflective Case Summary, version 1');
  });

  it('a team manager cancels a planned audit with a reason', async () => {
    const page = await withoutScripts('manager@northvale.example');
    const id = await plannedAudit(page, 'manager@northvale.example', { caseRef: 'NV-00007', templateId: JOURNEY_OF_THE_CHILD_ID });
    await page.getByRole('link', { name: 'Cancel this audit' }).click();
    await page.getByLabel('Why is the audit being cancelled?').fill('The case closed before the conversation.');
    await page.getByRole('button', { name: 'Cancel audit' }).click();
    await page.waitForURL(new RegExp(`/audits/${id}\\?cancelled=1$`));
    const details = await page.getByLabel('Audit details').innerText();
    expect(details).toContain('Cancelled');
    expect(details).toContain('The case closed before the conversation.');
    expect(await page.getByRole('link', { name: 'Start the audit' }).count()).toBe(0);
  });

  it('keeps what was typed when the audit was cancelled by someone else meanwhile', async () => {
    const page = await withoutScripts('manager@northvale.example');
    const response = await stack.api('manager@northvale.example', '/v1/audits', { method: 'POST', body: JSON.stringify({ caseRef: 'NV-00008', templateId: JOURNEY_OF_THE_CHILD_ID }) });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await page.goto(`${stack.portalUrl}/audits/${id}/sections/case-summary`);
    await page.getByLabel('Evidence and commentary', { exact: true }).fill('Typed during the conversation.');

    const current = await stack.api('qa@northvale.example', `/v1/audits/${id}`);
    const cancelled = await stack.api('qa@northvale.example', `/v1/audits/${id}/cancel`, {
      method: 'POST',
      headers: { 'if-match': current.headers.get('etag')! },
      body: JSON.stringify({ reason: 'Planned twice by mistake.' }),
    });
    expect(cancelled.status).toBe(200);

    await saveAndContinue(page);
    await page.getByRole('alert').filter({ hasText: 'This audit can no longer be changed. Your answers have not been saved.' }).waitFor();
    expect(await page.getByLabel('Evidence and commentary', { exact: true }).inputValue()).toBe('Typed during the conversation.');
  });
});
