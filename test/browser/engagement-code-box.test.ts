/**
 * The code box on an authority's page: a code is accepted as people type it, and anything wrong
 * with it is said beside the box on the same page, keeping what was typed, in every language.
 * Too many wrong codes lead to a kind page asking to wait. A form post the portal cannot read is
 * a 400 with the normal error page, in the public area and the staff area alike. The box is
 * walked once: the portal sends no script and its policy forbids any, and the axe check refuses
 * a page that carries one, so this walk is also the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WRONG_CODE_WINDOW_SECONDS, WRONG_CODES_PER_CLIENT, guessWindow } from '@waypoint/shared/engagement/code-guess-limits';
import type { EngagementLanguage } from '@waypoint/shared/engagement/languages';
import { clock } from '@waypoint/shared/time/clock';
import { CATALOGUES } from '../../portal/src/lib/engagement/messages/translate.ts';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { expectNoSidewaysScroll, htmlLang, phoneContext } from './engagement-steps.ts';

useBrowserStack();

const words = (lang: EngagementLanguage) => CATALOGUES[lang];

async function typeCode(page: Page, lang: EngagementLanguage, code: string): Promise<void> {
  await page.getByLabel(words(lang)['home.codeLabel'], { exact: true }).fill(code);
  await page.getByRole('button', { name: words(lang)['home.codeButton'], exact: true }).click();
}

/** The message beside the box, the box still holding what was typed, the summary linking to it. */
async function expectProblemBesideTheBox(page: Page, lang: EngagementLanguage, typed: string, message: string): Promise<void> {
  expect(new URL(page.url()).pathname).toBe('/have-your-say/northvale');
  const box = page.getByLabel(words(lang)['home.codeLabel'], { exact: true });
  expect(await box.inputValue()).toBe(typed);
  expect(await box.getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('#code-error').innerText()).toContain(message);
  expect(await page.getByRole('alert').getByRole('link', { name: message }).getAttribute('href')).toBe('#code');
}

describe('the code box', () => {
  it('says beside the box when a code of 8 letters and numbers is not found, and keeps it', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=en`);
    // No code can hold a 1 (it looks like I and L): found nowhere, but never "a code has 8 letters and numbers".
    await typeCode(page, 'en', 'ABCD-1234');
    await expectProblemBesideTheBox(page, 'en', 'ABCD-1234', words('en')['home.codeErrorUnknown']);
    expect(await page.locator('main').innerText()).not.toContain(words('en')['home.codeErrorFormat']);
    await expectNoSidewaysScroll(page);
    // A well-formed code that nobody was given: the API is asked, and the answer is the same, on the same page.
    await typeCode(page, 'en', ' zzzz zzzz ');
    await expectProblemBesideTheBox(page, 'en', ' zzzz zzzz ', words('en')['home.codeErrorUnknown']);
    await typeCode(page, 'en', 'ABCD-123');
    await expectProblemBesideTheBox(page, 'en', 'ABCD-123', words('en')['home.codeErrorFormat']);
    // Small letters, no hyphen and spaces round it are all fine.
    await typeCode(page, 'en', '  nv8tsays ');
    await page.waitForURL(/\/answer$/);
    await context.close();
  });

  /** One page for the three languages: a code that is not found opens no session, so nothing carries over but the address asked for. */
  let visitor: Promise<Page> | undefined;
  for (const lang of ['cy', 'ur', 'easy'] as const) {
    it(`speaks ${lang} beside the box, with nothing for axe to find`, async () => {
      const page = await (visitor ??= browser.newContext().then((context) => context.newPage()));
      await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=${lang}`);
      await typeCode(page, lang, 'abcd 1234');
      await expectProblemBesideTheBox(page, lang, 'abcd 1234', words(lang)['home.codeErrorUnknown']);
      expect(await htmlLang(page)).toBe(lang === 'easy' ? 'en' : lang);
      await expectNoAxeViolations(page);
    });
  }
});

