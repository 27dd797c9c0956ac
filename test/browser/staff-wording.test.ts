/**
 * Words a team manager reads, axe on each page: the activity log says what happened to
 * what, by name, not record ids and field names; the developer outbox is offered only to
 * the tenant admin on one machine; a case reference typed in lower case opens the case.
 */
import { describe, expect, it } from 'vitest';
import { formatMonth } from '@waypoint/shared/formatting/dates';
import { JOURNEY_OF_THE_CHILD_ID } from '@waypoint/shared/templates/built-in/journey-of-the-child';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';

useBrowserStack();

const pageAs = reusedPages();

const nav = (email: string) =>
  pageAs(email).then(async (page) => {
    await page.goto(`${stack.portalUrl}/`);
    return { page, labels: await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts() };
  });

describe('the menu', () => {
  it('offers the outbox to the tenant admin on this machine, and to no other role', async () => {
    const admin = await nav('admin@northvale.example');
    expect(admin.labels.map((l) => l.trim())).toContain('Outbox');
    for (const role of ['student', 'practitioner', 'manager', 'qa', 'senior']) {
      const { labels } = await nav(`${role}@northvale.example`);
      expect(
        labels.map((l) => l.trim()),
        role,
      ).not.toContain('Outbox');
    }
  });
});

describe('the activity log', () => {
  it('says in words who planned which audit, linking to it, with no record ids or field names', async () => {
    const response = await stack.api('manager@northvale.example', '/v1/audits', {
      method: 'POST',
      body: JSON.stringify({ caseRef: 'nv-00006', templateId: JOURNEY_OF_THE_CHILD_ID }),
    });
    expect(response.status).toBe(201);
    const audit = (await response.json()) as { id: string; month: string; caseRef: string };
    expect(audit.caseRef).toBe('NV-00006');

    // Read once: the portal sends no script and its policy forbids any, and the axe check
    // refuses a page that carries one, so this is also the page without JavaScript.
    const page = await pageAs('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/activity`);
    const table = page.getByRole('table', { name: 'Latest changes' });
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['When', 'Who', 'What happened']);
    const row = table.getByRole('row', { name: new RegExp(`Planned the audit of case NV-00006, ${formatMonth(audit.month)}`) });
    expect(await row.innerText()).toContain('Morgan Ellis');
    expect(await row.getByRole('link', { name: `the audit of case NV-00006, ${formatMonth(audit.month)}` }).getAttribute('href')).toBe(`/audits/${audit.id}`);
    const text = await table.innerText();
    expect(text).not.toContain(audit.id);
    expect(text).not.toMatch(/completedAt|completedById|caseRef|templateId/);
    await expectNoAxeViolations(page);
  });

  it('names the thing for the tenant admin without linking to case records', async () => {
    const page = await pageAs('admin@northvale.example');
    await page.goto(`${stack.portalUrl}/activity`);
    const table = page.getByRole('table', { name: 'Latest changes' });
    expect(await table.innerText()).toMatch(/Planned the audit of case NV-00006/);
    expect(await table.locator('a[href^="/audits/"]').count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});

describe('a case reference typed in lower case', () => {
  it('opens the case at its stored reference', async () => {
    const page = await pageAs('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/cases/nv-00001`);
    expect(new URL(page.url()).pathname).toBe('/cases/NV-00001');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('NV-00001');
  });
});
