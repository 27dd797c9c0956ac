/**
 * Who sees which audits in the portal, and axe on the audit pages the journey does not
 * reach: a student sees only the audits they took part in, a tenant admin has no audits,
 * a case holder reads but does not run, out-of-scope audits are "page not found", and a
 * section can be answered and saved with the keyboard alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditSummary } from '@waypoint/shared/audits/audit-schemas';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { londonDay } from './audits-steps.ts';

/** Every Northvale audit, as a QA officer sees them through the API. */
let audits: AuditSummary[] = [];

async function allAudits(): Promise<AuditSummary[]> {
  const found: AuditSummary[] = [];
  let cursor = '';
  do {
    const page = await (await stack.api('qa@northvale.example', `/v1/audits?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json();
    found.push(...page.items);
    cursor = page.nextCursor ?? '';
  } while (cursor);
  return found;
}

const find = (test: (a: AuditSummary) => boolean): AuditSummary => {
  const audit = audits.find(test);
  if (!audit) throw new Error('The demo data has no such audit');
  return audit;
};

useBrowserStack();

/** One page per person, taken from test to test; every test goes to its own first page. */
const pageAs = reusedPages();

beforeAll(async () => {
  audits = await allAudits();
});

/** The audit ids a page's audit table links to. */
async function listedIds(page: import('playwright-core').Page): Promise<string[]> {
  const hrefs = await page.locator('main table a[href^="/audits/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.map((h) => h.split('/')[2]!);
}

describe('a student social worker', () => {
  it('sees only the audits they took part in, and may reflect on them', async () => {
    const page = await pageAs('student@northvale.example');
    await page.goto(`${stack.portalUrl}/audits`);
    expect(await page.title()).toBe('My audits – Waypoint');
    const expected = audits.filter((a) => a.studentId === 'nv-student').map((a) => a.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await listedIds(page)).sort()).toEqual([...expected].sort());
    expect(await page.getByRole('link', { name: 'Plan an audit' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    const completed = find((a) => a.studentId === 'nv-student' && a.state === 'completed');
    await page.goto(`${stack.portalUrl}/audits/${completed.id}`);
    expect(await page.getByLabel('Add your reflection').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Reflections' }).innerText()).toContain('student social worker');
    await expectNoAxeViolations(page);

    // The page's data goes out only as the page: its data address (which only client-side
    // navigation would ask for) answers a stand-in, not the audit (portal/src/hooks.ts).
    const data = await page.request.get(`${stack.portalUrl}/audits/${completed.id}/__data.json`);
    const answered = await data.text();
    expect(answered).toContain('rendered on the server');
    expect(answered).not.toContain(completed.caseRef);
  });

  it('gets "page not found" for an audit they did not take part in', async () => {
    const page = await pageAs('student@northvale.example');
    const other = find((a) => a.studentId === undefined && a.teamId === 'child-in-need');
    const response = await page.goto(`${stack.portalUrl}/audits/${other.id}`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page not found');
  });
});

describe('a tenant admin', () => {
  it('has no audits in the navigation or on the home page, and is refused the audits page', async () => {
    const page = await pageAs('admin@northvale.example');
    await page.goto(`${stack.portalUrl}/`);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts()).not.toContain('Audits');
    expect(await page.getByRole('heading', { name: 'My audits' }).count()).toBe(0);
    const response = await page.goto(`${stack.portalUrl}/audits`);
    expect(response?.status()).toBe(403);
    expect(await page.title()).toBe('You do not have access – Waypoint');
  });
});

describe('a case holder', () => {
  it('reads the audits of their cases but is sent back to the record from the form', async () => {
    const page = await pageAs('practitioner@northvale.example');
    const own = find((a) => a.caseHolderId === 'nv-practitioner' && a.state === 'completed');
    await page.goto(`${stack.portalUrl}/audits/${own.id}`);
    expect(await page.getByRole('link', { name: /^Raise an action/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Reopen this audit' }).count()).toBe(0);
    await page.goto(`${stack.portalUrl}/audits/${own.id}/sections/assessment`);
    expect(new URL(page.url()).pathname).toBe(`/audits/${own.id}`);
    const response = await page.goto(`${stack.portalUrl}/audits/plan`);
    expect(response?.status()).toBe(403);
  });
});

describe('a team manager', () => {
  it('gets "page not found" for another team\'s audit and another authority\'s', async () => {
    const page = await pageAs('manager@northvale.example');
    const otherTeam = find((a) => a.teamId !== 'child-in-need' && a.auditorId !== 'nv-manager');
    for (const id of [otherTeam.id, otherTeam.id.replace(/^nv-/, 'sm-')]) {
      const response = await page.goto(`${stack.portalUrl}/audits/${id}`);
      expect(response?.status()).toBe(404);
      expect(await page.content()).not.toContain('Southmoor');
    }
  });

  it('gets field errors on the conversation page, and the cancel page, both passing axe', async () => {
    const page = await pageAs('manager@northvale.example');
    const inProgress = find((a) => a.teamId === 'child-in-need' && a.state === 'in-progress');
    await page.goto(`${stack.portalUrl}/audits/${inProgress.id}/conversation`);
    await expectNoAxeViolations(page);
    const tomorrow = londonDay(1);
    await page.locator('#conversationDate').fill(tomorrow.day);
    await page.locator('#conversationDate-month').fill(tomorrow.month);
    await page.locator('#conversationDate-year').fill(tomorrow.year);
    await page.locator('#periodReviewed-to-year').fill('');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.getByRole('link', { name: 'The end of the period reviewed must include a year' }).getAttribute('href')).toBe('#periodReviewed-to');
    await expectNoAxeViolations(page);
    // With the period put right, the API's own check refuses a conversation in the future.
    await page.locator('#periodReviewed-to-year').fill(londonDay().year);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await summary.getByRole('link', { name: 'The audit conversation cannot be in the future' }).waitFor();
    expect(await summary.getByRole('link', { name: 'The audit conversation cannot be in the future' }).getAttribute('href')).toBe('#conversationDate');

    const planned = find((a) => a.teamId === 'child-in-need' && a.state === 'planned');
    await page.goto(`${stack.portalUrl}/audits/${planned.id}/cancel`);
    expect(await page.title()).toBe(`Cancel the audit – Audit of case ${planned.caseRef} – Waypoint`);
    await expectNoAxeViolations(page);
  });
});

describe('with the keyboard alone', () => {
  it('a manager skips to the form, answers a section and saves it without a mouse', async () => {
    const page = await pageAs('manager@northvale.example');
    const inProgress = find((a) => a.teamId === 'child-in-need' && a.state === 'in-progress');
    await page.goto(`${stack.portalUrl}/audits/${inProgress.id}/sections/planning-and-review`);
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || '');
    /** Tabs forward until the element with this id or text has focus, as a keyboard user would. */
    const tabTo = async (target: string) => {
      for (let i = 0; i < 60 && (await focused()) !== target; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(target);
    };

    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await tabTo('answers-planning-and-review-evidenced');
    await page.keyboard.press('Space');
    await tabTo('answers-planning-and-review-evidence');
    await page.keyboard.type('The plan is reviewed on time and the family has a copy.');
    await tabTo('answers-planning-and-review-grade');
    // Arrow keys move through a radio group and choose as they go: Outstanding, then Good.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await tabTo('Save as draft and return to the audit');
    await page.keyboard.press('Enter');
    // The skip link's #main-content carries over the redirect, as fragments do.
    await page.waitForURL(new RegExp(`/audits/${inProgress.id}\\?saved=1(#main-content)?$`));
    const saved = await (await stack.api('manager@northvale.example', `/v1/audits/${inProgress.id}`)).json();
    expect(saved.answers['planning-and-review']).toMatchObject({ evidenced: 'yes', evidence: 'The plan is reviewed on time and the family has a copy.', grade: 'good' });
  });
});

describe('a QA officer', () => {
  it('filters every audit by month, team and state, and may reopen a completed one', async () => {
    const page = await pageAs('qa@northvale.example');
    const month = londonDay().iso.slice(0, 7);
    await page.goto(`${stack.portalUrl}/audits`);
    expect(await page.title()).toBe('Audits – Waypoint');
    await page.getByLabel('Month').selectOption(month);
    await page.getByLabel('Team').selectOption({ label: 'Early Help' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/team=early-help/);
    const expected = audits.filter((a) => a.month === month && a.teamId === 'early-help').map((a) => a.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await listedIds(page)).sort()).toEqual([...expected].sort());
    await expectNoAxeViolations(page);

    await page.getByLabel('State').selectOption('completed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/state=completed/);
    expect(await page.locator('main').innerText()).toContain('No audits match these filters.');

    const completed = find((a) => a.state === 'completed');
    await page.goto(`${stack.portalUrl}/audits/${completed.id}`);
    await page.getByRole('link', { name: 'Reopen this audit' }).click();
    expect(await page.title()).toBe(`Reopen the audit – Audit of case ${completed.caseRef} – Waypoint`);
    await expectNoAxeViolations(page);
  });
});
