/**
 * A QA officer changes case references with a file from their case-management system, axe on
 * every page: the preview names the row whose old reference Waypoint does not know, they import
 * the rest, and a link with the old reference opens the case under its new one, saying so.
 * Walked once: the portal sends no script and its policy forbids any, and the axe check refuses
 * a page that carries one, so this walk is also the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { waitForImportJob } from './import-steps.ts';

useBrowserStack();

const QA = 'qa@northvale.example';
const FLOW_TIMEOUT_MS = 240_000;

const oldRef = 'NV-00041';
const newRef = 'LCS-41';

describe('reference changes', () => {
  it(
    'checks the file, changes the known case’s reference, and an old link still opens the case',
    async () => {
      const page = await signedIn.pageAs(QA);
      await page.goto(`${stack.portalUrl}/imports`);
      await page.getByRole('radio', { name: 'Reference changes', exact: true }).check();
      await page.getByRole('radio', { name: 'Another system', exact: true }).check();
      await page.getByRole('radio', { name: 'CSV', exact: true }).check();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Continue to upload' }).click();
      await page.waitForURL(/\/imports\/[0-9A-Z]{26}$/);
      const file = `Old reference,New reference\n${oldRef},${newRef}\nNV-99999,LCS-X\n`;
      await page.getByLabel('The CSV file').setInputFiles({ name: 'changes.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      await page.waitForURL(/\/imports\/[0-9A-Z]{26}$/);
      await waitForImportJob(page, stack, QA);
      // The column names are not a preset's: the person says which is which.
      await page.getByLabel('Old case reference', { exact: true }).selectOption('Old reference');
      await page.getByLabel('New case reference', { exact: true }).selectOption('New reference');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Check the file' }).click();
      await waitForImportJob(page, stack, QA);
      expect(await page.locator('main').innerText()).toContain('1 row has problems');
      const problems = page.getByRole('table', { name: 'Problems found, by row' });
      expect(await problems.locator('tbody tr').first().innerText()).toMatch(/^3\s+Old reference\s+There is no case NV-99999 in Waypoint/);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Import 1 row' }).click();
      await waitForImportJob(page, stack, QA);
      expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Imported');
      expect(await page.locator('.summary-list').innerText()).toMatch(/References changed\s+1[\s\S]*Refused\s+1/);
      await expectNoAxeViolations(page);

      await page.goto(`${stack.portalUrl}/cases/${oldRef}`);
      await page.waitForURL(new RegExp(`/cases/${newRef}\\?renamedFrom=${oldRef}$`));
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Case ${newRef}`);
      expect(await page.getByRole('status').innerText()).toContain(`It was ${oldRef}.`);
      await expectNoAxeViolations(page);
      await page.context().close();
    },
    FLOW_TIMEOUT_MS,
  );
});
