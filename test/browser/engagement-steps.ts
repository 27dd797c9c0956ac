/**
 * Steps the engagement browser tests share: starting with a code, answering a built-in
 * form page by page in either language (its words taken from the form itself), moving by
 * keyboard alone, and checking a page reflows at 320 px.
 */
import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Question, TemplateDefinition } from '@waypoint/shared/templates/template-schemas';
import type { TestBrowser } from '../support/browser.ts';

export type Lang = 'en' | 'cy';

/** A question's or option's words in the language asked for, from the form definition. */
export function wordsOf(node: { label: string; translations?: { cy?: { label?: string } } }, lang: Lang): string {
  return lang === 'cy' ? (node.translations?.cy?.label ?? node.label) : node.label;
}

export function questionsOf(form: TemplateDefinition): { sectionId: string; question: Question }[] {
  return form.sections.flatMap((s) => s.questions.map((question) => ({ sectionId: s.id, question })));
}

/** What to answer: an option value for a choice, words for free text, or nothing to skip it. */
export type Pick = (question: Question, sectionId: string) => string | undefined;

/**
 * Answers one question. On a page of one question an answer is a button that saves it and
 * goes on (true is returned: the page has been sent); otherwise a radio or a text box is filled.
 */
export async function fillQuestion(page: Page, question: Question, lang: Lang, answer: string | undefined, pageBy: 'question' | 'section' = 'section'): Promise<boolean> {
  if (answer === undefined) return false;
  if (question.type === 'choice') {
    const option = question.options!.find((o) => o.value === answer)!;
    const group = page.getByRole('group', { name: wordsOf(question, lang) });
    if (pageBy === 'question') {
      const button = group.locator(`button[value="${option.value}"]`);
      expect(await button.innerText()).toContain(wordsOf(option, lang));
      await button.click();
      return true;
    }
    await group.getByLabel(wordsOf(option, lang), { exact: true }).check();
  } else {
    await page.getByLabel(wordsOf(question, lang), { exact: true }).fill(answer);
  }
  return false;
}

export const NEXT: Record<Lang, string> = { en: 'Next', cy: 'Nesaf' };

/** Opens an authority's page in a language, types the code and starts; lands on the form's first page. */
export async function startWithCode(page: Page, options: { portalUrl: string; slug: string; code: string; lang: Lang }): Promise<void> {
  await page.goto(`${options.portalUrl}/have-your-say/${options.slug}?lang=${options.lang}`);
  await page.getByLabel(options.lang === 'cy' ? 'Eich cod' : 'Your code').fill(options.code);
  await page.getByRole('button', { name: options.lang === 'cy' ? 'Dechrau' : 'Start', exact: true }).click();
  await page.waitForURL(/\/answer$/);
}

/** Every page of a form in order, by pointer: one question per page or a section per page. */
export async function answerEveryPage(page: Page, options: { form: TemplateDefinition; pageBy: 'question' | 'section'; lang: Lang; pick: Pick; onPage?: (page: Page) => Promise<void> }): Promise<void> {
  const groups = options.pageBy === 'question' ? questionsOf(options.form).map((q) => [q]) : options.form.sections.map((s) => s.questions.map((question) => ({ sectionId: s.id, question })));
  let n = 0;
  for (const group of groups) {
    n++;
    await page.waitForURL(new RegExp(`/answer/${n}(\\?.*)?$`));
    await options.onPage?.(page);
    let sent = false;
    for (const { sectionId, question } of group) sent = (await fillQuestion(page, question, options.lang, options.pick(question, sectionId), options.pageBy)) || sent;
    if (!sent) await page.getByRole('button', { name: NEXT[options.lang], exact: true }).click();
  }
  await page.waitForURL(/\/answer\/check$/);
}

/** Presses Tab until `target` has focus, proving it can be reached by keyboard; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Could not reach ${target.toString()} with ${max} presses of Tab`);
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** At 320 CSS pixels (what 200 % zoom leaves of a 640 px window), nothing may need scrolling sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
  expect(widths.scroll, `${page.url()} scrolls sideways at ${widths.view}px`).toBeLessThanOrEqual(widths.view);
}

/** A phone-sized context; JavaScript on unless asked otherwise. */
export async function phoneContext(testBrowser: TestBrowser, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await testBrowser.browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: options.javaScriptEnabled ?? true, locale: 'en-GB' });
  context.setDefaultTimeout(10_000);
  return context;
}
