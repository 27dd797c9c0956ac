/**
 * Translating a feedback form: a QA officer changes the Polish and then the Urdu text of the
 * parents' form with JavaScript off, each save publishing a version with only that language
 * changed; a new activity pins it and a Polish family sees the new words. The translation
 * page passes axe with JavaScript on and off, a save over a version someone published
 * meanwhile keeps what was typed, and a practitioner cannot open the page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';

const QA = 'qa@northvale.example';
const FORM = 'feedback-parents-carers';
const FEEL_SAFE = 'Wording of question 1 in section 1';
const POLISH_NAME = 'Powiedz nam, co myślisz (rodzice i opiekunowie)';
const POLISH_FEEL_SAFE = 'Czuję się bezpiecznie w domu i poza nim';
const URDU_TITLE = 'محفوظ محسوس کرنا (نیا)';

useBrowserStack();

/** The QA officer's pages, one with JavaScript off and one with it on, taken from test to test; every test goes to its own first page. */
const reused = reusedPages();
const qaPage = (javaScriptEnabled: boolean) => reused(QA, { javaScriptEnabled });

async function latest(): Promise<TemplateVersion> {
  const response = await stack.api(QA, `/v1/templates/${FORM}`);
  expect(response.status).toBe(200);
  return (await response.json()) as TemplateVersion;
}

const translatePage = (lang: string) => `${stack.portalUrl}/templates/${FORM}/translate?lang=${lang}`;
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });
/**
 * axe-core runs as script in the page, which a context with JavaScript off cannot do: this
 * checks the HTML that context was given, served again at its address to one that can.
 */
