/**
 * Offboarding in the operator's area: exporting an authority's data by a plain form post and
 * downloading it by the link the page gives, seeing the day its deletion is scheduled once it is
 * leaving, and, after the offboarding job has deleted it, its certificate of deletion (a page to
 * print, and a text file to keep); and an authority's admin exporting its data from Settings.
 * axe on every page. Walked once: the portal sends no script and its policy forbids any, and the
 * axe check refuses a page that carries one, so this walk is also the walk without JavaScript.
 * With `WAYPOINT_SCREENSHOTS` set (a folder), the pages are also saved at 320 and 1280 pixels wide.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate } from '@waypoint/shared/formatting/dates';
import { deletionDueOn } from '@waypoint/shared/tenancy/tenant-schemas';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { expectJson, jsonInit } from '../api/api-client.ts';
import { today } from '../api/engagement-support.ts';
import { operatorCall, runJobAfterCoolingOff, startOffboarding } from '../api/offboarding-support.ts';

useBrowserStack();

const OPERATOR = 'operator@waypoint.example';
const FLOW_TIMEOUT_MS = 240_000;

async function screenshots(page: Page, name: string): Promise<void> {
  const dir = process.env.WAYPOINT_SCREENSHOTS;
  if (!dir) return;
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
}

describe('offboarding an authority', () => {
  it(
    'exports its data, shows the day its deletion is scheduled, and after deletion its certificate',
    async () => {
      const created = await expectJson<{ id: string; name: string }>(
        await operatorCall(stack, '/v1/platform/tenants', jsonInit('POST', { name: 'Leaving Council', slug: 'leaving', region: 'Wessex', adminName: 'Lee Vinn', adminEmail: 'lee.vinn@leaving.example' })),
        201,
      );
      const operator = await signedIn.pageAs(OPERATOR);
      const authorityUrl = `${stack.portalUrl}/operator/${created.id}`;
      await operator.goto(authorityUrl);
      await expectNoAxeViolations(operator);

      // Exporting is a plain form post; the page then says it is being made.
      await operator.getByRole('button', { name: /^Export all its data/ }).click();
      await operator.waitForURL(/\?export=asked#data-export$/);
      expect(await operator.getByRole('status').innerText()).toContain('We are exporting its data');
      // Made by the API meanwhile; the page shows the download once it is ready.
      const download = operator.getByRole('link', { name: /^Download/ });
      for (let tries = 0; (await download.count()) === 0 && tries < 600; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await operator.goto(authorityUrl);
      }
      expect(await operator.getByRole('table').filter({ hasText: 'Exports made' }).innerText()).toMatch(/An operator\s+Ready/);
      await expectNoAxeViolations(operator);
      const href = await download.getAttribute('href');
      const link = await operator.request.get(`${stack.portalUrl}${href}`, { maxRedirects: 0 });
      expect(link.status()).toBe(303);
      const zip = await operator.request.get(link.headers().location!);
      expect(zip.status()).toBe(200);
      expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');

      // Leaving: the deletion day is on its page, and resuming would cancel it.
      await startOffboarding(stack, created.id);
      await operator.goto(authorityUrl);
      expect(await operator.locator('main').innerText()).toContain(`Deletion scheduled on ${formatDate(deletionDueOn(today()))}`);
      await expectNoAxeViolations(operator);
      await screenshots(operator, 'offboarding-leaving');

      // After the cooling-off period the job deletes it; its page leads to the certificate.
      await runJobAfterCoolingOff(stack);
      await operator.goto(authorityUrl);
      expect(await operator.locator('main').innerText()).toMatch(/Deleted[\s\S]*All of .* records and files were deleted/);
      expect(await operator.getByRole('link', { name: 'Resume' }).count()).toBe(0);
      await expectNoAxeViolations(operator);
      await operator.getByRole('link', { name: /^Certificate of deletion/ }).click();
      await operator.waitForURL(/\/certificate$/);
      expect(await operator.getByRole('heading', { level: 1 }).innerText()).toBe('Certificate of deletion');
      const main = await operator.locator('main').innerText();
      expect(main).toMatch(/Certificate number\s+WP-DEL-[0-9A-F]{12}/);
      expect(main).toMatch(/Records left after a final check\s+0/);
      // Its first admin's sign-in account went with it; it never connected a sign-in of its own.
      expect(main).toMatch(/Sign-in accounts deleted\s+1\b/);
      expect(main).toMatch(/Council sign-in connections removed\s+0/);
      expect(main).toContain('Staff records');
      await expectNoAxeViolations(operator);
      await screenshots(operator, 'offboarding-certificate');
      const text = await operator.request.get(`${stack.portalUrl}/operator/${created.id}/certificate/download`);
      expect(text.headers()['content-disposition']).toMatch(/^attachment; filename="certificate-of-deletion-WP-DEL-/);
      expect(await text.text()).toContain(`All records, files and sign-in accounts that ${created.name} kept in Waypoint have been deleted.`);
    },
    FLOW_TIMEOUT_MS,
  );
});

describe('an authority’s admin', () => {
  it(
    'exports all its data from Settings, once however often the button is pressed, and downloads it',
    async () => {
      const admin = await signedIn.pageAs('admin@northvale.example');
      await admin.goto(`${stack.portalUrl}/settings`);
      await admin.getByRole('link', { name: 'export all your data' }).click();
      await admin.waitForURL(/\/settings\/data-export$/);
      expect(await admin.getByRole('heading', { level: 1 }).innerText()).toBe('Export all your data');
      // The same page's form posted twice (a double press) makes one export.
      const form = { idempotencyKey: await admin.locator('input[name="idempotencyKey"]').inputValue() };
      for (let i = 0; i < 2; i++) expect((await admin.request.post(`${stack.portalUrl}/settings/data-export`, { form, headers: { origin: stack.portalUrl!, accept: 'text/html' }, maxRedirects: 0 })).status()).toBe(303);
      await admin.goto(`${stack.portalUrl}/settings/data-export?export=asked`);
      expect(await admin.getByRole('status').innerText()).toContain('We are exporting your data');
      const rows = admin.getByRole('table').getByRole('row');
      expect(await rows.count()).toBe(2);
      const download = admin.getByRole('link', { name: /^Download/ });
      for (let tries = 0; (await download.count()) === 0 && tries < 600; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await admin.goto(`${stack.portalUrl}/settings/data-export`);
      }
      const link = await admin.request.get(`${stack.portalUrl}${await download.getAttribute('href')}`, { maxRedirects: 0 });
      expect(link.status()).toBe(303);
      expect((await (await admin.request.get(link.headers().location!)).body()).subarray(0, 2).toString()).toBe('PK');
      await expectNoAxeViolations(admin);
      await screenshots(admin, 'offboarding-admin-export');
    },
    FLOW_TIMEOUT_MS,
  );
});
