/**
 * The practitioner and case levels in the browser, axe on every page: a practitioner sees
 * their own learning (audits, grades and grades month by month, actions, reflections, themes)
 * and gets a 404 for someone else's; their manager reads it from the team list; the case's
 * evidence page shows its grades over time and the actions that followed each audit. The
 * portal runs no script with JavaScript on or off, so each page here is the one a browser
 * without it gets.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';

const PRACTITIONER = 'practitioner@northvale.example';
const MANAGER = 'manager@northvale.example';
const mine = { path: '', caseRef: '' };

useBrowserStack();

/** One page per person, taken from test to test; every test goes to its own first page. */
const pageAs = reusedPages();

describe('practitioner learning and case evidence', () => {
  it('shows a practitioner their own learning', async () => {
    const page = await pageAs(PRACTITIONER);
    await page.goto(`${stack.portalUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learning' }).click();
    mine.path = new URL(page.url()).pathname;
    expect(mine.path).toMatch(/^\/practitioners\/.+/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('My learning');
    for (const heading of ['Learning themes', 'Grades', 'Grades month by month', 'Audits', 'Actions', 'Reflections']) {
      await expect(page.getByRole('heading', { level: 2, name: heading, exact: true }).count(), heading).resolves.toBe(1);
    }
    expect(await page.getByRole('table', { name: 'Audits', exact: true }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: 'Grades of completed audits' }).count()).toBe(1);
    // The demo audits of their cases were completed over recent months, so the series is drawn and tabled.
    const byMonth = page.getByRole('table', { name: 'How your audits were graded, month by month' });
    expect(await byMonth.locator('tbody tr').count()).toBe(12);
    expect(await byMonth.locator('tbody th[scope="row"]').count()).toBe(12);
    expect(await byMonth.getByRole('columnheader', { name: 'Areas for development' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: 'How your audits were graded, month by month' }).count()).toBe(1);
    await expect(page.getByText('No audits of your cases were completed in the last 12 months').count()).resolves.toBe(0);
    mine.caseRef = (await page.getByRole('table', { name: 'Audits', exact: true }).locator('tbody tr').first().getByRole('link').innerText()).replace('Case ', '');
    await expectNoAxeViolations(page);
  });

  it('gives a practitioner a 404 for another person’s learning', async () => {
    const manager = await pageAs(MANAGER);
    await manager.goto(`${stack.portalUrl}/practitioners`);
    await expectNoAxeViolations(manager);
    const other = manager.getByRole('main').getByRole('listitem').getByRole('link').filter({ hasNotText: 'Your own' }).first();
    const otherHref = (await other.getAttribute('href'))!;
    const page = await pageAs(PRACTITIONER);
    const ownLink = await manager.getByRole('link', { name: 'Your own learning record' }).getAttribute('href');
    const response = await page.goto(`${stack.portalUrl}${otherHref === mine.path ? ownLink : otherHref}`);
    expect(response?.status()).toBe(404);
  });

  it('lets a manager read a team member’s learning', async () => {
    // The page without JavaScript: the portal runs no script either way.
    const page = await pageAs(MANAGER);
    const response = await page.goto(`${stack.portalUrl}${mine.path}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').innerText()).resolves.not.toBe('My learning');
    expect(await page.getByRole('table', { name: 'How their audits were graded, month by month' }).locator('tbody tr').count()).toBe(12);
  });

  it('shows the case’s evidence: grades over time and the actions that followed', async () => {
    const page = await pageAs(MANAGER);
    await page.goto(`${stack.portalUrl}/cases/${mine.caseRef}`);
    await page.getByRole('link', { name: /Evidence for this case/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`Evidence for case ${mine.caseRef}`);
    for (const heading of ['Grades over time', 'Actions', 'Audits']) await expect(page.getByRole('heading', { level: 2, name: heading, exact: true }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
  });
});
