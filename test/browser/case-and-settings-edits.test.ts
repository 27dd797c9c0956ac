/**
 * Editing with JavaScript on: a conflicting save (412) keeps what was typed and shows the
 * latest version, an admin changes the settings, and each user sees only their own scope.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';

useBrowserStack();

const pageAs = reusedPages();

describe('editing a case', () => {
  it('shows the latest version and keeps what was typed when someone else saved first', async () => {
    const page = await pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/cases/NV-00007`);
    await page.getByLabel('Label (optional)').fill('My note from supervision');

    // Meanwhile a QA officer changes the same case through the API.
    const current = await stack.api('qa@northvale.example', '/v1/cases/NV-00007');
    const etag = current.headers.get('etag')!;
    const patched = await stack.api('qa@northvale.example', '/v1/cases/NV-00007', {
      method: 'PATCH',
      headers: { 'if-match': etag },
      body: JSON.stringify({ label: 'Changed by QA' }),
    });
    expect(patched.status).toBe(200);

    await page.getByRole('button', { name: 'Save changes' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Someone else changed this case; here is the latest version' });
    await notice.waitFor();
    expect(await page.locator('dl.summary-list').innerText()).toContain('Changed by QA');
    expect(await page.getByLabel('Label (optional)').inputValue()).toBe('My note from supervision');
    await expectNoAxeViolations(page);

    // Saving again, now against the latest version, goes through.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/cases\/NV-00007\?saved=1$/);
    expect(await page.locator('dl.summary-list').innerText()).toContain('My note from supervision');
    const after = await (await stack.api('qa@northvale.example', '/v1/cases/NV-00007')).json();
    expect(after.label).toBe('My note from supervision');
  });

  it('prints the case details without navigation or the edit form', async () => {
    const page = await pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/cases/NV-00008`);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Save changes' }).isVisible()).toBe(false);
      expect(await page.locator('dl.summary-list').isVisible()).toBe(true);
    } finally {
      // The page is the manager's for the tests after this one, on a screen.
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('does not offer the edit form to a practitioner', async () => {
    const page = await pageAs('practitioner@northvale.example');
    await page.goto(`${stack.portalUrl}/cases/NV-00001`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Case NV-00001');
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
  });
});

describe('settings', () => {
  it('lets the tenant admin change the name and colour, and the header follows', async () => {
    const page = await pageAs('admin@northvale.example');
    await page.goto(`${stack.portalUrl}/settings`);
    await page.getByLabel('Authority name').fill('Northvale City Council');
    await page.getByLabel('Main colour').fill('#5a1e6e');
    await page.getByLabel('Third grade').fill('Needs improvement');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForURL(/\/settings\?saved=1$/);
    expect(await page.getByRole('status').innerText()).toContain('Settings saved.');
    expect(await page.getByRole('banner').innerText()).toContain('Northvale City Council');
    const headerColour = await page.getByRole('banner').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(headerColour).toBe('rgb(90, 30, 110)');

    const saved = await (await stack.api('admin@northvale.example', '/v1/settings')).json();
    expect(saved).toMatchObject({ name: 'Northvale City Council', primaryColour: '#5a1e6e' });
    expect(saved.gradeLabels[2]).toBe('Needs improvement');
  });

  it('keeps the header readable when the brand colour is too light for white text', async () => {
    const page = await pageAs('admin@northvale.example');
    await page.goto(`${stack.portalUrl}/settings`);
    await page.getByLabel('Main colour').fill('#ffdd00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForURL(/\/settings\?saved=1$/);
    const headerColour = await page.getByRole('banner').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(headerColour).toBe('rgb(29, 78, 137)');
  });

  it('shows settings read-only to other roles', async () => {
    const page = await pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/settings`);
    expect(await page.getByText('Only your authority’s tenant admin can change these settings.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
  });
});

describe('what each user may see', () => {
  it("lists only the practitioner's own cases", async () => {
    const page = await pageAs('practitioner@northvale.example');
    await page.goto(`${stack.portalUrl}/cases`);
    const refs = await page.getByRole('table', { name: 'Your cases' }).locator('tbody th').allInnerTexts();
    const holders = await page.getByRole('table', { name: 'Your cases' }).locator('tbody td:nth-child(4)').allInnerTexts();
    expect(refs).toEqual(['NV-00001', 'NV-00002', 'NV-00003', 'NV-00004', 'NV-00005', 'NV-00006']);
    expect(new Set(holders)).toEqual(new Set(['Priya Shah (you)']));
  });

  it("shows a 404 page for another authority's case, the same as for a missing one", async () => {
    const page = await pageAs('manager@northvale.example');
    for (const ref of ['SM-00001', 'NV-99999']) {
      const response = await page.goto(`${stack.portalUrl}/cases/${ref}`);
      expect(response?.status()).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page not found');
      expect(await page.content()).not.toContain('Southmoor');
    }
  });

  it("shows a 404 page for a case outside the manager's team", async () => {
    const page = await pageAs('manager@northvale.example');
    const response = await page.goto(`${stack.portalUrl}/cases/NV-00030`);
    expect(response?.status()).toBe(404);
  });

  it('pages through the case list with a Next page link', async () => {
    const page = await pageAs('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/cases`);
    const firstPage = await page.locator('tbody th').allInnerTexts();
    await page.getByRole('link', { name: 'Next page of cases' }).click();
    await page.waitForURL(/cursor=/);
    const secondPage = await page.locator('tbody th').allInnerTexts();
    expect(firstPage.length).toBe(25);
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.some((ref) => firstPage.includes(ref))).toBe(false);
  });

  it('sends the platform operator from case pages to their own area, which shows counts, never cases', async () => {
    const page = await pageAs('operator@waypoint.example');
    await page.goto(`${stack.portalUrl}/cases`);
    expect(new URL(page.url()).pathname).toBe('/operator');
    const text = await page.locator('main').innerText();
    expect(text).toContain('never its cases, audits or feedback');
    expect(text).not.toContain('NV-0');
  });
});
