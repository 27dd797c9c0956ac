/**
 * Subject access exports in the browser, axe on every page: a QA officer goes from the case page
 * to its export, is told plainly when the reason is missing, downloads the ZIP, and finds a
 * member of staff's export from the Records page; the activity log says who made each export and
 * why. Walked once: the portal sends no script and its policy forbids any, and the axe check
 * refuses a page that carries one, so this walk is also the walk without JavaScript.
 */
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';

const QA = 'qa@northvale.example';

useBrowserStack();

async function downloadZip(page: Page, click: () => Promise<void>): Promise<{ name: string; files: Record<string, string> }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = await readFile((await download.path())!);
  const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, content]) => [name, strFromU8(content)]));
  return { name: download.suggestedFilename(), files };
}

describe('a subject access export', () => {
  it('goes from the case page to a ZIP of its records, with the reason in the activity log', async () => {
    const page = await signedIn.pageAs(QA);
    await page.goto(`${stack.portalUrl}/cases/NV-00004`);
    await page.getByRole('link', { name: 'Export for a subject access request' }).click();
    await expect.poll(() => page.title()).toBe('Export for a subject access request: case NV-00004 – Waypoint');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Download the export (ZIP file)' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    expect(await page.getByRole('alert').innerText()).toContain('Say why you are making this export');
    await expectNoAxeViolations(page);

    const reason = 'Request SAR-77 from the family';
    await page.getByLabel('Why are you making this export?').fill(reason);
    const zip = await downloadZip(page, () => page.getByRole('button', { name: 'Download the export (ZIP file)' }).click());
    expect(zip.name).toMatch(/^case-NV-00004-records-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(JSON.parse(zip.files['records.json']!).case.ref).toBe('NV-00004');
    expect(zip.files['report.html']).toContain(reason);

    const adminPage = await signedIn.pageAs('admin@northvale.example');
    await adminPage.goto(`${stack.portalUrl}/activity`);
    expect(await adminPage.locator('main').innerText()).toContain('the records about case NV-00004');
    await adminPage.close();
    await page.close();
  });

  it('finds a member of staff on the Records page and downloads their export', async () => {
    const page = await signedIn.pageAs(QA);
    await page.goto(`${stack.portalUrl}/quality`);
    await page.getByRole('link', { name: 'Records and retention' }).click();
    await expect.poll(() => page.title()).toBe('Records: subject access and retention – Waypoint');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Find the case' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('Enter the case reference');
    await expectNoAxeViolations(page);
    await page.getByLabel('About a member of staff: part of their name or email address').fill('practitioner@');
    await page.getByRole('button', { name: 'Find the person' }).click();
    await page
      .getByRole('link', { name: /^Export the records about / })
      .first()
      .click();
    await expect.poll(() => page.title()).toMatch(/^Export for a subject access request: /);
    await expectNoAxeViolations(page);
    await page.getByLabel('Why are you making this export?').fill('Request from a former employee');
    const zip = await downloadZip(page, () => page.getByRole('button', { name: 'Download the export (ZIP file)' }).click());
    expect(zip.name).toMatch(/^staff-nv-practitioner-records-/);
    expect(JSON.parse(zip.files['records.json']!).person.id).toBe('nv-practitioner');
    await page.close();
  });
});
