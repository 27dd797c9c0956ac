/**
 * Evidence files in the browser: a practitioner records an action as done with a PDF attached
 * (JavaScript on, axe on every page); the manager opens the action, sees the file, downloads it
 * (the same bytes, under its own name) and verifies. With JavaScript off the manager
 * attaches a file to another action by the plain form: a renamed program is refused in words,
 * a PDF is attached. The manager running an audit attaches a PDF to one of its sections.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { exeBytes, pdfBytes } from '../api/files-support.ts';
import { demoAudits } from '@waypoint/functions/local/seed/demo-audits';
import { NORTHVALE } from '../api/api-client.ts';
import { fillDate, londonDay } from './audits-steps.ts';

const OWNER = 'practitioner@northvale.example';
const MANAGER = 'manager@northvale.example';
const PDF = pdfBytes('Safety plan signed by the family');
const done = { href: '', description: '' };

useBrowserStack();

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${stack.portalUrl}${path}`);
  await expectNoAxeViolations(page);
}

const filesTable = (page: Page) => page.getByRole('table', { name: 'Files attached to this action' });

describe('evidence files', () => {
  it('lets the practitioner record an action as done with a PDF attached', async () => {
    const page = await signedIn.pageAs(OWNER);
    await open(page, '/actions');
    const link = page
      .getByRole('table', { name: /My open actions/ })
      .locator('tbody tr')
      .first()
      .getByRole('link')
      .first();
    done.description = await link.innerText();
    done.href = (await link.getAttribute('href'))!;
    await open(page, done.href);
    await expect(page.getByText('No files are attached.').count()).resolves.toBe(1);
    await page.getByLabel('What was done, and where is the evidence?').fill('Safety plan agreed and signed with the family; the signed copy is attached.');
    await fillDate(page, 'doneOn', londonDay());
    await page.getByLabel('Attach a file of the evidence (optional)').setInputFiles({ name: 'Safety plan (signed).pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Record as done' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('The action is recorded as done');
    const row = filesTable(page).locator('tbody tr');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.innerText()).resolves.toMatch(/Safety plan \(signed\)\.pdf\s+PDF\s+\d+ bytes\s+Ready/);
    await expectNoAxeViolations(page);
  });

  it('lets the manager open the action, download the file as it was and verify', async () => {
    const page = await signedIn.pageAs(MANAGER);
    await open(page, done.href);
    const [download] = await Promise.all([page.waitForEvent('download'), filesTable(page).getByRole('link', { name: 'Safety plan (signed).pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('Safety plan (signed).pdf');
    expect((await readFile((await download.path())!)).equals(PDF)).toBe(true);
    await page.getByLabel('Note (optional)').fill('Signed plan seen.');
    await page.getByRole('button', { name: 'Verify the action' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('The action is verified');
    await expect(filesTable(page).innerText()).resolves.toContain('Safety plan (signed).pdf');
    await expectNoAxeViolations(page);
  });

  it('attaches a file with JavaScript off, refusing a renamed program in words', async () => {
    const page = await signedIn.pageAs(MANAGER, { javaScriptEnabled: false });
    await page.goto(`${stack.portalUrl}/actions/team`);
    const href = (await page
      .getByRole('table', { name: /Open actions/ })
      .locator('tbody tr')
      .first()
      .getByRole('link')
      .first()
      .getAttribute('href'))!;
    await page.goto(`${stack.portalUrl}${href}`);
    await page.getByLabel('Attach a file', { exact: true }).setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: exeBytes() });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await expect(page.locator('#attach-file-error').innerText()).resolves.toContain('Waypoint can keep PDFs, images');
    await expect(page.getByText('No files are attached.').count()).resolves.toBe(1);
    await page.getByLabel('Attach a file', { exact: true }).setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('File attached');
    await expect(filesTable(page).innerText()).resolves.toMatch(/minutes\.pdf\s+PDF/);
    await expect(filesTable(page).getByRole('link', { name: 'minutes.pdf' }).getAttribute('href')).resolves.toMatch(/^\/actions\/[^/]+\/files\/[0-9A-Z]{26}$/);
  });

  it('lets the manager attach a PDF to a section of an audit in progress', async () => {
    const page = await signedIn.pageAs(MANAGER);
    const inProgress = demoAudits(NORTHVALE, new Date()).audits.find((a) => a.teamId === 'child-in-need' && a.state === 'in-progress')!;
    await open(page, `/audits/${inProgress.id}/sections/planning-and-review`);
    await page.getByLabel('Attach a file', { exact: true }).setInputFiles({ name: 'Care plan review.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('File attached');
    const table = page.getByRole('table', { name: 'Files attached to this section' });
    await expect(table.innerText()).resolves.toMatch(/Care plan review\.pdf\s+PDF\s+\d+ bytes\s+Ready/);
    await expect(table.getByRole('link', { name: 'Care plan review.pdf' }).getAttribute('href')).resolves.toMatch(new RegExp(`^/audits/${inProgress.id}/sections/planning-and-review/files/[0-9A-Z]{26}$`));
    await expectNoAxeViolations(page);
  });
});
