/**
 * The audit journey with JavaScript on and axe on every page: a team manager plans an
 * audit and runs it with the case holder section by section (a bad date, a safeguarding
 * concern, someone else saving first), tries to complete it with answers missing, then
 * completes it, raises an action and prints it; the case holder adds a reflection.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { answerGradedSection, fillDate, londonDay, pathOf, saveAndContinue } from './audits-steps.ts';

/** The audit the journey creates; later steps read it. */
let auditId = '';

useBrowserStack();

/** The manager's one page and the case holder's, each step navigating it. */
const pageAs = reusedPages();

async function expectPage(page: Page, path: RegExp, title: RegExp): Promise<void> {
  await page.waitForURL((url) => path.test(url.pathname + url.search));
  expect(await page.title()).toMatch(title);
  await expectNoAxeViolations(page);
}

const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

describe('a team manager runs an audit with the case holder', () => {
  it('plans the audit, after the form asks for what is missing', async () => {
    const page = await pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/audits`);
    await expectPage(page, /^\/audits$/, /^My audits – Waypoint$/);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).getAttribute('aria-current')).toBe('page');

    await page.getByRole('link', { name: 'Plan an audit' }).click();
    await expectPage(page, /^\/audits\/plan$/, /^Plan an audit – Waypoint$/);
    await page.getByRole('button', { name: 'Plan audit' }).click();
    await errorSummary(page).waitFor();
    expect(await page.title()).toBe('Error: Plan an audit – Waypoint');
    expect(await errorSummary(page).getByRole('link', { name: 'Select the case to audit' }).getAttribute('href')).toBe('#caseRef');
    expect(await errorSummary(page).getByRole('link', { name: 'Select the template to use' }).getAttribute('href')).toBe('#templateId');
    await expectNoAxeViolations(page);

    await page.getByLabel('Case', { exact: true }).selectOption('NV-00005');
    await page.getByLabel('Journey of the Child monthly audit').check();
    await page.getByRole('button', { name: 'Plan audit' }).click();
    await expectPage(page, /^\/audits\/[^/]+\?planned=1$/, /^Audit of case NV-00005, .* – Waypoint$/);
    auditId = new URL(page.url()).pathname.split('/')[2]!;
    expect(await page.getByRole('status').innerText()).toContain('Audit planned');
    expect(await page.getByLabel('Audit details').innerText()).toContain('Priya Shah');
  });

  it('records the conversation and answers the sections, with a bad date, a safeguarding concern and a conflicting save', async () => {
    const page = await pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/audits/${auditId}`);
    await page.getByRole('link', { name: 'Start the audit' }).click();
    await expectPage(page, /\/conversation$/, /^The conversation – Audit of case NV-00005 – Waypoint$/);
    await fillDate(page, 'conversationDate', londonDay());
    await saveAndContinue(page);

    await expectPage(page, /\/sections\/case-summary$/, /^1\. Case summary and history – /);
    expect(await page.getByRole('note', { name: 'Prompts for the conversation' }).innerText()).toContain('chronology');
    await answerGradedSection(page, 'case-summary', 'Good');
    await saveAndContinue(page);

    await page.waitForURL(/\/sections\/help-and-protection$/);
    await answerGradedSection(page, 'help-and-protection', 'Requires improvement');
    expect(await page.locator('.warning-text').first().innerText()).toContain('alerts the team manager and the QA team');
    await page.getByLabel('There is a safeguarding concern here that needs escalating now').check();
    await page.getByLabel('What is the safeguarding concern? (optional)').fill('Unexplained bruising noted at the last visit; strategy discussion needed.');
    await saveAndContinue(page);

    // A date that is not in the calendar is caught before anything is saved.
    await page.waitForURL(/\/sections\/assessment$/);
    await answerGradedSection(page, 'assessment', 'Requires improvement');
    await fillDate(page, 'answers-assessment-latestAssessmentDate', { day: '31', month: '2', year: '2026' });
    await saveAndContinue(page);
    await errorSummary(page).waitFor();
    const dateError = errorSummary(page).getByRole('link', { name: 'Date the latest assessment was completed must be a real date' });
    expect(await dateError.getAttribute('href')).toBe('#answers-assessment-latestAssessmentDate');
    expect(await page.getByLabel('Evidence and commentary', { exact: true }).inputValue()).toBe('What the record shows for assessment.');
    await expectNoAxeViolations(page);
    await fillDate(page, 'answers-assessment-latestAssessmentDate', { day: '28', month: '2', year: '2026' });
    await saveAndContinue(page);

    // Meanwhile a QA officer saves the same audit: the manager's save is refused, nothing typed is lost.
    await page.waitForURL(/\/sections\/voice-of-the-child$/);
    await answerGradedSection(page, 'voice-of-the-child', 'Good');
    const current = await stack.api('qa@northvale.example', `/v1/audits/${auditId}`);
    const patched = await stack.api('qa@northvale.example', `/v1/audits/${auditId}`, {
      method: 'PATCH',
      headers: { 'if-match': current.headers.get('etag')! },
      body: JSON.stringify({ answers: { 'quality-of-recording': { evidence: 'Noted by QA before the conversation.' } } }),
    });
    expect(patched.status).toBe(200);
    await saveAndContinue(page);
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone else saved this audit while you were working on it' });
    await conflict.waitFor();
    expect(await page.getByLabel('Evidence and commentary', { exact: true }).inputValue()).toBe('What the record shows for voice-of-the-child.');
    await expectNoAxeViolations(page);
    await saveAndContinue(page);

    for (const [section, grade] of [
      ['planning-and-review', 'Good'],
      ['multi-agency-working', 'Outstanding'],
      ['management-oversight', 'Good'],
      ['quality-of-recording', 'Good'],
    ] as const) {
      await page.waitForURL(new RegExp(`/sections/${section}$`));
      await answerGradedSection(page, section, grade);
      await saveAndContinue(page);
    }
    // The last two sections are left for later: the audit cannot be completed yet.
    await expectPage(page, /\/sections\/outcomes-and-impact$/, /^9\. Outcomes and impact – /);
  });

  it('lists the missing answers when completing too early, then completes the audit', async () => {
    const page = await pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/audits/${auditId}/check`);
    await expectPage(page, /\/check$/, /^Check your answers – Audit of case NV-00005 – Waypoint$/);
    // What is missing, by section with counts, placed just before the button that would fail.
    const whatIsMissing = page.getByRole('region', { name: 'What is missing' });
    expect(await whatIsMissing.innerText()).toContain('10. Overall judgement: 4 answers missing');
    expect(await whatIsMissing.getByRole('link', { name: '10. Overall judgement: 4 answers missing' }).getAttribute('href')).toBe(`/audits/${auditId}/sections/overall-judgement#answers-overall-judgement-overallGrade`);
    const missingThenButton = await page.evaluate(() => {
      const region = document.querySelector('[aria-labelledby="missing-title"]');
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Complete audit');
      return !!region && !!button && !!(region.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(missingThenButton).toBe(true);

    await page.getByRole('button', { name: 'Complete audit' }).click();
    const summary = errorSummary(page);
    await summary.waitFor();
    expect(await page.title()).toMatch(/^Error: Check your answers/);
    // One line per section with its count, not one red link per missing answer.
    const lines = await summary.getByRole('listitem').allInnerTexts();
    expect(lines).toContain('10. Overall judgement: 4 answers missing');
    expect(lines.every((line) => /: \d+ answers? missing$/.test(line))).toBe(true);
    const missing = summary.getByRole('link', { name: '10. Overall judgement: 4 answers missing' });
    expect(await missing.getAttribute('href')).toBe(`/audits/${auditId}/sections/overall-judgement#answers-overall-judgement-overallGrade`);
    await expectNoAxeViolations(page);

    await summary.getByRole('link').first().click();
    await page.waitForURL(/\/sections\/outcomes-and-impact/);
    await answerGradedSection(page, 'outcomes-and-impact', 'Good');
    await saveAndContinue(page);
    await expectPage(page, /\/sections\/overall-judgement$/, /^10\. Overall judgement – /);
    await page.getByRole('group', { name: 'Overall grade' }).getByLabel('Requires improvement', { exact: true }).check();
    await page.getByLabel('Reason for the overall grade').fill('Help came late, though the assessment and plan are now sound.');
    await page.getByLabel('Strengths', { exact: true }).fill('Strong relationship with the child; multi-agency work.');
    await page.getByLabel('Areas for development', { exact: true }).fill('Timeliness of strategy discussions; recording of analysis.');
    await saveAndContinue(page);

    await expectPage(page, /\/check$/, /^Check your answers/);
    expect(await page.getByRole('region', { name: 'What is missing' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Complete audit' }).click();
    await expectPage(page, new RegExp(`^/audits/${auditId}\\?completed=1$`), /^Audit of case NV-00005/);
    expect(await page.getByRole('status').innerText()).toContain('Audit completed');
    expect(await page.getByLabel('Audit details').innerText()).toContain('Completed');
    expect(await page.getByRole('region', { name: 'Safeguarding concern' }).innerText()).toContain('2. Help and protection');
    expect(await page.getByRole('table', { name: 'Grades by section' }).innerText()).toMatch(/Overall judgement\s+Requires improvement/);
    // Completed: the form is locked for the manager.
    expect(await page.getByRole('link', { name: 'Continue the audit' }).count()).toBe(0);
  });

  it('raises an action from a finding, and the record lists it under its section', async () => {
    const page = await pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/audits/${auditId}`);
    await page.getByRole('link', { name: 'Raise an action from 3. Assessment' }).click();
    await expectPage(page, /\/actions\/new\?section=assessment$/, /^Raise an action – Audit of case NV-00005 – Waypoint$/);
    expect(await page.getByLabel('Section of the audit').inputValue()).toBe('assessment');

    await page.getByRole('button', { name: 'Raise action' }).click();
    await errorSummary(page).waitFor();
    expect(await errorSummary(page).getByRole('link', { name: 'Select who owns the action' }).getAttribute('href')).toBe('#ownerId');
    expect(await errorSummary(page).getByRole('link', { name: 'Enter the date the action is due' }).getAttribute('href')).toBe('#dueDate');
    await expectNoAxeViolations(page);

    await page.getByLabel('What did the audit find? (optional)').fill('The assessment did not include the father’s views.');
    await page.getByLabel('What must happen?').fill('Meet the father and add his views to the assessment.');
    await page.getByLabel('Owner').selectOption({ label: 'Priya Shah' });
    await fillDate(page, 'dueDate', londonDay(21));
    await page.getByRole('group', { name: 'Priority' }).getByLabel('High').check();
    await page.getByRole('button', { name: 'Raise action' }).click();
    await expectPage(page, new RegExp(`^/audits/${auditId}\\?action=raised$`), /^Audit of case NV-00005/);
    const actions = page.locator('#section-assessment').getByRole('table', { name: 'Actions from Assessment' });
    expect(await actions.innerText()).toContain('Meet the father and add his views to the assessment.');
    expect(await actions.innerText()).toContain('Priya Shah');
    expect(await actions.innerText()).toContain('High');
  });

  it('prints the record on A4 without navigation, buttons or link addresses', async () => {
    const page = await pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/audits/${auditId}`);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: 'Raise an action from 3. Assessment' }).isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: 'Skip to main content' }).isVisible()).toBe(false);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Audit of case NV-00005');
      expect(await page.locator('#section-overall-judgement').isVisible()).toBe(true);
      const styles = await page.evaluate(() => {
        const link = document.querySelector('main a[href^="/cases/"]')!;
        const section = document.querySelector('#section-assessment')!;
        return { after: getComputedStyle(link, '::after').content, colour: getComputedStyle(link).color, breakInside: getComputedStyle(section).breakInside };
      });
      expect(styles).toEqual({ after: 'none', colour: 'rgb(0, 0, 0)', breakInside: 'avoid' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      // The manager's page goes on to the next step on a screen.
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('shows the audit in the case’s history', async () => {
    const page = await pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/cases/NV-00005`);
    const history = page.getByRole('table', { name: 'Audits of case NV-00005, newest first' });
    const row = history.locator('tr', { has: page.locator(`a[href="/audits/${auditId}"]`) });
    expect(await row.innerText()).toMatch(/Completed[\s\S]*Requires improvement/);
    await expectNoAxeViolations(page);
  });
});

describe('the case holder', () => {
  it('finds the audit of their case and adds a reflection in their own words', async () => {
    const page = await pageAs('practitioner@northvale.example');
    await page.goto(`${stack.portalUrl}/audits`);
    await expectPage(page, /^\/audits$/, /^My audits – Waypoint$/);
    await page.locator(`a[href="/audits/${auditId}"]`).click();
    await expectPage(page, new RegExp(`^/audits/${auditId}$`), /^Audit of case NV-00005/);
    expect(await page.getByRole('link', { name: /^Raise an action/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Change/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Add reflection' }).click();
    await errorSummary(page).waitFor();
    expect(await errorSummary(page).getByRole('link', { name: 'Write your reflection' }).getAttribute('href')).toBe('#reflection');
    // The problem is beside the form that failed, at the foot of a long record, and has focus there.
    const reflectionsRegion = page.getByRole('region', { name: 'Reflections' });
    expect(await reflectionsRegion.getByRole('alert').filter({ hasText: 'There is a problem' }).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary') && !!document.activeElement.closest('[aria-labelledby="reflections"]'))).toBe(true);
    expect(
      await page.evaluate(() => {
        const box = document.activeElement!.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight;
      }),
    ).toBe(true);
    await expectNoAxeViolations(page);

    const words = 'Hearing how the delay felt from the child’s side stays with me. I will hold strategy discussions the same day.';
    await page.getByLabel('Add your reflection').fill(words);
    await page.getByRole('button', { name: 'Add reflection' }).click();
    await expectPage(page, new RegExp(`^/audits/${auditId}\\?reflected=1$`), /^Audit of case NV-00005/);
    const reflections = page.getByRole('region', { name: 'Reflections' });
    expect(await reflections.getByRole('status').innerText()).toContain('Your reflection has been added');
    expect(await reflections.innerText()).toContain(words);
    expect(await reflections.innerText()).toContain('Priya Shah, case holder');
    expect(pathOf(page)).toBe(`/audits/${auditId}?reflected=1`);
  });
});
