/**
 * The child's journey in the browser, axe on every page: a team manager opens a case's
 * journey from the case page, reads the timeline and the timescales met and missed, adds
 * an event with the form, is refused an event out of order with an error summary, finds
 * the same journey on the case's audit, removes an event recorded in error (but not one
 * others depend on); the page prints without its form.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { fillDate, londonDay } from './audits-steps.ts';

const MANAGER = 'manager@northvale.example';
const REF = 'NV-J0001';
/** Days ago, in London, as the API and the date boxes want them. */
const ago = (days: number) => londonDay(-days);

useBrowserStack();

beforeAll(async () => {
  // A case of the manager's team with no journey yet, an audit planned on it, and a story to judge.
  const created = await stack.api(MANAGER, '/v1/cases', { method: 'POST', body: JSON.stringify({ ref: REF, teamId: 'child-in-need', caseType: 'child-in-need', holderId: 'nv-practitioner' }) });
  expect(created.status).toBe(201);
  const audit = await stack.api(MANAGER, '/v1/audits', { method: 'POST', body: JSON.stringify({ caseRef: REF, templateId: 'journey-of-the-child' }) });
  expect(audit.status).toBe(201);
  // The first assessment inside 45 working days of its referral, the second well outside it.
  for (const [type, days] of [
    ['referral', 300],
    ['assessment-completed', 280],
    ['referral', 200],
    ['assessment-completed', 90],
  ] as const) {
    const added = await stack.api(MANAGER, `/v1/cases/${REF}/journey`, { method: 'POST', body: JSON.stringify({ type, date: ago(days).iso }) });
    expect(added.status).toBe(201);
  }
});

/** The manager's page, taken from test to test; every test goes to its own first page. */
const reused = reusedPages();
const managerPage = () => reused(MANAGER);

const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });
const timescaleRows = (page: Page) => page.locator('#journey-timescales tbody tr');

describe('the child’s journey', () => {
  it('opens from the case page with the timeline, its description and the timescales met and missed', async () => {
    const page = await managerPage();
    await page.goto(`${stack.portalUrl}/cases/${REF}`);
    await page.getByRole('link', { name: 'The child’s journey: events and statutory timescales' }).click();
    await page.waitForURL(`**/cases/${REF}/journey`);
    expect(await page.title()).toBe(`The child’s journey – Case ${REF} – Waypoint`);
    await expectNoAxeViolations(page);

    const timeline = page.getByRole('img', { name: `Timeline of the child’s journey, case ${REF}` });
    expect(await timeline.getAttribute('aria-labelledby')).toContain('desc');
    expect(await page.locator('#journey-timeline-desc').textContent()).toMatch(/4 events .* statutory timescales: 1 met, 1 missed/);
    // Never colour alone: each mark on the timeline is labelled with its code and status in words.
    expect(await timeline.locator('text').allTextContents()).toEqual(expect.arrayContaining(['T1 Met', 'T2 Missed']));

    expect(await timescaleRows(page).count()).toBe(2);
    const first = await timescaleRows(page).nth(0).innerText();
    expect(first).toContain('Assessment completed within 45 working days of referral');
    expect(first).toContain('Met');
    const second = await timescaleRows(page).nth(1).innerText();
    expect(second).toContain('Missed');
    expect(second).toContain('Referral (event 3)');
    expect(await page.locator('#journey-events tbody tr').count()).toBe(4);
  });

  it('adds an event with the form, and refuses one out of order with an error summary', async () => {
    const page = await managerPage();
    await page.goto(`${stack.portalUrl}/cases/${REF}/journey`);
    await page.getByLabel('Type of event').selectOption('strategy-discussion');
    await fillDate(page, 'date', ago(20));
    await page.getByLabel('Note (optional)').fill('Strategy discussion with police and health.');
    await page.getByRole('button', { name: 'Add event' }).click();
    await page.waitForURL(/\/journey\?added=1$/);
    expect(await page.getByRole('status').innerText()).toContain('Event added to the child’s journey');
    expect(await page.locator('#journey-events tbody tr').count()).toBe(5);
    // The strategy discussion starts the clock for an initial conference: due or overdue, never met.
    const conference = timescaleRows(page).filter({ hasText: 'Initial child protection conference' });
    expect(await conference.innerText()).toMatch(/Due|Overdue/);
    await expectNoAxeViolations(page);

    // A review conference with no initial conference before it breaks the order: nothing is written.
    await page.getByLabel('Type of event').selectOption('review-cp-conference');
    await fillDate(page, 'date', ago(5));
    await page.getByRole('button', { name: 'Add event' }).click();
    await errorSummary(page).waitFor();
    expect(await page.title()).toBe(`Error: The child’s journey – Case ${REF} – Waypoint`);
    const problem = errorSummary(page).getByRole('link', { name: /A review conference comes after an initial child protection conference/ });
    expect(await problem.getAttribute('href')).toBe('#date');
    // What was typed is still there to correct.
    expect(await page.getByLabel('Type of event').inputValue()).toBe('review-cp-conference');
    expect(await page.locator('#date-year').inputValue()).toBe(ago(5).year);
    expect(await page.locator('#journey-events tbody tr').count()).toBe(5);
    await expectNoAxeViolations(page);
  });

  it('shows the same journey on the case’s audit, with the way to record more', async () => {
    const page = await managerPage();
    await page.goto(`${stack.portalUrl}/cases/${REF}`);
    await page
      .getByRole('table', { name: `Audits of case ${REF}, newest first` })
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL(/\/audits\/[^/]+$/);
    const section = page.getByRole('region', { name: 'The child’s journey' });
    expect(await section.getByRole('img', { name: `Timeline of the child’s journey, case ${REF}` }).count()).toBe(1);
    expect(await section.locator('#audit-journey-timescales tbody tr').count()).toBe(3);
    expect(await section.innerText()).toContain('Missed');
    await expectNoAxeViolations(page);
    await section.getByRole('link', { name: 'Record an event on the child’s journey' }).click();
    await page.waitForURL(`**/cases/${REF}/journey?audit=*`);
    expect(await page.getByRole('link', { name: 'Back to the audit' }).count()).toBe(1);
  });

  it('removes an event recorded in error after asking, but not one others depend on', async () => {
    const page = await managerPage();
    await page.goto(`${stack.portalUrl}/cases/${REF}/journey`);
    // The first referral starts the clock the first assessment answers: it cannot go.
    await page.getByRole('link', { name: 'Remove event 1, Referral' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Remove event 1?');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Remove the event' }).click();
    await errorSummary(page).waitFor();
    expect(await errorSummary(page).innerText()).toContain('Other events depend on this one');

    await page.goto(`${stack.portalUrl}/cases/${REF}/journey`);
    await page.getByRole('link', { name: 'Remove event 5, Strategy discussion' }).click();
    await page.getByRole('button', { name: 'Remove the event' }).click();
    await page.waitForURL(/\/journey\?removed=1$/);
    expect(await page.getByRole('status').innerText()).toContain('Event removed');
    expect(await page.locator('#journey-events tbody tr').count()).toBe(4);
    expect(await timescaleRows(page).count()).toBe(2);
  });

  it('prints the timeline and tables without the form', async () => {
    const page = await managerPage();
    await page.goto(`${stack.portalUrl}/cases/${REF}/journey`);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('heading', { name: 'Record an event' }).isVisible()).toBe(false);
      expect(await page.getByRole('img', { name: `Timeline of the child’s journey, case ${REF}` }).isVisible()).toBe(true);
      expect(await page.locator('#journey-timescales').isVisible()).toBe(true);
    } finally {
      // The page is the manager's for any test after this one, on a screen.
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
