/**
 * A thematic review in the browser, with axe on every page: a QA officer sets up a review and
 * draws its cases, a practitioner reviews one on the audit screens, the lead writes findings and
 * a recommendation and raises an action from it, a senior manager signs it off, the lead
 * publishes it, and any member of staff reads the report. Walked once: the portal sends no
 * script and its policy forbids any, and the axe check refuses a page that carries one, so this
 * walk is also the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { nv } from '../api/api-client.ts';
import { fillDate, londonDay, saveAndContinue } from './audits-steps.ts';

useBrowserStack();

const status = (page: Page) => page.getByRole('status').innerText();

describe('a thematic review', () => {
  it('is set up, its cases drawn, a case reviewed by a practitioner, findings written, an action raised, signed off and published', async () => {
    const title = 'Hearing children';
    // The lead sets it up.
    const qa = await signedIn.pageAs(nv('qa'));
    await qa.goto(`${stack.portalUrl}/reviews`);
    await expectNoAxeViolations(qa);
    await qa.getByRole('link', { name: 'Set up a review' }).click();
    await qa.waitForURL(/\/reviews\/new$/);
    await qa.getByRole('button', { name: 'Set up review' }).click();
    await expect(qa.getByRole('alert').innerText()).resolves.toContain('Give the review a short title');
    await expectNoAxeViolations(qa);
    await qa.getByLabel('Title').fill(title);
    await qa.getByLabel('The question the review answers').fill('How well do we hear children in need?');
    await qa.getByLabel('What the review covers').fill('Open Child in Need cases.');
    await fillDate(qa, 'casesDueBy', londonDay(20));
    await qa.getByLabel('Priya Shah (Practitioner)').check();
    await qa.getByRole('button', { name: 'Set up review' }).click();
    await qa.waitForURL(/\/reviews\/[^/?]+\?created=1$/);
    const reviewPath = new URL(qa.url()).pathname;
    await expect(qa.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(title);
    await expectNoAxeViolations(qa);

    // Draws two cases at random.

    await qa.getByRole('link', { name: 'Choose the cases' }).click();
    await qa.waitForURL(/\/cohort$/);
    await expectNoAxeViolations(qa);
    await qa.getByRole('group', { name: 'Case types' }).getByLabel('Child in Need').check();
    await qa.getByLabel('How many cases').fill('2');
    await qa.getByRole('button', { name: 'Draw the cases' }).click();
    await qa.waitForURL(/\?cohort=1$/);
    await expect(qa.locator('main').innerText()).resolves.toContain('2 cases drawn at random');
    await expectNoAxeViolations(qa);
    await qa.getByRole('button', { name: 'Start the review' }).click();
    await qa.waitForURL(/\?started=1$/);
    await expect(status(qa)).resolves.toContain('The review has started');

    // The practitioner reviews a case on the audit screens.

    const practitioner = await signedIn.pageAs(nv('practitioner'));
    await practitioner.goto(`${stack.portalUrl}${reviewPath}`);
    await expectNoAxeViolations(practitioner);
    await practitioner
      .getByRole('link', { name: /^Review this case/ })
      .first()
      .click();
    await practitioner.waitForURL(/\/audits\/rv-/);
    const auditPath = new URL(practitioner.url()).pathname;
    await expectNoAxeViolations(practitioner);
    await practitioner.getByRole('link', { name: 'Start the audit' }).click();
    await practitioner.waitForURL(/\/conversation$/);
    await fillDate(practitioner, 'conversationDate', londonDay());
    await saveAndContinue(practitioner);
    await practitioner.waitForURL(/\/sections\/voice$/);
    await expectNoAxeViolations(practitioner);
    await practitioner.getByRole('group', { name: 'Was the child seen and heard in a way that suits them?' }).getByLabel('Yes, clearly').check();
    await practitioner.getByRole('group', { name: 'Are the child’s own words in the record?' }).getByLabel('Yes', { exact: true }).check();
    await saveAndContinue(practitioner);
    await practitioner.waitForURL(/\/sections\/acted-on$/);
    await practitioner.getByRole('group', { name: 'Does what the child said shape the plan?' }).getByLabel('Partly').check();
    await saveAndContinue(practitioner);
    await practitioner.waitForURL(/\/sections\/overall$/);
    await practitioner.getByRole('group', { name: 'Overall grade for this theme' }).getByLabel('Good', { exact: true }).check();
    await saveAndContinue(practitioner);
    await practitioner.waitForURL(/\/check$/);
    await expectNoAxeViolations(practitioner);
    await practitioner.getByRole('button', { name: 'Complete audit' }).click();
    await practitioner.waitForURL(new RegExp(`${auditPath}\\?completed=1$`));

    // The lead writes findings and a recommendation, and raises an action from it.

    await qa.goto(`${stack.portalUrl}${reviewPath}`);
    await expect(qa.locator('main').innerText()).resolves.toContain('1 of 2 reviewed');
    await qa.getByLabel('What the review found').fill('Children are seen, but their words rarely reach the plan.');
    await qa.getByLabel('Themes').fill('Seen alone\nWords in the plan');
    await qa.getByRole('button', { name: 'Save findings' }).click();
    await qa.waitForURL(/\?findings=1$/);
    await qa.getByLabel('Add a recommendation').fill('Record the child’s own words in every plan review.');
    await qa.getByRole('button', { name: 'Add recommendation' }).click();
    await qa.waitForURL(/\?recommended=1$/);
    await expectNoAxeViolations(qa);
    await qa.getByRole('link', { name: /^Raise an action/ }).click();
    await qa.getByLabel('Child in Need').check();
    await qa.getByRole('button', { name: 'Continue' }).click();
    await qa.waitForURL(/\?team=child-in-need$/);
    await expectNoAxeViolations(qa);
    await qa.getByLabel('What must happen?').fill('Add a box for the child’s own words to the plan review form.');
    await qa.getByLabel('Owner', { exact: true }).selectOption({ label: 'Priya Shah' });
    await fillDate(qa, 'dueDate', londonDay(30));
    await qa.getByRole('button', { name: 'Raise action' }).click();
    await qa.waitForURL(/\?action=1$/);
    await expect(qa.locator('main').innerText()).resolves.toContain('Add a box for the child’s own words to the plan review form.: Priya Shah');

    // A senior manager signs it off; the lead publishes it.

    const senior = await signedIn.pageAs(nv('senior'));
    await senior.goto(`${stack.portalUrl}${reviewPath}`);
    await expectNoAxeViolations(senior);
    await senior.getByRole('button', { name: 'Sign off the review' }).click();
    await senior.waitForURL(/\?signed=1$/);
    await qa.goto(`${stack.portalUrl}${reviewPath}`);
    await qa.getByRole('button', { name: 'Publish to staff' }).click();
    await qa.waitForURL(/\?published=1$/);
    await expect(status(qa)).resolves.toContain('Every member of staff can now read it');

    // Any member of staff reads the report; one reviewed case is a group under 5.

    const manager = await signedIn.pageAs(nv('manager'));
    await manager.goto(`${stack.portalUrl}${reviewPath}/report`);
    await expectNoAxeViolations(manager);
    const report = await manager.locator('main').innerText();
    expect(report).toContain('Words in the plan');
    expect(report).toContain('Record the child’s own words in every plan review.');
    expect(report).toContain('fewer than 5');
    const csv = await manager.request.get(`${stack.portalUrl}${reviewPath}/report/report.csv`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Theme,,Seen alone');
  });
});
