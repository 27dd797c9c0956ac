/**
 * Records compliance in the browser, axe on every page: a QA officer draws this month's cases,
 * checks five of them one after another from the keyboard alone ("Save and next case"), is told
 * plainly when an item is left unanswered, raises an action for the case holder from a "no",
 * and reads the report, whose month row counts the checks just made. Walked once: the portal
 * sends no script and its policy forbids any, and the axe check refuses a page that carries
 * one, so this walk is also the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COMPLIANCE_ITEMS } from '@waypoint/shared/compliance/compliance-checklist';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { fillDate, londonDay } from './audits-steps.ts';

const QA = 'qa@northvale.example';
const thisMonth = londonDay().iso.slice(0, 7);
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortMonth = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

useBrowserStack();

/** The focused element's id and words, read the way a test can with scripts off. */
async function focused(page: Page): Promise<{ id: string; text: string }> {
  const element = page.locator(':focus');
  if ((await element.count()) === 0) return { id: '', text: '' };
  return { id: (await element.getAttribute('id')) ?? '', text: (await element.innerText()).trim() };
}

/** Presses Tab until the focused element is the one wanted: how a keyboard user gets there. */
async function tabTo(page: Page, wanted: { id: string } | { text: RegExp }, most = 80): Promise<void> {
  for (let i = 0; i < most; i++) {
    const now = await focused(page);
    if ('id' in wanted ? now.id === wanted.id : wanted.text.test(now.text)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${JSON.stringify('id' in wanted ? wanted.id : String(wanted.text))}`);
}

/**
 * Answers the checklist from the keyboard: Space picks "Yes", the right arrow moves to "No";
 * a note is typed where there is a "no". `noAt` is the item answered "no" (or none).
 */
async function answerByKeyboard(page: Page, noAt: number | null, skip?: number): Promise<void> {
  await tabTo(page, { id: `answers-${COMPLIANCE_ITEMS[0]}` });
  for (const [i, item] of COMPLIANCE_ITEMS.entries()) {
    expect((await focused(page)).id).toBe(`answers-${item}`);
    if (i !== skip) {
      if (i === noAt) {
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Not on the record yet');
      } else {
        await page.keyboard.press('Space');
        await page.keyboard.press('Tab');
      }
    } else {
      await page.keyboard.press('Tab');
    }
    // Now on the note; Tab on to the next question (or the buttons after the last).
    await page.keyboard.press('Tab');
  }
}

async function monthChecks(page: Page): Promise<{ checks: number; no: number }> {
  await page.goto(`${stack.portalUrl}/compliance/report`);
  const row = page.getByRole('table', { name: 'Checks by month' }).getByRole('row', { name: new RegExp(`^${shortMonth(thisMonth)}`) });
  const cells = await row.locator('td').allInnerTexts();
  return { checks: Number(cells[0]), no: Number(cells[2]) };
}

describe('a QA officer’s run of checks', () => {
  it('checks five cases keyboard-only with “Save and next case” and reads them in the report', async () => {
    const page = await signedIn.pageAs(QA);
    const before = await monthChecks(page);
    await expectNoAxeViolations(page);

    await page.goto(`${stack.portalUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quality assurance' }).click();
    await page.getByRole('link', { name: 'Records compliance' }).first().click();
    await page.waitForURL(`**/compliance/${thisMonth}`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Cases to check in');
    const draw = page.getByRole('button', { name: 'Draw the cases' });
    if (await draw.isVisible()) {
      await expectNoAxeViolations(page);
      await tabTo(page, { id: 'checksPerTeam' });
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/compliance/${thisMonth}`);
    }
    await page.getByRole('button', { name: /Draw the cases/ }).waitFor({ state: 'detached' });
    expect(await page.getByText(/cases? drawn from each team/).innerText()).toMatch(/3 cases drawn from each team by Quinn Adeyemi/);
    await expectNoAxeViolations(page);

    // Into the first case not yet checked, by keyboard.
    await tabTo(page, { text: /^(Start checking|Check the next case)/ });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/compliance\/\d{4}-\d{2}\/cases\/[^/?]+$/);

    // A question left out is named in the error summary, and nothing is saved.
    const firstCase = new URL(page.url()).pathname.split('/').at(-1)!;
    await answerByKeyboard(page, null, 2);
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    expect(await summary.innerText()).toContain('Choose yes, no or not applicable for “Genogram”');
    expect(await page.title()).toMatch(/^Error: Check case /);
    await expectNoAxeViolations(page);

    const checked: string[] = [];
    for (let n = 0; n < 5; n++) {
      const ref = new URL(page.url()).pathname.split('/').at(-1)!;
      if (n === 0) expect(ref).toBe(firstCase);
      checked.push(ref);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Check case ${ref}`);
      if (n === 1) await expectNoAxeViolations(page);
      await answerByKeyboard(page, n % 2 === 0 ? n : null);
      expect((await focused(page)).text).toBe('Save and next case');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.pathname.endsWith(`/${ref}`));
      expect(await page.getByRole('status').innerText()).toContain(`Check of case ${ref} saved`);
    }
    expect(new Set(checked).size).toBe(5);

    // The last case had a "no": an action for its case holder, through the usual action pages.
    const last = checked.at(-1)!;
    await page.goto(`${stack.portalUrl}/compliance/${thisMonth}/cases/${last}`);
    await page
      .getByRole('link', { name: /^Raise an action/ })
      .first()
      .click();
    await page.waitForURL(/\/actions\/new\?item=/);
    await expectNoAxeViolations(page);
    expect(await page.getByLabel('Owner', { exact: true }).inputValue()).not.toBe('');
    await page.getByLabel('What must happen?').fill('Bring the record up to date and tell the team manager.');
    await fillDate(page, 'dueDate', londonDay(14));
    await page.getByRole('button', { name: 'Raise action' }).click();
    await page.waitForURL(/\/actions\/[^/?]+\?raised$/);
    expect(await page.getByText('A records compliance check').innerText()).toContain('answered no');
    await expectNoAxeViolations(page);

    const after = await monthChecks(page);
    expect(after.checks - before.checks).toBe(5);
    expect(after.no - before.no).toBe(3);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Compliance report');
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
