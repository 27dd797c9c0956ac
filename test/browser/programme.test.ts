/**
 * The monthly programme in the browser, axe on every page: a team manager opens this
 * month and sees what is late (among it a re-audit, shown with the Inadequate audit it
 * follows up and that audit's actions), proposes next month's sample, is refused a swap
 * to a case audited in the last year, swaps for an eligible one with a reason and
 * accepts, which plans the audits; QA and senior managers read the programme across teams.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { londonDay } from './audits-steps.ts';

const MANAGER = 'manager@northvale.example';
const thisMonth = londonDay().iso.slice(0, 7);
const nextMonth = shiftMonth(thisMonth, 1);
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const inWords = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

useBrowserStack();

const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });
const sampledCases = (page: Page) => page.getByRole('table', { name: /sampled case/ }).locator('tbody th');

describe('a team manager’s month', () => {
  it('opens this month and sees the late audits, with how late each is', async () => {
    const page = await signedIn.pageAs(MANAGER);
    await page.goto(`${stack.portalUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quality assurance' }).click();
    await page.getByRole('link', { name: 'Monthly programme' }).click();
    await page.waitForURL(`**/programme/${thisMonth}`);
    expect(await page.title()).toBe(`This month, ${inWords(thisMonth)} – Programme – Waypoint`);
    await expectNoAxeViolations(page);

    const late = page.getByRole('table', { name: 'Late audits, most overdue first' });
    const rows = late.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    // Late in words and by how much, not by colour alone.
    expect(await rows.first().innerText()).toMatch(/Late\s+\d+ days?/);
    expect(await late.innerText()).toContain('Re-audit');

    // The late re-audit shows the Inadequate audit it follows up, with that audit's actions.
    await late
      .getByRole('row', { name: /Re-audit/ })
      .getByRole('link')
      .click();
    await page.waitForURL(/\/audits\/[^/]+$/);
    const followUp = page.getByRole('region', { name: 'The audit this re-audit follows up' });
    expect(await followUp.innerText()).toContain('Inadequate');
    expect(
      await followUp
        .getByRole('table', { name: /^Actions from the audit of / })
        .locator('tbody tr')
        .count(),
    ).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('proposes next month’s sample, is refused an ineligible swap, swaps with a reason and accepts', async () => {
    const page = await signedIn.pageAs(MANAGER);
    await page.goto(`${stack.portalUrl}/programme/${thisMonth}`);
    await page.getByRole('link', { name: `${inWords(nextMonth)} (next month)` }).click();
    await page.waitForURL(`**/programme/${nextMonth}`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Your month');
    await page.getByRole('button', { name: `Propose my sample for ${inWords(nextMonth)}` }).click();

    await page.waitForURL(`**/programme/${nextMonth}/samples/nv-manager?proposed=1`);
    expect(await page.getByRole('status').innerText()).toContain('Sample proposed');
    const proposed = await sampledCases(page).allInnerTexts();
    expect(proposed).toHaveLength(2);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: `Swap case ${proposed[0]}` }).click();
    await page.waitForURL(/\/swap\?out=/);
    expect(await page.getByRole('radio', { name: proposed[0]! }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    // The eligible cases are offered to pick from, each with its type and holder: nothing to type.
    const incoming = page.getByRole('group', { name: 'Which case should be audited instead?' });
    expect(await page.getByRole('textbox', { name: 'Which case should be audited instead?' }).count()).toBe(0);
    const offered = await incoming.getByRole('radio').count();
    expect(offered).toBeGreaterThan(0);
    expect(await incoming.innerText()).toMatch(/Child in Need, held by /);

    // Forgetting to pick one says so on the question, keeping the reason.
    await page.getByLabel('Why swap it?').fill('The case holder is on leave all month.');
    await page.getByRole('button', { name: 'Swap the case' }).click();
    await errorSummary(page).waitFor();
    expect(await errorSummary(page).getByRole('link', { name: 'Select the case to audit instead' }).getAttribute('href')).toBe('#in');
    expect(await page.getByLabel('Why swap it?').inputValue()).toBe('The case holder is on leave all month.');
    await expectNoAxeViolations(page);

    const eligible = (await incoming.getByRole('radio').first().getAttribute('value'))!;
    await incoming.getByRole('radio', { name: eligible }).check();
    await page.getByRole('button', { name: 'Swap the case' }).click();
    await page.waitForURL(/\?swapped=1$/);
    expect(await sampledCases(page).allInnerTexts()).toEqual([eligible, proposed[1]]);
    const swaps = page.getByRole('table', { name: 'Swaps' });
    expect(await swaps.innerText()).toContain('The case holder is on leave all month.');

    await page.getByRole('button', { name: 'Accept the sample and plan 2 audits' }).click();
    await page.waitForURL(`**/programme/${nextMonth}?accepted=1`);
    expect(await page.getByRole('status').innerText()).toContain('Sample accepted');
    const audits = page.getByRole('table', { name: `Audits of ${inWords(nextMonth)}` });
    expect(await audits.locator('tbody tr').count()).toBe(2);
    expect(await audits.innerText()).toContain('Planned');
    await expectNoAxeViolations(page);

    await audits.getByRole('link', { name: new RegExp(`^${eligible}`) }).click();
    await page.waitForURL(/\/audits\/[^/]+$/);
    expect(await page.title()).toMatch(new RegExp(`^Audit of case ${eligible}, ${inWords(nextMonth)} – Waypoint$`));
    await page.context().close();
  });
});

describe('the programme across teams', () => {
  it('shows QA every manager’s sample and counts, and the late audits', async () => {
    const page = await signedIn.pageAs('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/programme`);
    await page.waitForURL(`**/programme/${thisMonth}`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('The programme across teams');
    const managers = page.getByRole('table', { name: 'Team managers: samples and audits' });
    expect(await managers.getByRole('row', { name: /Morgan Ellis/ }).innerText()).toContain('Child in Need');
    expect(await page.getByRole('table', { name: 'Late audits, most overdue first' }).locator('tbody tr').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('lets QA swap a case in a manager’s sample and accept it with JavaScript off, confirming each step', async () => {
    const page = await signedIn.pageAs('qa@northvale.example', { javaScriptEnabled: false });
    await page.goto(`${stack.portalUrl}/programme/${thisMonth}/samples/nv-tm-02`);
    const before = await sampledCases(page).allInnerTexts();
    await page.getByRole('link', { name: `Swap case ${before[0]}` }).click();
    const incoming = page.getByRole('group', { name: 'Which case should be audited instead?' });
    const eligible = (await incoming.getByRole('radio').first().getAttribute('value'))!;
    await incoming.getByRole('radio', { name: eligible }).check();
    await page.getByLabel('Why swap it?').fill('Sampled twice in a row.');
    await page.getByRole('button', { name: 'Swap the case' }).click();
    await page.waitForURL(/\?swapped=1$/);
    expect(await page.getByRole('status').innerText()).toContain('Case swapped');
    expect(await sampledCases(page).allInnerTexts()).toContain(eligible);

    await page.getByRole('button', { name: /^Accept the sample and plan \d+ audits?$/ }).click();
    await page.waitForURL(/\/samples\/nv-tm-02\?accepted=1$/);
    const notice = page.getByRole('status');
    expect(await notice.innerText()).toContain('Sample accepted');
    // Focus is on the confirmation (autofocus, no script needed), so it is heard first.
    expect(await page.locator('[role="status"]:focus').count()).toBe(1);
    expect(await page.getByRole('link', { name: /^Open the audit of case / }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('lets a senior manager read the programme but not handle a sample', async () => {
    const page = await signedIn.pageAs('senior@northvale.example');
    await page.goto(`${stack.portalUrl}/programme/${thisMonth}/samples/nv-manager`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Morgan Ellis’s sample for ${inWords(thisMonth)}`);
    expect(await page.getByRole('button', { name: /Accept the sample/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Swap/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
