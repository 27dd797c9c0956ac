/**
 * The main staff journey with JavaScript off: sign in, home, cases, filter, a case, edit
 * and save, then the change in the activity log; plus a refused password and sign-out.
 * (axe needs scripts in the page, so it runs in accessibility.test.ts with JavaScript on.)
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, continueWithEmail, fillProviderSignIn, signIn } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';

useBrowserStack();

async function newPageWithoutScripts(): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

describe('signing in', () => {
  it('refuses a wrong password on the sign-in page and stays there', async () => {
    const page = await newPageWithoutScripts();
    await page.goto(`${stack.portalUrl}/signin`);
    await continueWithEmail(page, 'manager@northvale.example');
    await fillProviderSignIn(page, 'manager@northvale.example', `${DEMO_PASSWORD}-wrong`);
    await page.getByText('Enter a correct email address and password').first().waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(stack.issuer).origin);
    expect(await page.title()).toMatch(/^Error: /);
    await page.context().close();
  });

  it('sends a signed-out visitor to the sign-in page and back to where they were going', async () => {
    const page = await newPageWithoutScripts();
    await page.goto(`${stack.portalUrl}/cases?caseType=early-help`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await continueWithEmail(page, 'qa@northvale.example');
    await fillProviderSignIn(page, 'qa@northvale.example', DEMO_PASSWORD);
    await page.waitForURL(`${stack.portalUrl}/cases?caseType=early-help`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Cases');
    await page.context().close();
  });
});

describe('with JavaScript off', () => {
  it('signs in, finds a case through the filters, edits it and sees the change in the activity log', async () => {
    const page = await newPageWithoutScripts();
    await signIn(page, 'qa@northvale.example', { portalUrl: stack.portalUrl! });

    // Home
    expect(await page.title()).toBe('Home – Waypoint');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Welcome, Quinn Adeyemi');
    expect(await page.getByRole('banner').innerText()).toContain('Northvale Council');

    // Cases, filtered by team and case type with the GET form
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    expect(await page.title()).toBe('Cases – Waypoint');
    await page.getByLabel('Team').selectOption({ label: 'Child in Need' });
    await page.getByLabel('Case type').selectOption({ label: 'Child in Need' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/team=child-in-need/);
    const table = page.getByRole('table', { name: 'Cases matching your filters' });
    const teams = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(teams.length).toBeGreaterThan(0);
    expect(new Set(teams)).toEqual(new Set(['Child in Need']));

    // The case page
    await table.getByRole('link', { name: 'NV-00004' }).click();
    expect(await page.title()).toBe('Case NV-00004 – Waypoint');

    // Edit and save
    await page.getByLabel('Label (optional)').fill('Reviewed at QA panel');
    await page.getByRole('group', { name: 'Status' }).getByLabel('Closed').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/cases\/NV-00004\?saved=1$/);
    expect(await page.getByRole('status').innerText()).toContain('Case NV-00004 saved.');
    const details = page.locator('dl.summary-list');
    expect(await details.innerText()).toContain('Reviewed at QA panel');
    expect(await details.innerText()).toContain('Closed');

    // The activity log records it
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity log' }).click();
    expect(await page.title()).toBe('Activity log – Waypoint');
    const firstRow = page.getByRole('table', { name: 'Latest changes' }).locator('tbody tr').first();
    const row = await firstRow.innerText();
    expect(row).toContain('Quinn Adeyemi');
    expect(row).toContain('NV-00004');
    expect(row).toContain('label');
    await page.context().close();
  });

  it('shows problems in an error summary and beside the fields, keeping what was typed', async () => {
    const page = await newPageWithoutScripts();
    await signIn(page, 'admin@northvale.example', { portalUrl: stack.portalUrl!, returnTo: '/settings' });
    await page.getByLabel('Keep feedback answers and safety alerts for (years)').fill('many');
    await page.getByLabel('Duty contact email address').fill('not an email');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await page.title()).toBe('Error: Settings – Waypoint');
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Enter an email address like duty@council.gov.uk', 'Enter a whole number of years from 1 to 75']);
    expect(await page.locator('#retentionYears-error').innerText()).toContain('Enter a whole number of years from 1 to 75');
    expect(await page.getByLabel('Keep feedback answers and safety alerts for (years)').inputValue()).toBe('many');
    expect(await page.getByLabel('Duty contact email address').inputValue()).toBe('not an email');
    await page.context().close();
  });

  it('signs out with a form post, through the provider, and the staff pages ask for sign-in again', async () => {
    const page = await newPageWithoutScripts();
    await signIn(page, 'manager@northvale.example', { portalUrl: stack.portalUrl! });
    await page.getByRole('button', { name: 'Sign out' }).click();
    // The provider asks to confirm (its form needs no script), then returns to the portal.
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((url) => url.origin === new URL(stack.portalUrl!).origin);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await page.goto(`${stack.portalUrl}/cases`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in to Waypoint');
    await page.context().close();
  });
});
