/**
 * Retention in the portal, axe on every page: the tenant admin sets the years per case type in
 * Settings (a wrong number is named by its case type; a save over someone else's change is
 * refused, writes nothing and keeps what was typed), a QA officer puts a closed case on legal
 * hold from the case page, sees it under "On legal hold" in the monthly preview, and reads the
 * deletion log, which never names a case. Walked once: the portal sends no script and its
 * policy forbids any, and the axe check refuses a page that carries one, so this walk is also
 * the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';

useBrowserStack();

const ADMIN = 'admin@northvale.example';
const QA = 'qa@northvale.example';

const ref = 'NV-00031';
const years = '30';

describe('retention', () => {
  it('sets the years per case type, with If-Match, and names the case type of a wrong number', async () => {
    const page = await signedIn.pageAs(ADMIN);
    await page.goto(`${stack.portalUrl}/settings`);
    await page.getByLabel('Care Leaver (years)').fill('none');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Enter a whole number of years from 1 to 100 for Care Leaver cases');
    expect(await page.getByLabel('Care Leaver (years)').inputValue()).toBe('none');
    await expectNoAxeViolations(page);

    // Someone else saves the settings before this form is sent: nothing typed is lost, nothing overwritten.
    await page.getByLabel('Care Leaver (years)').fill(years);
    const current = await stack.api(ADMIN, '/v1/settings');
    await current.arrayBuffer();
    const other = await stack.api(ADMIN, '/v1/settings', { method: 'PATCH', headers: { 'if-match': current.headers.get('etag')! }, body: JSON.stringify({ dutyPhone: '0300 111 2222' }) });
    expect(other.status).toBe(200);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone else changed these settings' }).waitFor();
    expect(await page.getByLabel('Care Leaver (years)').inputValue()).toBe(years);
    // The refused save wrote nothing: the other change stands, the years are as they were.
    const between = (await (await stack.api(ADMIN, '/v1/settings')).json()) as { caseRetentionYears: Record<string, number>; dutyPhone: string };
    expect(between.dutyPhone).toBe('0300 111 2222');
    expect(between.caseRetentionYears['care-leaver']).not.toBe(Number(years));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForURL(/\/settings\?saved=1$/);
    const saved = (await (await stack.api(ADMIN, '/v1/settings')).json()) as { caseRetentionYears: Record<string, number> };
    expect(saved.caseRetentionYears['care-leaver']).toBe(Number(years));

    await page.getByRole('link', { name: 'See what will be deleted and when' }).click();
    await page.waitForURL(/\/records\/retention$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('What retention will delete');
    expect(await page.locator('dl.summary-list').innerText()).toMatch(new RegExp(`Care Leaver\\s+${years} years`));
    // A tenant admin sees the counts, never the cases.
    expect(await page.locator('main').innerText()).not.toMatch(/NV-000/);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('puts a closed case on legal hold, shows it in the preview, and the deletion log names no case', async () => {
    const current = await stack.api(QA, `/v1/cases/${ref}`);
    await current.arrayBuffer();
    const closed = await stack.api(QA, `/v1/cases/${ref}`, { method: 'PATCH', headers: { 'if-match': current.headers.get('etag')! }, body: JSON.stringify({ status: 'closed' }) });
    expect(closed.status).toBe(200);

    const page = await signedIn.pageAs(QA);
    await page.goto(`${stack.portalUrl}/cases/${ref}`);
    expect(await page.locator('dl.summary-list').first().innerText()).toMatch(/Legal hold\s+Off/);
    await page.getByRole('link', { name: 'Change legal hold' }).click();
    await page.waitForURL(new RegExp(`/cases/${ref}/legal-hold$`));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Put on legal hold' }).click();
    await page.waitForURL(new RegExp(`/cases/${ref}/legal-hold\\?saved=on$`));
    expect(await page.getByRole('status').innerText()).toContain(`Case ${ref} is on legal hold.`);
    expect(await page.getByRole('button', { name: 'Take off legal hold' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    expect(((await (await stack.api(QA, `/v1/cases/${ref}`)).json()) as { legalHold?: boolean }).legalHold).toBe(true);

    await page.goto(`${stack.portalUrl}/records`);
    await page.getByRole('link', { name: /^What retention will delete/ }).click();
    await page.waitForURL(/\/records\/retention$/);
    const held = page.getByRole('table', { name: 'Closed cases on legal hold' });
    expect(await held.innerText()).toContain(ref);
    // The month-by-month table (due now and the next 12 months) is there only when some case is due.
    const byMonth = page.getByRole('table', { name: 'Cases to be deleted, by month and case type' });
    const noneDue = (await page.getByText('No case is due now or in the next 12 months.').count()) === 1;
    expect(await byMonth.locator('tbody tr').count()).toBe(noneDue ? 0 : 13);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'What retention has deleted' }).click();
    await page.waitForURL(/\/records\/retention\/log$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('What retention has deleted');
    expect(await page.locator('main').innerText()).not.toMatch(/NV-\d/);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