describe('too many wrong codes', () => {
  it(`after ${WRONG_CODES_PER_CLIENT} wrong codes, asks kindly to wait, in every language, and the next window lets the right code in`, async () => {
    // A window of its own, so other tests' codes in this file do not count towards it.
    const start = (guessWindow(new Date()).index + 10) * WRONG_CODE_WINDOW_SECONDS * 1000;
    clock.set(new Date(start));
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=en`);
      for (let n = 0; n < WRONG_CODES_PER_CLIENT; n++) {
        await typeCode(page, 'en', `ZZZZ-ZZ${'ABCDEFGHJK'[n % 10]}${'MNPQRSTVWX'[Math.floor(n / 10)]}`);
        expect(await page.locator('#code-error').innerText()).toContain(words('en')['home.codeErrorUnknown']);
      }
      await typeCode(page, 'en', 'NV8T-SAYS');
      await page.waitForURL(/\/problem\/too-many-tries$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Let’s take a short break');
      expect(await page.locator('main').innerText()).toContain('Please wait 10 minutes, then try your code again. You have not done anything wrong.');

      // One phone reads the page in each language, asked for by its address.
      const phone = await phoneContext(browser);
      const wait = await phone.newPage();
      for (const lang of ['cy', 'ur', 'easy', 'pl'] as const) {
        await wait.goto(`${stack.portalUrl}/have-your-say/northvale/problem/too-many-tries?lang=${lang}`);
        expect(await wait.getByRole('heading', { level: 1 }).innerText()).toBe(words(lang)['problem.too-many-tries.title']);
        expect(await wait.locator('main').innerText()).toContain(words(lang)['problem.too-many-tries.text'].replace('{minutes}', '10'));
        await expectNoSidewaysScroll(wait);
        await expectNoAxeViolations(wait);
      }
      await phone.close();

      clock.set(new Date(start + WRONG_CODE_WINDOW_SECONDS * 1000));
      await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=en`);
      await typeCode(page, 'en', 'NV8T-SAYS');
      await page.waitForURL(/\/answer$/);
    } finally {
      clock.set(undefined);
      await context.close();
    }
  }, 120_000);
});

describe('a form post the portal cannot read', () => {
  /** Posts a multipart body with no boundary and with one that does not match, as a browser form would. */
  async function postUnreadable(page: Page, path: string): Promise<void> {
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=not-the-one-used']) {
      const response = await page.request.post(`${stack.portalUrl}${path}`, {
        headers: { origin: stack.portalUrl!, accept: 'text/html', 'content-type': contentType },
        data: '--another\r\nContent-Disposition: form-data; name="code"\r\n\r\nNV8T-SAYS\r\n--another--\r\n',
        maxRedirects: 0,
      });
      expect(response.status(), `${path} with ${contentType}`).toBe(400);
      expect(response.headers()['content-type']).toContain('text/html');
      expect(await response.text(), path).toMatch(/<h1[^>]*>(Sorry, something went wrong|Sorry, there is a problem with the service)<\/h1>/);
    }
  }

  it('is a 400 with the normal error page on public form actions', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await postUnreadable(page, '/have-your-say/northvale?/code');
    await postUnreadable(page, '/have-your-say/northvale?/open');
    // Inside a response: its pages and the check page.
    await page.goto(`${stack.portalUrl}/have-your-say/northvale/start?code=NVPC-SAYS`);
    await page.waitForURL(/\/answer$/);
    await postUnreadable(page, '/have-your-say/northvale/answer/1');
    await postUnreadable(page, '/have-your-say/northvale/answer/check');
    await context.close();
  });

  it('is a 400 with the normal error page on staff form actions', async () => {
    const admin = await signedIn.pageAs('admin@northvale.example');
    await postUnreadable(admin, '/settings');
    const qa = await signedIn.pageAs('qa@northvale.example');
    await postUnreadable(qa, '/engagement/new');
    await postUnreadable(qa, '/cases/NV-00001');
  });
});
