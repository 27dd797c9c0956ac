/**
 * The staff layout as people see it on a phone (320 px, which is also 1280 px at 400 % zoom)
 * and on a desktop (1280 px): a "Menu" that needs no script and keeps the first screen for the
 * page, charts and the journey timeline whose words stay readable and inside their figure, the
 * safeguarding box beside its label with one warning, and a "my audits" table that fits, with
 * a thematic review's audits among the monthly ones too. One page per person, JavaScript on:
 * the portal sends no script and its policy forbids any, and the axe check refuses a page that
 * carries one, so what these pages show is what a browser without JavaScript shows.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { jsonInit } from '../api/api-client.ts';

const MANAGER = 'manager@northvale.example';
const QA = 'qa@northvale.example';
const NARROW = { width: 320, height: 640 };
const WIDE = { width: 1280, height: 800 };

useBrowserStack();

/** Each test sizes the page it is given before loading, so the layout follows that size. */
const reused = reusedPages();
async function pageAt(email: string, size: { width: number; height: number }): Promise<Page> {
  const page = await reused(email);
  await page.setViewportSize(size);
  return page;
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** The smallest text drawn inside an element, in screen pixels (an SVG's text shrinks with its drawing). */
const smallestText = (within: Locator) =>
  within.evaluate((root) => {
    let smallest = Infinity;
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
      if (el.closest('title, desc, [hidden]') || el.getBoundingClientRect().width === 0) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        if (m) size *= Math.hypot(m.a, m.b);
      }
      smallest = Math.min(smallest, size);
    }
    return smallest;
  });

/** Words drawn outside the element's own box, which a reader cannot see (a label cut off at the edge). */
const textOutside = (within: Locator) =>
  within.evaluate((root) => {
    const box = root.getBoundingClientRect();
    const outside: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
      if (el.closest('title, desc, [hidden]')) continue;
      const r = el.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) outside.push(el.textContent!.trim());
    }
    return outside;
  });

async function inProgressAudit(): Promise<string> {
  const me = (await (await stack.api(MANAGER, '/v1/me')).json()) as { user: { id: string } };
  const audits = (await (await stack.api(MANAGER, '/v1/audits?state=in-progress')).json()) as { items: { id: string; auditorId: string; templateId: string }[] };
  const audit = audits.items.find((a) => a.auditorId === me.user.id && a.templateId === 'journey-of-the-child');
  if (!audit) throw new Error('the demo data has no Journey of the Child audit in progress for the manager');
  return audit.id;
}

