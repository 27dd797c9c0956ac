/**
 * Moderation in the browser, axe on every page: a QA officer takes last month's suggested
 * sample, is asked for what the moderation found, re-grades two sections and the overall
 * grade, and reads the agreement report (exact agreement, kappa, pairs, the chart and its
 * table); the auditor sees the moderation on the audit; QA cannot moderate their own audit.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { londonDay } from './audits-steps.ts';

const QA = 'qa@northvale.example';
const lastMonth = shiftMonth(londonDay().iso.slice(0, 7), -1);
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const inWords = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
const GRADES = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'];
/** The audit the moderation is for, read from the page it starts on. */
const moderated = { auditId: '', caseRef: '' };

useBrowserStack();

const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

/** A section of the moderation form: its title, the auditor's grade, and the moderator's radios. */
async function sectionAt(page: Page, n: number) {
  const section = page.locator('.moderation-section').nth(n);
  const title = await section.getByRole('heading').innerText();
  const auditor = await section.locator('p strong').innerText();
  return { title, auditor, grades: page.getByRole('group', { name: `Your grade for ${title}` }) };
}

describe('QA moderates an audit', () => {
  it('opens on the latest month with completed audits, takes its suggested sample, and re-grades section by section', async () => {
    const page = await signedIn.pageAs(QA);
    await page.goto(`${stack.portalUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quality assurance' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Moderation' }).click();
    await page.waitForURL('**/moderation');
    // This month's demo audits are not yet completed: the page opens on last month, which has work, not on an empty month.
    expect(await page.title()).toBe(`Moderation, ${inWords(lastMonth)} – Waypoint`);
    expect(
      await page
        .getByRole('table', { name: /Completed audits/ })
        .locator('tbody tr')
        .count(),
    ).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    const suggested = page.getByRole('table', { name: 'Suggested sample' });
    const link = suggested.getByRole('link', { name: /^Moderate the audit of case / }).first();
    moderated.caseRef = (await suggested.locator('tbody th').first().innerText()).trim();
    await link.click();
    await page.waitForURL(/\/moderation\/audits\/[^/]+$/);
    moderated.auditId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await page.title()).toBe(`Moderate the audit of case ${moderated.caseRef} – Waypoint`);

    await page.getByRole('button', { name: 'Save moderation' }).click();
    await errorSummary(page).waitFor();
    expect(await errorSummary(page).getByRole('link', { name: 'Say what the moderation found' }).getAttribute('href')).toBe('#comment');
    // The form as it first shows, plus the error summary and the message on the field.
    await expectNoAxeViolations(page);

    // The first section at the auditor's grade, the second one grade apart, the overall grade agreed.
    const first = await sectionAt(page, 0);
    await first.grades.getByLabel(first.auditor, { exact: true }).check();
    const second = await sectionAt(page, 1);
    const other = GRADES[(GRADES.indexOf(second.auditor) + 1) % GRADES.length]!;
    await second.grades.getByLabel(other, { exact: true }).check();
    await page.getByLabel(`Comment on ${second.title} (optional)`).fill('The record shows more than the grade allows for.');
    const overall = (await page.locator('p', { hasText: 'Auditor’s overall grade' }).locator('strong').innerText()).trim();
    await page.getByRole('group', { name: 'Your overall grade' }).getByLabel(overall, { exact: true }).check();
    await page.getByLabel('What the moderation found').fill('Grades broadly agree; one section is generous.');
    await page.getByRole('button', { name: 'Save moderation' }).click();

    await page.waitForURL(`**/moderation?month=${lastMonth}&moderated=${moderated.caseRef}`);
    expect(await page.getByRole('status').innerText()).toContain(`Moderation of the audit of case ${moderated.caseRef} saved`);
    const row = page.getByRole('table', { name: `Completed audits, ${inWords(lastMonth)}` }).getByRole('row', { name: new RegExp(moderated.caseRef) });
    expect(await row.innerText()).toContain('Moderated');
    await page.context().close();
  });

  it('shows the auditor the moderation beside their own grades', async () => {
    const page = await signedIn.pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/audits/${moderated.auditId}`);
    const section = page.getByRole('region', { name: 'Moderation' });
    expect(await section.innerText()).toContain('Moderated by Quinn Adeyemi');
    const rows = section.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toContain('Same');
    expect(await rows.nth(1).innerText()).toContain('Different');
    expect(await rows.nth(1).innerText()).toContain('The record shows more than the grade allows for.');
    expect(await section.innerText()).toContain('Grades broadly agree; one section is generous.');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('reads the agreement for the month: exact agreement, kappa and pairs, drawn and tabled', async () => {
    const page = await signedIn.pageAs(QA);
    await page.goto(`${stack.portalUrl}/moderation/agreement`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Period', { exact: true }).selectOption(lastMonth);
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.waitForURL(`**/moderation/agreement?period=${lastMonth}&team=`);
    expect(await page.title()).toBe(`Agreement report, ${inWords(lastMonth)}, all teams – Waypoint`);

    const figures = page.getByRole('definition');
    expect(await figures.nth(0).innerText()).toBe('1');
    expect(await figures.nth(1).innerText()).toBe('3');
    expect(await figures.nth(2).innerText()).toBe('67% (2 of 3 the same grade)');
    expect(await figures.nth(3).innerText()).toMatch(/^-?\d\.\d\d \(|Not defined/);

    const chart = page.getByRole('img', { name: `Exact agreement between auditors and moderators by team, ${inWords(lastMonth)}, all teams` });
    expect(await chart.locator('text').allTextContents()).toContain('67% (2 of 3)');
    const table = page.getByRole('table', { name: `Agreement by team, ${inWords(lastMonth)}, all teams` });
    expect(await table.getByRole('row', { name: /All teams/ }).innerText()).toContain('67%');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('will not let QA moderate an audit they ran', async () => {
    const found = (await (await stack.api(QA, `/v1/audits?state=completed&limit=100`)).json()) as { items: { id: string; auditorId: string }[] };
    const own = found.items.find((a) => a.auditorId === 'nv-qa')!;
    const page = await signedIn.pageAs(QA);
    await page.goto(`${stack.portalUrl}/moderation/audits/${own.id}`);
    expect(await page.getByText('You ran this audit, so another QA officer moderates it.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save moderation' }).count()).toBe(0);
    await page.context().close();
  });
});
