/**
 * When you will meet: a team manager books the meeting while planning an audit, is told what
 * is wrong with a bad time, a past day or a time already gone today without losing what they
 * typed, moves the meeting after someone else changed it first, sees it on the audit and in
 * "My audits", and cancels the booking. A manager of the team the case has moved to is offered
 * the meeting too. axe runs on the forms, their errors and the audit page as the walk reaches
 * them. Walked once: the portal sends no script and its policy forbids any, and the axe check
 * refuses a page that carries one, so this walk is also the walk without JavaScript.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { meetingLabel, meetingNow } from '@waypoint/shared/audits/audit-meeting';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { clock } from '@waypoint/shared/time/clock';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { fillDate, londonDay } from './audits-steps.ts';

useBrowserStack();

const MANAGER = 'manager@northvale.example';
/** Next month: every day in it is in the future, whatever today is. */
const month = shiftMonth(londonDay().iso.slice(0, 7), 1);
const day = (d: number) => ({ day: String(d), month: String(Number(month.slice(5, 7))), year: month.slice(0, 4), iso: `${month}-${String(d).padStart(2, '0')}` });

/** The manager's one page, taken from test to test; every test goes to its own first page. */
const reused = reusedPages();
const managerPage = () => reused(MANAGER);

const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

async function emailsAbout(auditId: string, subjectStart: string): Promise<{ to: string; subject: string; text: string }[]> {
  const response = await stack.api('qa@northvale.example', '/v1/dev/outbox?limit=100');
  const { items } = (await response.json()) as { items: { to: string; subject: string; text: string }[] };
  return items.filter((m) => m.text.includes(auditId) && m.subject.startsWith(subjectStart));
}
const meetingEmails = (auditId: string) => emailsAbout(auditId, 'Audit meeting for case');

