/**
 * Every page of the public area, in English and in Welsh, on a 320 px phone: axe-core
 * finds nothing (WCAG 2.2 AA and best practice), `<html lang>` names the language, the
 * title is the page's own, nothing scrolls sideways and no script is sent. (axe needs
 * scripts on to run; the JavaScript-off journeys are in engagement-journeys.test.ts.)
 */
import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';
import { expectNoSidewaysScroll, htmlLang, NEXT, phoneContext, startWithCode, type Lang } from './engagement-steps.ts';

useBrowserStack();

const PROBLEMS = ['unknown-code', 'code-expired', 'code-revoked', 'code-used', 'activity-not-open', 'too-many-responses', 'session-expired', 'unknown-activity'];

/** Checks each page a language's reader can reach, one after another in one browser context. */
async function walkTheArea(lang: Lang): Promise<void> {
  const titles: string[] = [];
  const context: BrowserContext = await phoneContext(browser);
  const page: Page = await context.newPage();

  /** The page as it is now passes every check. */
  async function checkPage(expected: { h1?: string } = {}): Promise<void> {
    expect(await htmlLang(page), page.url()).toBe(lang);
    expect(await page.locator('script').count(), page.url()).toBe(0);
    if (expected.h1) expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(expected.h1);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    titles.push(await page.title());
  }

  async function open(path: string, expected: { h1?: string; status?: number } = {}): Promise<void> {
    const response = await page.goto(`${stack.portalUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
    expect(response?.status(), path).toBe(expected.status ?? 200);
    await checkPage(expected);
  }

  try {
    // The general page, the authority's page, a mistyped code, the privacy notice and help.
    await open('/have-your-say', { h1: lang === 'cy' ? 'Dweud eich dweud' : 'Have your say' });
    await open('/have-your-say/northvale', { h1: lang === 'cy' ? 'Dweud eich dweud' : 'Have your say' });
    await page.getByLabel(lang === 'cy' ? 'Eich cod' : 'Your code').fill('ABC');
    await page.getByRole('button', { name: lang === 'cy' ? 'Dechrau' : 'Start', exact: true }).click();
    expect(await page.getByRole('alert').innerText()).toContain(lang === 'cy' ? 'Mae cod yn cynnwys 8 o lythrennau a rhifau' : 'A code has 8 letters and numbers');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await checkPage();
    await open('/have-your-say/northvale/privacy', { h1: lang === 'cy' ? 'Sut rydyn ni’n gofalu am eich atebion' : 'How we look after your answers' });
    await open('/have-your-say/northvale/help', { h1: lang === 'cy' ? 'Mae help ar gael' : 'Help is here' });

    // Every friendly page for a refused code or an ended session, and pages that do not exist.
    for (const reason of PROBLEMS) await open(`/have-your-say/northvale/problem/${reason}`);
    const notFound = lang === 'cy' ? 'Allwn ni ddim dod o hyd i’r dudalen hon' : 'We cannot find this page';
    await open('/have-your-say/northvale/no-such-page', { status: 404, h1: notFound });
    await open('/have-your-say/no-such-authority', { status: 404, h1: notFound });

    // A response for ages 4 to 7: the start, faces, free text with a problem, help after a worry, the check and thanks.
    await startWithCode(page, { portalUrl: stack.portalUrl!, slug: 'northvale', code: 'NV47SAYS', lang });
    await checkPage();
    await open('/have-your-say/northvale/answer/2');
    await open('/have-your-say/northvale/answer/4');
    // More than the limit, as a form without maxlength could send: the error summary, in the child's words.
    await page.locator('textarea').evaluate((el) => el.removeAttribute('maxlength'));
    await page.locator('textarea').fill('a'.repeat(1001));
    await page.getByRole('button', { name: NEXT[lang] }).click();
    expect(await page.getByRole('alert').innerText()).toContain(lang === 'cy' ? 'Mae hyn yn rhy hir. Defnyddia hyd at 1000 nod.' : 'This is too long. Use up to 1000 characters.');
    expect(await page.title()).toMatch(lang === 'cy' ? /^Gwall: / : /^Error: /);
    await checkPage();
    await open('/have-your-say/northvale/privacy', { h1: lang === 'cy' ? 'Sut rydyn ni’n gofalu am dy atebion' : 'How we look after your answers' });
    await open('/have-your-say/northvale/answer/1');
    await page
      .getByRole('group')
      .getByRole('button', { name: lang === 'cy' ? 'Nac ydw' : 'No', exact: true })
      .click();
    await page.waitForURL(/\/help\?continue=2$/);
    await checkPage({ h1: lang === 'cy' ? 'Mae help ar gael' : 'Help is here' });
    // From now on every page of the response shows where to get help.
    await open('/have-your-say/northvale/answer');
    expect(await page.getByRole('complementary').innerText()).toContain('0800 1111');
    await open('/have-your-say/northvale/answer/check', { h1: lang === 'cy' ? 'Gwiria dy atebion' : 'Check your answers' });
    await page.getByRole('button', { name: lang === 'cy' ? 'Anfon fy atebion' : 'Send my answers' }).click();
    await page.waitForURL(/\/thank-you$/);
    expect(await page.locator('main').innerText()).toContain('999');
    await checkPage({ h1: lang === 'cy' ? 'Diolch' : 'Thank you' });

    // A page of a section for ages 11 to 18.
    await startWithCode(page, { portalUrl: stack.portalUrl!, slug: 'northvale', code: 'NVTN-SAYS', lang });
    await open('/have-your-say/northvale/answer/2', { h1: lang === 'cy' ? 'Fy ngweithiwr' : 'My worker' });

    // Every page has its own title; the same page seen twice (before and after an answer) may share one.
    const pages = titles.filter((t, i) => titles.indexOf(t) === i);
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(new Set(pages.map((t) => t.toLowerCase())).size).toBe(pages.length);
  } finally {
    await context.close();
  }
}

// The two languages walk at once, each in its own context, to keep the suite quick.
it.concurrent.each<Lang>(['en', 'cy'])('every page of the public area in %s', (lang) => walkTheArea(lang), 240_000);