describe('the menu on a small screen', () => {
  it('is one "Menu" control that opens from the keyboard, leaving the first screen to the page, and passes axe open and closed', async () => {
    const page = await pageAt(MANAGER, NARROW);
    await page.goto(`${stack.portalUrl}/audits`);
    await expectNoAxeViolations(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.locator('summary');
    expect(await menu.innerText()).toBe('Menu');
    expect(await nav.getByRole('link', { name: 'Cases' }).isVisible()).toBe(false);
    // The page's heading starts in the top half of the first screen, not under a block of links.
    const headingTop = await page.getByRole('heading', { level: 1 }).evaluate((h) => h.getBoundingClientRect().top);
    expect(headingTop).toBeLessThan(NARROW.height / 2);

    // Tab from the top of the page to the menu, open it and follow a link.
    let focused = '';
    for (let i = 0; i < 8 && focused !== 'Menu'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.tagName === 'SUMMARY' ? document.activeElement.textContent!.trim() : ''));
    }
    expect(focused).toBe('Menu');
    await page.keyboard.press('Enter');
    const cases = nav.getByRole('link', { name: 'Cases' });
    expect(await cases.isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Audits' }).getAttribute('aria-current')).toBe('page');
    expect(await noSidewaysScroll(page)).toBe(true);
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');
    expect(await cases.isVisible()).toBe(false);
  });

  it('shows every link and no "Menu" on a wide screen', async () => {
    const page = await pageAt(MANAGER, WIDE);
    await page.goto(`${stack.portalUrl}/audits`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.locator('summary').isVisible()).toBe(false);
    for (const name of ['Cases', 'Audits', 'Actions', 'Quality assurance']) expect(await nav.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
  });
});

describe('charts and the journey timeline', () => {
  it('keeps the timeline’s words readable on a phone, scrolling the drawing instead of the page', async () => {
    const page = await pageAt(MANAGER, NARROW);
    await page.goto(`${stack.portalUrl}/cases/NV-00001/journey`);
    const timeline = page.getByRole('img', { name: /^Timeline of the child’s journey/ });
    expect(await smallestText(timeline)).toBeGreaterThanOrEqual(12);
    expect(await noSidewaysScroll(page)).toBe(true);
    // The box that scrolls takes keyboard focus, so it can be scrolled without a mouse.
    expect(await page.locator('[tabindex="0"]').filter({ has: timeline }).count()).toBe(1);
    await expectNoAxeViolations(page);
  });

  it('draws the dashboard’s charts with readable words on a phone and nothing cut off on a desktop', async () => {
    const chartNames = ['Audits due and completed on time', 'Grades overall and by section', 'Overall grades month by month', 'Actions raised, done, verified and overdue'];
    for (const size of [NARROW, WIDE]) {
      const page = await pageAt(QA, size);
      await page.goto(`${stack.portalUrl}/dashboard`);
      for (const name of chartNames) {
        const chart = page.getByRole('img', { name, exact: false });
        expect(await chart.count(), name).toBe(1);
        expect(await smallestText(chart), `${name} at ${size.width}px`).toBeGreaterThanOrEqual(14);
        expect(await textOutside(chart), `${name} at ${size.width}px`).toEqual([]);
      }
      expect(await noSidewaysScroll(page)).toBe(true);
    }
  });
});

describe('the safeguarding question on an audit section', () => {
  it('puts the box beside its label and gives the warning once, read out with the box', async () => {
    const id = await inProgressAudit();
    for (const size of [NARROW, WIDE]) {
      const page = await pageAt(MANAGER, size);
      await page.goto(`${stack.portalUrl}/audits/${encodeURIComponent(id)}/sections/overall-judgement`);
      const box = page.getByRole('checkbox', { name: /Escalate a safeguarding concern/ });
      const label = page.locator(`label[for="${await box.getAttribute('id')}"]`);
      const [b, l] = [(await box.boundingBox())!, (await label.boundingBox())!];
      // Beside: to the left of the label and level with its first line, not on a line of its own.
      expect(b.x + b.width, `at ${size.width}px`).toBeLessThanOrEqual(l.x);
      expect(b.y, `at ${size.width}px`).toBeLessThan(l.y + 30);
      expect(b.y + b.height).toBeGreaterThan(l.y);

      const main = await page.getByRole('main').innerText();
      expect(main.match(/straight away/g)?.length, 'the warning is said once').toBe(1);
      const description = await box.evaluate((input) =>
        (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((ref) => document.getElementById(ref)?.textContent ?? '')
          .join(' '),
      );
      expect(description).toContain('alerts the team manager and the QA team straight away');
    }
  });
});

describe('"my audits"', () => {
  it('fits a desktop: every grade in view, references on one line, no column the same in every row', async () => {
    const page = await pageAt(MANAGER, WIDE);
    await page.goto(`${stack.portalUrl}/audits`);
    const table = page.getByRole('table', { name: 'Your audits' });
    const wrapper = table.locator('xpath=..');
    expect(await wrapper.evaluate((w) => w.scrollWidth <= w.clientWidth)).toBe(true);
    const refs = table.locator('tbody th a');
    expect(await refs.count()).toBeGreaterThan(1);
    for (const lines of await refs.evaluateAll((links) => links.map((a) => a.getClientRects().length))) expect(lines).toBe(1);

    const columns = await table.evaluate((t) => {
      const rows = [...(t as HTMLTableElement).tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim()));
      const headers = [...(t as HTMLTableElement).tHead!.rows[0]!.cells].map((c) => c.textContent!.trim());
      return headers.map((header, i) => ({ header, values: new Set(rows.map((r) => r[i])).size }));
    });
    expect(columns.filter((c) => c.values === 1).map((c) => c.header)).toEqual([]);
    // What every row shares is said once, above the table.
    expect(await page.getByText(/^All audits here: .*auditor Morgan Ellis/).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  });

  /** Whether the audits table shows whole, with nothing to scroll to. */
  const tableFits = (page: Page, name: string) =>
    page
      .getByRole('table', { name })
      .locator('xpath=..')
      .evaluate((w) => w.scrollWidth <= w.clientWidth);

  it('still fits a desktop with a thematic review’s audits among the monthly ones', async () => {
    // The manager reviews a case of their team for a thematic review: the table gains a template column.
    const review = async (path: string, body: unknown, etag?: string) => {
      const response = await stack.api(QA, path, jsonInit('POST', body, etag ? { 'if-match': etag } : {}));
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      return { id: ((await response.json()) as { id: string }).id, etag: response.headers.get('etag')! };
    };
    const casesDueBy = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const created = await review('/v1/reviews', { title: 'Hearing children in need', question: 'How well do we hear children in need?', scope: 'Open cases', casesDueBy, reviewerIds: ['nv-manager'] });
    const drawn = await review(`/v1/reviews/${created.id}/cohort`, { method: 'hand', cases: [{ caseRef: 'NV-00002', reason: 'Chosen for the layout' }] }, created.etag);
    await review(`/v1/reviews/${created.id}/start`, {}, drawn.etag);

    const page = await pageAt(MANAGER, WIDE);
    await page.goto(`${stack.portalUrl}/audits`);
    const table = page.getByRole('table', { name: 'Your audits' });
    await expect(table.getByRole('columnheader', { name: 'Template' }).count()).resolves.toBe(1);
    // The review tool's name already says what kind of audit it is: not said twice.
    await expect(table.getByRole('cell', { name: 'Thematic review: the child’s voice', exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(table.getByText('(Thematic)').count()).resolves.toBe(0);
    expect(await tableFits(page, 'Your audits')).toBe(true);

    // QA's list has every column: team, auditor and template, with the demo's review audits among the rest.
    const qa = await pageAt(QA, WIDE);
    await qa.goto(`${stack.portalUrl}/audits`);
    const headers = await qa.getByRole('table', { name: 'Your audits' }).locator('thead th').allInnerTexts();
    expect(headers).toEqual(expect.arrayContaining(['Template', 'Team', 'Auditor', 'Overall grade']));
    expect(await tableFits(qa, 'Your audits')).toBe(true);
  });
});
