/**
 * The figures on each screen agree with the rows and tables beside them, as people read them:
 * the programme's late counts are its late list's rows, the dashboard's share on time is on time
 * ÷ the very figure it names, its parts add up to the audits due, and the learning record's
 * "below good" is the requires improvement and inadequate grades it lists for the same part.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { londonDay } from './audits-steps.ts';

const thisMonth = londonDay().iso.slice(0, 7);

useBrowserStack();

const numberIn = async (cell: Locator) => Number((await cell.innerText()).trim());

/** The value shown on a programme card with this label. */
async function card(page: Page, label: string): Promise<number> {
  const item = page.locator('.programme-counts__item').filter({ has: page.locator('.programme-counts__label', { hasText: label }) });
  return numberIn(item.locator('.programme-counts__value'));
}

const lateRows = (page: Page) => page.getByRole('table', { name: 'Late audits, most overdue first' }).locator('tbody tr');

/** A table's body as text cells, row by row, keyed by its row header (numbering like "2. " left off). */
async function tableRows(table: Locator): Promise<Map<string, string[]>> {
  const rows = new Map<string, string[]>();
  for (const row of await table.locator('tbody tr').all()) {
    const header = (await row.locator('th').innerText()).trim().replace(/^\d+\.\s*/, '');
    rows.set(
      header,
      (await row.locator('td').allInnerTexts()).map((t) => t.trim()),
    );
  }
  return rows;
}

describe('the programme', () => {
  it('counts as late, for a team manager, exactly the late audits it lists', async () => {
    const page = await signedIn.pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/programme/${thisMonth}`);
    const listed = await lateRows(page).count();
    expect(listed).toBeGreaterThan(0);
    expect(await card(page, 'Late')).toBe(listed);
    // Its month's counts are the audits in its month's table.
    const monthRows = await page
      .getByRole('table', { name: /^Audits of / })
      .locator('tbody tr')
      .count();
    expect((await card(page, 'Planned')) + (await card(page, 'In progress')) + (await card(page, 'Done'))).toBeLessThanOrEqual(monthRows);
    await expectNoAxeViolations(page);
  });

  it('counts as late, across teams and person by person, exactly the late audits it lists', async () => {
    const page = await signedIn.pageAs('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/programme/${thisMonth}`);
    const listed = await lateRows(page).count();
    expect(listed).toBeGreaterThan(0);
    expect(await card(page, 'Late')).toBe(listed);
    let byPerson = 0;
    for (const caption of ['Team managers: samples and audits', /^Others who ran audits/]) {
      const table = page.getByRole('table', { name: caption });
      if ((await table.count()) === 0) continue;
      for (const cells of (await tableRows(table)).values()) byPerson += Number(cells.at(-1));
    }
    expect(byPerson).toBe(listed);
  });
});

describe('a case’s evidence', () => {
  it('says an audit the programme lists as late is late', async () => {
    const page = await signedIn.pageAs('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/programme/${thisMonth}`);
    const caseRef = /^[A-Z]+-\d+/.exec((await lateRows(page).first().locator('th a').innerText()).trim())![0];
    await page.goto(`${stack.portalUrl}/cases/${caseRef}/evidence`);
    const audits = page.getByRole('table', { name: 'Audits of this case, newest first' });
    expect(await audits.locator('tbody tr').filter({ hasText: 'Late' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});

describe('the service dashboard', () => {
  it('gives the share on time as on time ÷ the figure it names, and parts that add up to the audits due', async () => {
    const page = await signedIn.pageAs('senior@northvale.example');
    await page.goto(`${stack.portalUrl}/dashboard`);
    const share = /On time: (\d+)% \((\d+) of the (\d+) audits? completed or late\)/.exec(await page.locator('#timeliness-heading + p + p').innerText());
    expect(share, 'the share on time, with what it is out of').not.toBeNull();
    const [percent, onTime, outOf] = share!.slice(1).map(Number) as [number, number, number];
    expect(percent).toBe(Math.round((onTime / outOf) * 100));

    const foot = (await page.getByRole('table', { name: 'Audits by month' }).locator('tfoot td').allInnerTexts()).map(Number);
    const [due, footOnTime, completedLate, late, notYetDue] = foot as [number, number, number, number, number];
    expect(footOnTime).toBe(onTime);
    expect(onTime + completedLate + late).toBe(outOf);
    expect(onTime + completedLate + late + notYetDue).toBe(due);
    expect(late).toBeGreaterThan(0);
    expect(notYetDue).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});

describe('the learning record', () => {
  it('says "below good" for each part exactly as many times as it lists requires improvement and inadequate grades', async () => {
    const page = await signedIn.pageAs('practitioner@northvale.example');
    await page.goto(`${stack.portalUrl}/practitioners/nv-practitioner`);
    const grades = await tableRows(page.getByRole('table', { name: 'Grades of completed audits' }));
    const themes = await tableRows(page.getByRole('table', { name: /^Learning themes/ }));
    const belowGood = (part: string) => {
      const cells = grades.get(part)!;
      return Number(cells[2]) + Number(cells[3]);
    };
    expect(belowGood('Overall grade')).toBeGreaterThan(0);
    expect(Number(themes.get('Overall judgement')?.[0])).toBe(belowGood('Overall grade'));
    for (const [part, cells] of themes) {
      if (part === 'Overall judgement') continue;
      expect(Number(cells[0]), part).toBe(belowGood(part));
    }
  });
});
