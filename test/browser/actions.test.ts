/**
 * Actions in the browser, axe on every page: the owner finds their action overdue-first and
 * records it as done with evidence, and is offered no Verify; their manager verifies it; the
 * audit it came from shows it verified. A second action is cancelled: a reason is required,
 * and the cancellation shows in the history. One page per person from test to test: the portal
 * sends no script and its policy forbids any, and the axe check refuses a page that carries one,
 * so these pages are also the pages without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { fillDate, londonDay } from './audits-steps.ts';

const OWNER = 'practitioner@northvale.example';
const MANAGER = 'manager@northvale.example';
/** The action the owner completes, read from their list. */
const completed = { href: '', description: '' };

useBrowserStack();

/** One page per person, taken from test to test. */
const pageAs = reusedPages();

const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${stack.portalUrl}${path}`);
  await expectNoAxeViolations(page);
}

describe('actions', () => {
  it('shows the owner their open actions, overdue first, each linked to its page', async () => {
    const page = await pageAs(OWNER);
    await open(page, '/actions');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('My actions');
    const rows = page.getByRole('table', { name: /My open actions/ }).locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const overdueFlags = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent?.includes('Overdue') ?? false));
    // Overdue rows come before the rest.
    expect(overdueFlags).toEqual([...overdueFlags].sort((a, b) => Number(b) - Number(a)));
    const link = rows.first().getByRole('link').first();
    completed.description = await link.innerText();
    completed.href = (await link.getAttribute('href'))!;
    await open(page, '/actions?status=closed');
  });

  it('lets the owner record it as done with evidence, checking the date, and offers them no verify', async () => {
    const page = await pageAs(OWNER);
    await open(page, completed.href);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(completed.description);
    await expect(page.getByRole('button', { name: 'Verify the action' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Record as done' }).click();
    await expect(errorSummary(page).innerText()).resolves.toContain('Say what was done and where the evidence is');
    await expectNoAxeViolations(page);
    await page.getByLabel('What was done, and where is the evidence?').fill('Contingency plan written with the family on the visit; on the case record.');
    await fillDate(page, 'doneOn', londonDay());
    await page.getByRole('button', { name: 'Record as done' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('The action is recorded as done');
    await expect(page.locator('.summary-list').innerText()).resolves.toContain('Done');
    await expect(page.getByRole('button', { name: 'Verify the action' }).count()).resolves.toBe(0);
    await expect(page.getByText('nobody signs off their own action').count()).resolves.toBe(1);
    await expect(page.getByRole('list', { name: 'History' }).innerText()).resolves.toContain('Contingency plan written with the family');
    await expectNoAxeViolations(page);
  });

  it('lets the manager verify it, and the audit shows what followed and that it was verified', async () => {
    const page = await pageAs(MANAGER);
    await open(page, '/actions/team');
    await open(page, completed.href);
    await page.getByLabel('Note (optional)').fill('Seen on the record.');
    await page.getByRole('button', { name: 'Verify the action' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('The action is verified');
    await expect(page.getByRole('list', { name: 'History' }).innerText()).resolves.toMatch(/Verified by .*\n?.*Seen on the record\./s);
    await page.getByRole('link', { name: /The audit of case/ }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: completed.description }) });
    await expect(row.innerText()).resolves.toContain('Verified');
    await expectNoAxeViolations(page);
  });

  it('takes an action through cancelling, a reason required', async () => {
    const page = await pageAs(MANAGER);
    await page.goto(`${stack.portalUrl}/actions/team`);
    const row = page
      .getByRole('table', { name: /Open actions/ })
      .locator('tbody tr')
      .filter({ hasNotText: completed.description })
      .first();
    const href = (await row.getByRole('link').first().getAttribute('href'))!;
    await page.goto(`${stack.portalUrl}${href}`);
    await page.getByRole('button', { name: 'Cancel the action' }).click();
    await expect(errorSummary(page).innerText()).resolves.toContain('Give a reason');
    await page.getByLabel('Why is it being cancelled?').fill('The child moved out of the area; the new team has the finding.');
    await page.getByRole('button', { name: 'Cancel the action' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('The action is cancelled');
    await expect(page.getByRole('list', { name: 'History' }).innerText()).resolves.toContain('Reason: The child moved out of the area');
    await expect(page.getByRole('button', { name: 'Cancel the action' }).count()).resolves.toBe(0);
  });
});