/** Plans an audit through the API as `email` (this month unless given), with no meeting. */
async function plannedAudit(body: Record<string, unknown>, email = MANAGER): Promise<string> {
  const response = await stack.api(email, '/v1/audits', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'journey-of-the-child', ...body }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

afterEach(() => clock.set(undefined));

describe('when you will meet', () => {
  let auditId = '';

  it('books the meeting while planning, after correcting a time that is not on the 24-hour clock', async () => {
    const page = await managerPage();
    await page.goto(`${stack.portalUrl}/audits/plan`);
    expect(await page.locator('script').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByLabel('Case', { exact: true }).selectOption('NV-00004');
    await page.getByLabel('Journey of the Child monthly audit').check();
    await page.getByLabel('Planned for').selectOption(month);
    await fillDate(page, 'meetingDate', day(12));
    await page.getByLabel('Time (optional)').fill('2pm');
    await page.getByRole('button', { name: 'Plan audit' }).click();

    const summary = errorSummary(page);
    expect(await summary.innerText()).toContain('Enter the time on the 24-hour clock, for example 14:30');
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#meetingTime');
    // What was typed stays.
    expect(await page.locator('#meetingDate').inputValue()).toBe('12');
    expect(await page.getByLabel('Time (optional)').inputValue()).toBe('2pm');
    expect(await page.getByLabel('Planned for').inputValue()).toBe(month);

    await page.getByLabel('Time (optional)').fill('14:30');
    await page.getByRole('button', { name: 'Plan audit' }).click();
    await page.waitForURL(/\/audits\/[^/]+\?planned=1$/);
    auditId = new URL(page.url()).pathname.split('/')[2]!;
    const when = meetingLabel({ meetingDate: day(12).iso, meetingTime: '14:30' });
    expect(await page.locator('main').innerText()).toContain(`Meeting on ${when}`);
    expect(await page.getByRole('term').filter({ hasText: 'Meeting booked' }).count()).toBe(1);
  });

  it('moves the meeting: a past day is refused, someone else’s change is not overwritten, and the case holder is told', async () => {
    const page = await managerPage();
    await page.goto(`${stack.portalUrl}/audits/${auditId}`);
    await page.getByRole('link', { name: 'Change when you will meet' }).click();
    await page.waitForURL(new RegExp(`/audits/${auditId}/meeting$`));
    expect(await page.locator('#meetingDate').inputValue()).toBe('12');
    expect(await page.getByLabel('Time (optional)').inputValue()).toBe('14:30');

    // A day in the past: the API refuses it and the form says why.
    await fillDate(page, 'meetingDate', londonDay(-2));
    await page.getByRole('button', { name: 'Save the meeting' }).click();
    expect(await errorSummary(page).innerText()).toContain('The meeting cannot be in the past');
    expect(await page.locator('#meetingDate-year').inputValue()).toBe(londonDay(-2).year);
    // The meeting form with an error on its date (the test below checks one on its time).
    await expectNoAxeViolations(page);

    // Someone else moves it meanwhile: this save is refused (412) and keeps what was typed.
    const current = await stack.api('qa@northvale.example', `/v1/audits/${auditId}`);
    const moved = await stack.api('qa@northvale.example', `/v1/audits/${auditId}/meeting`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': current.headers.get('etag')! },
      body: JSON.stringify({ meetingDate: day(15).iso, meetingTime: '10:00' }),
    });
    expect(moved.status).toBe(200);
    await fillDate(page, 'meetingDate', day(19));
    await page.getByLabel('Time (optional)').fill('9:15');
    await page.getByRole('button', { name: 'Save the meeting' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'Someone else saved this audit' }).count()).toBe(1);
    expect(await page.locator('#meetingDate').inputValue()).toBe('19');
    expect(await page.getByLabel('Time (optional)').inputValue()).toBe('9:15');
    expect(await page.locator('main').innerText()).toContain(`Meeting on ${meetingLabel({ meetingDate: day(15).iso, meetingTime: '10:00' })}`);

    // Saving again, having seen the latest, moves it.
    await page.getByRole('button', { name: 'Save the meeting' }).click();
    await page.waitForURL(new RegExp(`/audits/${auditId}\\?meeting=1$`));
    const when = meetingLabel({ meetingDate: day(19).iso, meetingTime: '09:15' });
    expect(await page.getByRole('status').innerText()).toContain('The meeting has been saved');
    expect(await page.locator('main').innerText()).toContain(`Meeting on ${when}`);
    await expectNoAxeViolations(page);

    const emails = await meetingEmails(auditId);
    expect(emails.filter((m) => m.subject.endsWith(when)).map((m) => m.to)).toEqual(['practitioner@northvale.example']);

    await page.goto(`${stack.portalUrl}/audits?month=${month}`);
    const row = page.locator(`tr:has(a[href="/audits/${auditId}"])`);
    expect(await row.innerText()).toContain(`Meeting on ${when}`);

    await page.goto(`${stack.portalUrl}/programme/${month}`);
    expect(await page.locator(`tr:has(a[href="/audits/${auditId}"])`).innerText()).toContain(`Meeting on ${when}`);
  });

  describe('a time already gone today, and cancelling the booking', () => {
    let todayAudit = '';

    it('refuses a time a minute before now on today’s date, in the error summary, and books the current minute', async () => {
      // The API's clock: today at 11:00 UTC, so "now" is a known minute in London.
      clock.set(new Date(`${londonDay().iso}T11:00:00Z`));
      const now = meetingNow(clock.now());
      const [hours, minutes] = now.time.split(':').map(Number) as [number, number];
      const minuteBefore = `${String(minutes === 0 ? hours - 1 : hours).padStart(2, '0')}:${String(minutes === 0 ? 59 : minutes - 1).padStart(2, '0')}`;
      todayAudit = await plannedAudit({ caseRef: 'NV-00005', month: now.today.slice(0, 7) });

      const page = await managerPage();
      await page.goto(`${stack.portalUrl}/audits/${todayAudit}/meeting`);
      expect(await page.getByRole('button', { name: 'Cancel this booking' }).count()).toBe(0);
      await fillDate(page, 'meetingDate', londonDay());
      await page.getByLabel('Time (optional)').fill(minuteBefore);
      await page.getByRole('button', { name: 'Save the meeting' }).click();
      const summary = errorSummary(page);
      expect(await summary.innerText()).toContain(`That time has passed today (it is now ${now.time})`);
      expect(await summary.getByRole('link').getAttribute('href')).toBe('#meetingTime');
      expect(await page.getByLabel('Time (optional)').inputValue()).toBe(minuteBefore);
      expect(await page.locator('#meetingDate').inputValue()).toBe(londonDay().day);
      await expectNoAxeViolations(page);

      await page.getByLabel('Time (optional)').fill(now.time);
      await page.getByRole('button', { name: 'Save the meeting' }).click();
      await page.waitForURL(new RegExp(`/audits/${todayAudit}\\?meeting=1$`));
      expect(await page.locator('main').innerText()).toContain(`Meeting on ${meetingLabel({ meetingDate: now.today, meetingTime: now.time })}`);
    });

    it('cancels the booking after saying who will be told; a second click from a page opened before sends nothing more', async () => {
      const current = (await (await stack.api('qa@northvale.example', `/v1/audits/${todayAudit}`)).json()) as { meetingDate: string; meetingTime?: string };
      const when = meetingLabel(current);
      // Two tabs open at once: the manager's page and a second tab beside it.
      const page = await managerPage();
      const earlier = await page.context().newPage();
      await earlier.goto(`${stack.portalUrl}/audits/${todayAudit}/meeting`);
      await page.goto(`${stack.portalUrl}/audits/${todayAudit}/meeting`);
      await expectNoAxeViolations(page);
      const section = page.getByRole('heading', { name: 'Cancel this booking' });
      expect(await section.count()).toBe(1);
      expect(await page.locator('main').innerText()).toContain(`If the meeting on ${when} will not happen, cancel it. Priya Shah will be emailed that it is cancelled`);
      await page.getByRole('button', { name: 'Cancel this booking' }).click();
      await page.waitForURL(new RegExp(`/audits/${todayAudit}\\?meetingCancelled=1$`));
      expect(await page.getByRole('status').innerText()).toContain('The meeting booking has been cancelled');
      expect(await page.locator('main').innerText()).not.toContain('Meeting on');
      expect(await page.getByRole('link', { name: 'Set when you will meet' }).count()).toBe(1);

      // The tab opened before still offers the button: pressing it finds nothing booked.
      await earlier.getByRole('button', { name: 'Cancel this booking' }).click();
      await earlier.waitForURL(new RegExp(`/audits/${todayAudit}\\?meetingCancelled=1$`));
      const cancelled = await emailsAbout(todayAudit, 'Audit meeting cancelled');
      expect(cancelled.map((m) => m.to)).toEqual(['practitioner@northvale.example']);
      expect(cancelled[0]!.subject).toBe(`Audit meeting cancelled for case NV-00005: ${when}`);
      await page.goto(`${stack.portalUrl}/audits/${todayAudit}/meeting`);
      expect(await page.getByRole('button', { name: 'Cancel this booking' }).count()).toBe(0);
      await earlier.close();
    });
  });

  it('offers the meeting to a manager of the team the case has moved to, though the audit is another team’s', async () => {
    // NV-00021 is an Assessment case: QA audits it there, then it moves to the manager's team.
    const elsewhere = await plannedAudit({ caseRef: 'NV-00021', month }, 'qa@northvale.example');
    const read = await stack.api('qa@northvale.example', '/v1/cases/NV-00021');
    const moved = await stack.api('qa@northvale.example', '/v1/cases/NV-00021', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': read.headers.get('etag')! },
      body: JSON.stringify({ teamId: 'child-in-need' }),
    });
    expect(moved.status).toBe(200);

    const page = await managerPage();
    await page.goto(`${stack.portalUrl}/audits/${elsewhere}`);
    await page.getByRole('link', { name: 'Set when you will meet' }).click();
    await page.waitForURL(new RegExp(`/audits/${elsewhere}/meeting$`));
    await fillDate(page, 'meetingDate', day(8));
    await page.getByRole('button', { name: 'Save the meeting' }).click();
    await page.waitForURL(new RegExp(`/audits/${elsewhere}\\?meeting=1$`));
    expect(await page.locator('main').innerText()).toContain(`Meeting on ${meetingLabel({ meetingDate: day(8).iso })}`);
    await expectNoAxeViolations(page);
  });
});
