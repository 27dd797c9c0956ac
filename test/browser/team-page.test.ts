/**
 * A team manager reads their team's page in the browser, axe on every page: the figures as
 * tables beside their charts, owners in alphabetical order, a CSV download and the print view;
 * another team's page is a 403 and one that does not exist a 404. QA officers reach every team's
 * page from the dashboard. Walked once: the portal sends no script and its policy forbids any,
 * and the axe check refuses a page that carries one, so this walk is also the walk without
 * JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';

const MANAGER = 'manager@northvale.example';
const QA = 'qa@northvale.example';

useBrowserStack();

/** One page per person, taken from test to test. */
const pageAs = reusedPages();

const HEADINGS = [
  'Audits due and completed on time',
  'Grades overall and by section',
  'Overall grades month by month',
  'Most common areas for development',
  'Actions',
  'Open and overdue actions by owner',
  'Case holders agreed with the grade',
  'Re-audits due',
  'Records compliance',
];

describe('a team manager’s team page', () => {
  it('is reached from the menu and reads as tables beside charts', async () => {
    const page = await pageAs(MANAGER);
    page.setDefaultTimeout(30_000);
    await page.goto(`${stack.portalUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team', exact: true }).click();
    await page.waitForURL(/\/team$/);
    await expectNoAxeViolations(page);
    await page.getByRole('main').getByRole('link', { name: 'Child in Need' }).click();
    await page.waitForURL(/\/team\/child-in-need$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Child in Need');
    for (const heading of HEADINGS) await expect(page.getByRole('heading', { level: 2, name: heading, exact: true }).count(), heading).resolves.toBe(1);
    expect(await page.getByRole('table', { name: 'Audits by month', exact: true }).locator('tbody tr').count()).toBe(12);
    expect(await page.getByRole('img', { name: 'Audits due and completed on time' }).count()).toBe(1);
    const owners = page.getByRole('table', { name: 'Open actions by owner' });
    const names = await owners.locator('tbody th[scope="row"]').allInnerTexts();
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    await expectNoAxeViolations(page);
  });

  it('downloads a table as CSV and prints', async () => {
    const page = await pageAs(MANAGER);
    const csv = await page.request.get(`${stack.portalUrl}/team/child-in-need/export/actions-by-owner`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('owner,open actions,of them overdue');
    expect(lines.length).toBeGreaterThan(2);
    await page.goto(`${stack.portalUrl}/team/child-in-need`);
    await page.getByRole('link', { name: 'Print view' }).click();
    await page.waitForURL(/\/team\/child-in-need\/print$/);
    await expect(page.getByRole('link', { name: /Download the rows/ }).count()).resolves.toBe(0);
    expect(await page.getByRole('table', { name: 'Open actions by owner' }).count()).toBe(1);
    await expectNoAxeViolations(page);
  });

  it('is a 403 for another team’s page and a 404 for a team that does not exist', async () => {
    const page = await pageAs(MANAGER);
    expect((await page.goto(`${stack.portalUrl}/team/assessment`))?.status()).toBe(403);
    expect((await page.goto(`${stack.portalUrl}/team/no-such-team`))?.status()).toBe(404);
    expect((await page.request.get(`${stack.portalUrl}/team/assessment/export/actions-by-owner`)).status()).toBe(403);
  });

  it('opens any team’s page for a QA officer, from the dashboard', async () => {
    const page = await pageAs(QA);
    await page.goto(`${stack.portalUrl}/dashboard`);
    await page.getByRole('link', { name: 'Team pages' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Assessment' }).click();
    await page.waitForURL(/\/team\/assessment$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Assessment');
    await expectNoAxeViolations(page);
  });
});
