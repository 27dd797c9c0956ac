/**
 * Staff reading engagement results in the browser: one activity's charts with their tables,
 * the print view and results across activities; tagging comments and keeping the theme list,
 * and publishing "You said, we did", which families then read on the public page without a
 * code, in English and Welsh. axe on each page. Walked once: the portal sends no script and its
 * policy forbids any, and the axe check refuses a page that carries one, so this walk is also
 * the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';

const ACTIVITY = 'nv-engage-ages-11-18';

useBrowserStack();

/** The QA officer's one page, taken from test to test; every test goes to its own first page. */
const reused = reusedPages();
const qaPage = () => reused('qa@northvale.example');

describe('results', () => {
  it('shows one activity’s answers as a chart with a table of every figure, a CSV and a print view', async () => {
    const page = await qaPage();
    await page.goto(`${stack.portalUrl}/engagement/${ACTIVITY}`);
    await page.getByRole('link', { name: /^Results/ }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Your say on children’s services (ages 11 to 18)');
    await expect.poll(() => page.getByRole('img', { name: /Answers to each question/ }).count()).toBe(1);
    const table = page.getByRole('table', { name: /Answers to each question/ });
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(expect.arrayContaining(['Don’t know', 'Rather not say']));
    expect(await table.getByRole('row').count()).toBe(8);
    await expectNoAxeViolations(page);

    const csv = await page.request.get(`${stack.portalUrl}/engagement/${ACTIVITY}/results/results.csv`);
    expect((await csv.text()).split('\r\n')[0]).toBe('Form,Section,Question,Answer,Responses');

    await page.getByRole('link', { name: 'Print view' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Show results' }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('across activities, filters by audience and says fewer than 5 where a group is small', async () => {
    const page = await qaPage();
    await page.goto(`${stack.portalUrl}/engagement/results`);
    await page.getByLabel('Who it asks').selectOption('parents-carers');
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.waitForURL(/audience=parents-carers/);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toContain('Have your say (parents and carers)');
    await expectNoAxeViolations(page);
    await page.goto(`${stack.portalUrl}/engagement/results?from=${londonDate(new Date(Date.now() + 86_400_000))}`);
    expect(await page.getByText('Fewer than 5 responses, so no figures are shown.').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});

describe('themes and “You said, we did”', () => {
  it('a QA officer keeps the theme list and tags a comment, and the results count it', async () => {
    const page = await qaPage();
    await page.goto(`${stack.portalUrl}/engagement/${ACTIVITY}/results/comments`);
    await page.getByLabel('Themes, one a line').fill('Being listened to\nGetting in touch');
    await page.getByRole('button', { name: 'Save the theme list' }).click();
    await page.waitForURL(/\?themes/);
    // "Getting in touch" is new to the list, so no demo response carries it yet: this is its first use.
    const first = page.locator('form.comment').first();
    await first.getByLabel('Getting in touch').check();
    await first.getByRole('button', { name: /Save themes/ }).click();
    await page.waitForURL(/\?tagged/);
    expect(await page.locator('form.comment').first().getByLabel('Getting in touch').isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await page.goto(`${stack.portalUrl}/engagement/${ACTIVITY}/results`);
    const themes = page.getByRole('table', { name: 'Themes in what people wrote' });
    expect(await themes.getByRole('row', { name: /Getting in touch/ }).innerText()).toContain('fewer than 5');
  });

  it('a QA officer publishes “You said, we did” in English and Polish; families read it without a code, in English and Welsh', async () => {
    const page = await qaPage();
    await page.goto(`${stack.portalUrl}/you-said-we-did`);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Say what we heard');
    await expectNoAxeViolations(page);
    await page.getByLabel('What we heard (you said)').fill('You said letters were hard to read.');
    await page.getByLabel('What we did', { exact: true }).fill('We rewrote our letters in plain words.');
    await page.getByLabel('When we did it (YYYY-MM-DD)').fill(londonDate(new Date()));
    await page.getByLabel('What we heard in Polish (polski)').fill('Powiedzieliście, że listy były trudne do czytania.');
    await page.getByLabel('What we did in Polish (polski)').fill('Napisaliśmy listy prostym językiem.');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/\?published/);
    await expectNoAxeViolations(page);

    const family = await (await browser.newContext()).newPage();
    await family.goto(`${stack.portalUrl}/have-your-say/northvale`);
    await family.getByRole('link', { name: 'See what we changed because of what you told us' }).click();
    expect(await family.getByText('We rewrote our letters in plain words.').count()).toBe(1);
    await expectNoAxeViolations(family);
    await family.goto(`${stack.portalUrl}/have-your-say/northvale/you-said-we-did?lang=cy`);
    await expectNoAxeViolations(family);
    await family.goto(`${stack.portalUrl}/have-your-say/southmoor/you-said-we-did`);
    expect(await family.getByText('We rewrote our letters in plain words.').count()).toBe(0);
    await family.context().close();
  });
});