async function expectNoAxeViolationsInHtmlOf(offPage: Page): Promise<void> {
  const [html, url] = [await offPage.content(), offPage.url()];
  const page = await qaPage(true);
  const served = (u: URL) => u.href === url;
  await page.route(served, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  try {
    await page.goto(url);
    expect(await page.title()).toBe(await offPage.title());
    await expectNoAxeViolations(page);
  } finally {
    // The page goes on to other checks, which want the portal's own answers.
    await page.unroute(served);
  }
}

const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

describe('a QA officer translates a feedback form with JavaScript off', () => {
  it('changes the Polish text and publishes a version with only the Polish changed', async () => {
    const before = await latest();
    const page = await qaPage(false);
    await page.goto(`${stack.portalUrl}/templates/${FORM}`);
    await page.getByRole('link', { name: 'Edit translations: Polish' }).click();
    await page.waitForURL(/\/translate\?lang=pl$/);
    expect(await page.title()).toBe(`Polish text of ${before.name} – Templates – Waypoint`);

    const feelSafe = field(page, `${FEEL_SAFE} in Polish`);
    expect(await feelSafe.inputValue()).toBe(before.sections[0]!.questions[0]!.translations!.pl!.label);
    expect(await feelSafe.getAttribute('lang')).toBe('pl');
    // The English sits beside the box and is read with it.
    const english = page.locator(`#${await feelSafe.getAttribute('aria-describedby')}`);
    expect(await english.innerText()).toBe('I feel safe');

    await feelSafe.fill(POLISH_FEEL_SAFE);
    await field(page, 'Name in Polish').fill(POLISH_NAME);
    // Left empty, the hint falls back to English.
    await field(page, 'Hint for question 1 in section 1 in Polish').fill('');
    await page.getByRole('button', { name: `Publish version ${before.version + 1} with this Polish text` }).click();
    await page.waitForURL(new RegExp(`/translate\\?lang=pl&published=${before.version + 1}$`));
    expect(await page.getByText(`Version ${before.version + 1} published with this Polish text.`).count()).toBe(1);
    expect(await field(page, `${FEEL_SAFE} in Polish`).inputValue()).toBe(POLISH_FEEL_SAFE);

    const after = await latest();
    expect(after.version).toBe(before.version + 1);
    expect(after.translations!.pl).toEqual({ name: POLISH_NAME, description: before.translations!.pl!.description });
    expect(after.sections[0]!.questions[0]!.translations!.pl).toEqual({ label: POLISH_FEEL_SAFE });
    expect(after.sections[0]!.questions[0]!.translations!.ur).toEqual(before.sections[0]!.questions[0]!.translations!.ur);
    expect(after.sections[0]!.questions[0]!.hint).toBe(before.sections[0]!.questions[0]!.hint);
    expect(after.name).toBe(before.name);
  });

  it('changes the Urdu text in boxes written right to left, keeping the new Polish', async () => {
    const before = await latest();
    const page = await qaPage(false);
    await page.goto(translatePage('ur'));
    const title = field(page, 'Title of section 1 in Urdu');
    expect([await title.getAttribute('lang'), await title.getAttribute('dir')]).toEqual(['ur', 'rtl']);
    await title.fill(URDU_TITLE);
    await page.getByRole('button', { name: `Publish version ${before.version + 1} with this Urdu text` }).click();
    await page.waitForURL(new RegExp(`published=${before.version + 1}$`));

    const after = await latest();
    expect(after.sections[0]!.translations).toEqual({ ...before.sections[0]!.translations, ur: { title: URDU_TITLE } });
    expect(after.sections[0]!.questions[0]!.translations!.pl).toEqual({ label: POLISH_FEEL_SAFE });
  });

  it('shows a Polish family the new words once a new activity pins the version', async () => {
    const activity = await stack.api(QA, '/v1/engagement/activities', {
      method: 'POST',
      body: JSON.stringify({ type: 'survey', title: 'Parents’ survey in translation', audience: 'parents-carers', templateId: FORM, opensOn: londonToday() }),
    });
    expect(activity.status).toBe(201);
    const { id } = (await activity.json()) as { id: string };
    const issued = await stack.api(QA, `/v1/engagement/activities/${id}/codes`, { method: 'POST', body: JSON.stringify({ kind: 'single-use', expiresOn: londonToday() }) });
    expect(issued.status).toBe(201);
    const { code } = (await issued.json()) as { code: string };

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=pl`);
      await page.getByLabel('Twój kod', { exact: true }).fill(code);
      await page.getByRole('button', { name: 'Zacznij', exact: true }).click();
      await page.waitForURL(/\/answer$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(POLISH_NAME);
      await page.getByRole('link', { name: 'Zacznij', exact: true }).click();
      await page.waitForURL(/\/answer\/1$/);
      expect(await page.getByRole('group', { name: POLISH_FEEL_SAFE }).count()).toBe(1);
      // The Polish hint was cleared, so the English one shows.
      expect(await page.getByText('At home and in your daily life.').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe('the translation page', () => {
  it.each([
    ['on', true, 'ur'],
    ['off', false, 'pl'],
  ] as const)('passes axe with JavaScript %s, and with its error summary showing', async (_, javaScript, lang) => {
    const page = await qaPage(javaScript);
    const axe = () => (javaScript ? expectNoAxeViolations(page) : expectNoAxeViolationsInHtmlOf(page));
    await page.goto(translatePage(lang));
    await axe();
    const name = lang === 'ur' ? 'Urdu' : 'Polish';
    await field(page, `Option 1 of question 1 in section 1 in ${name}`).fill('x'.repeat(201));
    await page.getByRole('button', { name: new RegExp(`with this ${name} text$`) }).click();
    await errorSummary(page).waitFor();
    const link = errorSummary(page).getByRole('link', { name: `Option 1 of question 1 in section 1 in ${name} must be 200 characters or fewer` });
    expect(await link.count()).toBe(1);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await field(page, `Option 1 of question 1 in section 1 in ${name}`).inputValue()).toBe('x'.repeat(201));
    await axe();
    await page.goto(`${stack.portalUrl}/templates/${FORM}/translate`);
    await axe();
  });

  it('keeps what was typed when someone published while it was open, and saves after their version', async () => {
    const page = await qaPage(false);
    await page.goto(translatePage('pl'));
    const started = await latest();

    // Someone else publishes a version meanwhile, through the API.
    const { templateId: _id, kind: _kind, version: _v, publishedAt: _at, publishedBy: _by, ...content } = started;
    const other = await stack.api(QA, `/v1/templates/${FORM}/versions`, { method: 'POST', headers: { 'if-match': `"${started.version}"` }, body: JSON.stringify({ ...content, description: `${content.description} Updated.` }) });
    expect(other.status).toBe(201);

    const typed = 'Nasz pracownik nas słucha, zawsze';
    await field(page, 'Wording of question 1 in section 2 in Polish').fill(typed);
    await page.getByRole('button', { name: `Publish version ${started.version + 1} with this Polish text` }).click();
    await errorSummary(page).waitFor();
    expect(await errorSummary(page).innerText()).toContain(`Version ${started.version + 1} was published while you were working on this.`);
    expect(await field(page, 'Wording of question 1 in section 2 in Polish').inputValue()).toBe(typed);
    expect((await latest()).version).toBe(started.version + 1);
    // The newer version's English is shown now, and saving again publishes after it.
    expect(await page.getByText(`${content.description} Updated.`).count()).toBe(1);
    await page.getByRole('button', { name: `Publish version ${started.version + 2} with this Polish text` }).click();
    await page.waitForURL(new RegExp(`published=${started.version + 2}$`));
    const after = await latest();
    expect(after.description).toBe(`${content.description} Updated.`);
    expect(after.sections[1]!.questions[0]!.translations!.pl!.label).toBe(typed);
  });

  it('is not open to a practitioner', async () => {
    const page = await signedIn.pageAs('practitioner@northvale.example', { javaScriptEnabled: false });
    const response = await page.goto(translatePage('pl'));
    expect(response?.status()).toBe(403);
    expect(await page.locator('textarea, input[type=text]').count()).toBe(0);
  });
});
