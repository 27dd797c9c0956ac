/**
 * A QA officer brings in their authority's data from its case-management system, axe on
 * every page: a staff file (a new team manager and social worker), then a 2,000-row case
 * export whose preview shows every row wrong because the suggested column for the case type
 * holds open/closed; they change the mapping, check again (one row left with a problem),
 * import, download the refused row, and draw next month's sample for the new manager from the
 * imported cases. Walked once: the portal sends no script and its policy forbids any, and the
 * axe check refuses a page that carries one, so this walk is also the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { waitForImportJob } from './import-steps.ts';
import { londonDay } from './audits-steps.ts';

useBrowserStack();

const QA = 'qa@northvale.example';
const ROWS = 2_000;
const nextMonth = shiftMonth(londonDay().iso.slice(0, 7), 1);
const FLOW_TIMEOUT_MS = 420_000;

/** Starts an import from the form on /imports and lands on its upload page. */
async function startImport(page: Page, kind: string, source: string): Promise<void> {
  await page.goto(`${stack.portalUrl}/imports`);
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByRole('radio', { name: source, exact: true }).check();
  await page.getByRole('radio', { name: 'CSV', exact: true }).check();
  await page.getByRole('button', { name: 'Continue to upload' }).click();
  await page.waitForURL(/\/imports\/[0-9A-Z]{26}$/);
}

/** The upload form posts the file straight to the storage service, which sends the browser back. */
async function upload(page: Page, name: string, content: string): Promise<void> {
  await page.getByLabel('The CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.waitForURL(/\/imports\/[0-9A-Z]{26}$/);
}

describe('imports', () => {
  it(
    'imports a staff file and a 2,000-row case export after fixing the mapping, then draws a sample from the imported cases',
    async () => {
      const page = await signedIn.pageAs(QA);
      await page.goto(`${stack.portalUrl}/quality`);
      await page.getByRole('link', { name: 'Imports' }).first().click();
      await page.waitForURL(/\/imports$/);
      await expectNoAxeViolations(page);

      // Staff first, so the case file's case holders are known.
      const manager = 'imp-mgr@northvale.example';
      const worker = 'imp-sw@northvale.example';
      await startImport(page, 'Staff', 'Liquidlogic LCS');
      await expectNoAxeViolations(page);
      await upload(page, 'workers.csv', `Worker Email,Worker Name,Job Role,Teams\n${manager},Ifeoma Import,Team manager,Early Help\n${worker},Sam Import,Social worker,Early Help\n`);
      await waitForImportJob(page, stack, QA);
      expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Which column is which?');
      expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe('Worker Email');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Check the file' }).click();
      await waitForImportJob(page, stack, QA);
      expect(await page.locator('main').innerText()).toContain('Every row can be imported.');
      await page.getByRole('button', { name: 'Import 2 rows' }).click();
      await waitForImportJob(page, stack, QA);
      expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Imported');
      expect(await page.locator('.summary-list').innerText()).toMatch(/Created\s+2/);
      await expectNoAxeViolations(page);

      // The case export: the column the preset suggests for the case type holds open or closed; the real type is in another.
      const source = { name: 'Mosaic', columns: ['PERSON_ID', 'TEAM_NAME', 'CASE_TYPE', 'CATEGORY', 'WORKER_EMAIL', 'START_DATE'] };
      const [, teamColumn, statusColumn, typeColumn] = source.columns as [string, string, string, string];
      const prefix = 'IMP';
      const lines = [source.columns.join(',')];
      // A hundred cases go to the new manager's team, the rest elsewhere; the last names a team Waypoint does not have.
      const team = (i: number) => (i === ROWS ? 'No Such Team' : i % 20 === 0 ? 'Early Help' : 'Child in Need');
      for (let i = 1; i <= ROWS; i++) lines.push(`${prefix}-${String(i).padStart(5, '0')},${team(i)},Open,${i % 20 === 0 ? 'Early Help' : 'CIN'},${i % 2 ? worker : ''},0${(i % 9) + 1}/02/2025`);
      await startImport(page, 'Cases', source.name);
      await upload(page, 'cases.csv', `${lines.join('\n')}\n`);
      await waitForImportJob(page, stack, QA);
      // The suggested mapping is checked as it stands, and every row is wrong.
      expect(await page.getByLabel('Case type', { exact: true }).inputValue()).toBe(statusColumn);
      await page.getByRole('button', { name: 'Check the file' }).click();
      await waitForImportJob(page, stack, QA);
      expect(await page.locator('main').innerText()).toContain(`${ROWS} rows have problems`);
      const problems = page.getByRole('table', { name: 'Problems found, by row' });
      expect(await problems.locator('tbody tr').first().innerText()).toMatch(new RegExp(`^2\\s+${statusColumn}\\s+“Open” is not a case type`));
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'change which column is which' }).click();
      await page.getByLabel('Case type', { exact: true }).selectOption(typeColumn);
      await page.getByLabel('Open or closed (optional)').selectOption(statusColumn);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Check the file' }).click();
      await waitForImportJob(page, stack, QA);
      expect(await page.locator('main').innerText()).toContain('1 row has problems');
      expect(await problems.locator('tbody tr').first().innerText()).toMatch(new RegExp(`^${ROWS + 1}\\s+${teamColumn}\\s+There is no team called “No Such Team”`));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: `Import ${ROWS - 1} rows` }).click();
      await waitForImportJob(page, stack, QA);
      expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Imported');
      expect(await page.locator('.summary-list').innerText()).toMatch(new RegExp(`Created\\s+${(ROWS - 1).toLocaleString('en-GB')}[\\s\\S]*Refused\\s+1`));
      const csv = await page.request.get(`${stack.portalUrl}${await page.getByRole('link', { name: /Download the refused rows/ }).getAttribute('href')}`);
      expect(await csv.text()).toContain(`${ROWS + 1},${prefix}-0${ROWS},${teamColumn},`);
      await expectNoAxeViolations(page);

      // The new team manager's sample for next month comes from Early Help, the imported cases among them.
      const users = (await (await stack.api('admin@northvale.example', `/v1/users?q=${encodeURIComponent(manager)}`)).json()) as { items: { id: string }[] };
      await page.goto(`${stack.portalUrl}/programme/${nextMonth}/samples/${encodeURIComponent(users.items[0]!.id)}`);
      await page.getByRole('button', { name: /^Propose the sample for / }).click();
      await page.waitForURL(/\?proposed=1$/);
      const sampled = await page
        .getByRole('table', { name: /sampled case/ })
        .locator('tbody th')
        .allInnerTexts();
      expect(sampled.length).toBeGreaterThan(0);
      // Early Help now holds the imported cases.
      expect(sampled.some((ref) => /^IMP-/.test(ref))).toBe(true);
      await expectNoAxeViolations(page);
      await page.context().close();
    },
    FLOW_TIMEOUT_MS,
  );
});
