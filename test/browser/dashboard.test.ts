/**
 * The service dashboard in the browser, axe on every page: a senior manager sees the service
 * picture (every figure a chart with its table, feedback themes included: the demo's responses
 * come tagged), filters it without JavaScript, downloads a figure's rows as CSV, and prints it
 * (print media: no navigation, filters or links to download); small groups read "fewer than
 * 5"; a team manager has no dashboard.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';

const SENIOR = 'senior@northvale.example';
const FIGURES = ['Audits due and completed on time', 'Grades overall and by section', 'Overall grades month by month', 'Moderation agreement', 'Actions raised and what became of them', 'Most common areas for development', 'By group of children'];

useBrowserStack();

describe('service dashboard', () => {
  it('shows a senior manager every figure as a chart beside its table, with no named worker', async () => {
    const page = await signedIn.pageAs(SENIOR);
    await page.goto(`${stack.portalUrl}/dashboard`);
    await expectNoAxeViolations(page);
    for (const figure of FIGURES) {
      const section = page.getByRole('region', { name: figure });
      expect(await section.getByRole('img').count(), figure).toBeGreaterThan(0);
    }
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(6);
    const themes = page.getByRole('region', { name: 'What children and families told us' }).getByRole('table', { name: 'Feedback themes, most common first' });
    expect(await themes.count()).toBe(1);
    const counts = await themes.locator('tbody td:nth-child(2)').allInnerTexts();
    expect(counts.filter((count) => Number(count) >= 5).length).toBeGreaterThanOrEqual(2);
    expect(counts).toContain('fewer than 5');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Median days to done');
    // Nobody is named: no action owner on the team list appears anywhere in the figures.
    await page.goto(`${stack.portalUrl}/actions/team`);
    const owners = new Set(await page.getByRole('table').locator('tbody tr td:nth-child(3)').allInnerTexts());
    expect(owners.size).toBeGreaterThan(0);
    for (const name of owners) expect(text).not.toContain(name);
  });

  it('filters by period without JavaScript and exports a figure as CSV', async () => {
    const page = await signedIn.pageAs(SENIOR, { javaScriptEnabled: false });
    await page.goto(`${stack.portalUrl}/dashboard`);
    await page.getByLabel('Period').selectOption('quarter');
    await page.getByRole('button', { name: 'Show figures' }).click();
    expect(new URL(page.url()).searchParams.get('period')).toBe('quarter');
    const href = await page.getByRole('link', { name: /Grades overall and by section.*CSV/ }).getAttribute('href');
    const response = await page.request.get(`${stack.portalUrl}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    expect((await response.text()).split('\n')[0]).toContain('part');
  });

  it('gives a print view that prints without navigation, filters or downloads', async () => {
    const page = await signedIn.pageAs(SENIOR);
    await page.goto(`${stack.portalUrl}/dashboard`);
    await page.getByRole('link', { name: 'Print view' }).click();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('link', { name: 'Back to the dashboard' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: 'Moderation agreement' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: /CSV/ }).count()).resolves.toBe(0);
  });

  it('shows a team manager no dashboard', async () => {
    const page = await signedIn.pageAs('manager@northvale.example');
    const response = await page.goto(`${stack.portalUrl}/dashboard`);
    expect(response?.status()).toBe(404);
  });
});
