/**
 * The public area in Urdu, Polish and easy-read English: a family answers in Urdu on a page
 * laid out right to left, every page checked by axe-core; Polish and easy-read pages pass
 * axe too; and a Polish family answers with JavaScript off.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';
import { expectNoSidewaysScroll, phoneContext } from './engagement-steps.ts';

useBrowserStack();

/** The words a test needs to find its way, per language. */
const WORDS = {
  ur: { code: 'آپ کا کوڈ', start: 'شروع کریں', next: 'آگے', send: 'میرے جوابات بھیجیں', thanks: 'شکریہ', privacy: 'ہم آپ کے جوابات کا خیال کیسے رکھتے ہیں' },
  pl: { code: 'Twój kod', start: 'Zacznij', next: 'Dalej', send: 'Wyślij moje odpowiedzi', thanks: 'Dziękujemy', privacy: 'Jak dbamy o Twoje odpowiedzi' },
  easy: { code: 'Your code', start: 'Start', next: 'Next', send: 'Send my answers', thanks: 'Thank you', privacy: 'What we do with your answers' },
} as const;
type Lang = keyof typeof WORDS;

async function html(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  return { lang: await page.locator('html').getAttribute('lang'), dir: await page.locator('html').getAttribute('dir') };
}

/** Answers every page of the form: "yes" to each choice, a few kind words in each box, then Next. */
async function answerTheForm(page: Page, lang: Lang, onPage: () => Promise<void>): Promise<void> {
  await page.getByRole('link', { name: WORDS[lang].start, exact: true }).click();
  for (let n = 1; n < 20 && !/\/answer\/check$/.test(page.url()); n++) {
    await page.waitForURL(new RegExp(`/answer/${n}(\\?.*)?$`));
    await onPage();
    for (const radio of await page.locator('input[type=radio][value="yes"]').all()) await radio.check();
    for (const box of await page.locator('textarea').all()) await box.fill(lang === 'ur' ? 'سب اچھا ہے' : 'Wszystko dobrze');
    // A page of one question answers with a button, which sends the page itself.
    const answer = page.locator('button[value="yes"]');
    if ((await answer.count()) > 0) await answer.click();
    else await page.getByRole('button', { name: WORDS[lang].next, exact: true }).click();
    await page.waitForURL(/\/answer\/(\d+|check)(\?.*)?$/);
  }
  expect(page.url()).toMatch(/\/answer\/check$/);
}

async function startWithCode(page: Page, lang: Lang, code: string): Promise<void> {
  await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=${lang}`);
  await page.getByLabel(WORDS[lang].code, { exact: true }).fill(code);
  await page.getByRole('button', { name: WORDS[lang].start, exact: true }).click();
  await page.waitForURL(/\/answer$/);
}

it('a family answers in Urdu, right to left, with axe finding nothing on any page', async () => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  const check = async () => {
    expect(await html(page), page.url()).toEqual({ lang: 'ur', dir: 'rtl' });
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  };
  try {
    await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=ur`);
    await check();
    // Mirrored: the row of languages starts at the right, and the heading sits against the right edge.
    const [first, last] = await Promise.all([page.locator('.area-languages__list li').first().boundingBox(), page.locator('.area-languages__list li').last().boundingBox()]);
    expect(first!.x).toBeGreaterThan(last!.x);
    expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page.getByLabel(WORDS.ur.code, { exact: true }).fill('NVPC-SAYS');
    await page.getByRole('button', { name: WORDS.ur.start, exact: true }).click();
    await page.waitForURL(/\/answer$/);
    // The form itself speaks Urdu too.
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('اپنی رائے دیں (والدین اور دیکھ بھال کرنے والے)');
    await check();
    await answerTheForm(page, 'ur', check);
    await check();
    await page.getByRole('button', { name: WORDS.ur.send }).click();
    await page.waitForURL(/\/thank-you$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(WORDS.ur.thanks);
    await check();
  } finally {
    await context.close();
  }
});

it.each<Lang>(['pl', 'easy'])('pages in %s pass axe, with <html lang> saying so', async (lang) => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  const check = async () => {
    expect(await html(page), page.url()).toEqual({ lang: lang === 'easy' ? 'en' : lang, dir: 'ltr' });
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  };
  try {
    for (const path of ['', '/privacy', '/help', '/problem/code-expired', '/you-said-we-did']) {
      const response = await page.goto(`${stack.portalUrl}/have-your-say/northvale${path}?lang=${lang}`);
      expect(response?.status(), path).toBe(200);
      await check();
    }
    expect(await page.goto(`${stack.portalUrl}/have-your-say/northvale/privacy?lang=${lang}`).then(() => page.locator('h1').innerText())).toBe(WORDS[lang].privacy);
    await startWithCode(page, lang, 'NV8T-SAYS');
    await check();
    await page.getByRole('link', { name: WORDS[lang].start, exact: true }).click();
    await page.waitForURL(/\/answer\/1$/);
    await check();
  } finally {
    await context.close();
  }
});

it('a Polish family answers with JavaScript off', async () => {
  const context = await phoneContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await startWithCode(page, 'pl', 'NVPC-SAYS');
    await answerTheForm(page, 'pl', async () => expect(await html(page)).toEqual({ lang: 'pl', dir: 'ltr' }));
    await page.getByRole('button', { name: WORDS.pl.send }).click();
    await page.waitForURL(/\/thank-you$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(WORDS.pl.thanks);
  } finally {
    await context.close();
  }
});
