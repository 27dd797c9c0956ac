/**
 * Every portal page, as a role that may use it, passes axe (WCAG 2.2 AA and best
 * practice) with JavaScript on, and has its own title and lang="en".
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';

const titles = new Map<string, string>();

useBrowserStack();

async function checkPage(page: Page, path: string, expected: { status: number; title: string }): Promise<void> {
  const response = await page.goto(`${stack.portalUrl}${path}`);
  expect(response?.status()).toBe(expected.status);
  expect(await page.title()).toBe(expected.title);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await expectNoAxeViolations(page);
  titles.set(path, expected.title);
}

describe('pages signed out', () => {
  it('the sign-in page passes axe', async () => {
    const context = await browser.newContext();
    await checkPage(await context.newPage(), '/signin', { status: 200, title: 'Sign in – Waypoint' });
    await context.close();
  });

  it('the engagement placeholder passes axe and sends no script', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await checkPage(page, '/have-your-say', { status: 200, title: 'Have your say – Waypoint' });
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Have your say');
    expect(await page.locator('script').count()).toBe(0);
    await context.close();
  });
});

describe('staff pages, each as a role that may use it', () => {
  const cases: [email: string, path: string, status: number, title: string][] = [
    ['manager@northvale.example', '/', 200, 'Home – Waypoint'],
    ['manager@northvale.example', '/cases', 200, 'Cases – Waypoint'],
    ['manager@northvale.example', '/cases?team=child-in-need&caseType=child-in-need', 200, 'Cases – Waypoint'],
    ['manager@northvale.example', '/cases/NV-00001', 200, 'Case NV-00001 – Waypoint'],
    ['practitioner@northvale.example', '/cases/NV-00002', 200, 'Case NV-00002 – Waypoint'],
    ['practitioner@northvale.example', '/settings', 200, 'Settings – Waypoint'],
    ['admin@northvale.example', '/', 200, 'Home – Waypoint'],
    ['admin@northvale.example', '/settings', 200, 'Settings – Waypoint'],
    ['qa@northvale.example', '/activity', 200, 'Activity log – Waypoint'],
    ['manager@northvale.example', '/dev/outbox', 200, 'Outbox – Waypoint'],
    ['student@northvale.example', '/activity', 403, 'You do not have access – Waypoint'],
    ['manager@northvale.example', '/cases/SM-00001', 404, 'Page not found – Waypoint'],
    ['manager@northvale.example', '/no-such-page', 404, 'Page not found – Waypoint'],
    ['operator@waypoint.example', '/operator', 200, 'Authorities – Waypoint'],
    ['senior@northvale.example', '/signout', 200, 'Sign out – Waypoint'],
  ];

  /** One page per person, taken from page to page as a person would: a new context for each check costs more than the check. */
  const pageOf = reusedPages();

  it.each(cases)('%s: %s passes axe', async (email, path, status, title) => {
    await checkPage(await pageOf(email), path, { status, title });
  });

  it('the settings form with errors passes axe, and the error summary links to the field', async () => {
    const page = await pageOf('admin@northvale.example');
    await page.goto(`${stack.portalUrl}/settings`);
    await page.getByLabel('Keep feedback answers and safety alerts for (years)').fill('many');
    await page.getByLabel('Main colour').fill('blue');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await page.title()).toBe('Error: Settings – Waypoint');
    expect(await summary.getByRole('link', { name: 'Enter a whole number of years from 1 to 75' }).getAttribute('href')).toBe('#retentionYears');
    expect(await summary.getByRole('link', { name: 'Use a colour like #1d70b8' }).getAttribute('href')).toBe('#primaryColour');
    await expectNoAxeViolations(page);
  });

  it('offers each role only the navigation it may use', async () => {
    const navFor = async (email: string) => {
      const page = await pageOf(email);
      await page.goto(`${stack.portalUrl}/`);
      return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    };
    expect(await navFor('practitioner@northvale.example')).toEqual(['Cases', 'Audits', 'Actions', 'Learning', 'Quality assurance', 'Engagement']);
    expect(await navFor('admin@northvale.example')).toEqual(['Templates', 'Users', 'Teams', 'Imports', 'Activity log', 'Outbox']);
    expect(await navFor('qa@northvale.example')).toEqual(['Cases', 'Audits', 'Actions', 'Dashboard', 'Quality assurance', 'Templates', 'Engagement', 'Alerts', 'Activity log']);
  });

  it('gives each page its own title', () => {
    const pages = ['/signin', '/signout', '/have-your-say', '/', '/cases', '/cases/NV-00001', '/cases/NV-00002', '/settings', '/activity', '/dev/outbox', '/operator'];
    const pageTitles = pages.map((path) => titles.get(path));
    expect(pageTitles.every((t) => t !== undefined)).toBe(true);
    expect(new Set(pageTitles).size).toBe(pages.length);
  });
});
