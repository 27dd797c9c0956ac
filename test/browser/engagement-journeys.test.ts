/**
 * A complete response for each age band in the public area, as children and families
 * would give one: by keyboard alone (ages 4 to 7, with faces), with JavaScript off on a
 * 320 px phone (8 to 10, changing an answer and posting Send twice), in Welsh through the
 * public link (11 to 18), in Welsh from a link with JavaScript off (care leavers), and
 * skipping every question (parents and carers). Each is stored once.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formAges4To7, formAges8To10 } from '@waypoint/shared/engagement/forms/children-forms';
import { formParentsCarers } from '@waypoint/shared/engagement/forms/parents-carers-form';
import { formAges11To18, formCareLeavers } from '@waypoint/shared/engagement/forms/young-people-forms';
import { answerEveryPage, expectNoSidewaysScroll, htmlLang, phoneContext, questionsOf, startWithCode, tabTo } from './engagement-steps.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';

useBrowserStack();

/** Responses sent for a demo activity, as the QA officer's API reads them. */
async function sentFor(audience: string): Promise<number> {
  const response = await stack.api('qa@northvale.example', `/v1/engagement/activities/nv-engage-${audience}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { counts: { submitted: number } }).counts.submitted;
}

async function expectThanks(page: Page, lang: 'en' | 'cy'): Promise<void> {
  await page.waitForURL(/\/thank-you$/);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(lang === 'cy' ? 'Diolch' : 'Thank you');
  expect(await htmlLang(page)).toBe(lang);
}

describe('a complete response for each age band', () => {
  it('ages 4 to 7: by Tab and Space alone (each answer its own Tab stop, no arrow keys), with faces and their words, one question a page', async () => {
    const before = await sentFor('ages-4-7');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=en`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await tabTo(page, page.getByLabel('Your code'));
    await page.keyboard.type('nv47 says');
    await tabTo(page, page.getByRole('button', { name: 'Start', exact: true }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/answer$/);
    expect(await page.locator('main').innerText()).toContain('A grown-up can read the questions out and help you answer.');
    await tabTo(page, page.getByRole('link', { name: 'Start' }));
    await page.keyboard.press('Enter');

    // Each answer is its own Tab stop, chosen with Space, which saves it and goes on: no arrow keys.
    const chosen: Record<string, string> = { feelSafe: 'yes', workerListens: 'partly', workerHelps: 'yes' };
    for (const [n, { question }] of questionsOf(formAges4To7).entries()) {
      await page.waitForURL(new RegExp(`/answer/${n + 1}$`));
      expect(await page.locator('.progress').innerText()).toBe(`Question ${n + 1} of 5`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(question.label);
      if (question.type === 'choice') {
        expect(await page.locator('svg.face').count()).toBe(3);
        const answers = page.getByRole('group', { name: question.label }).getByRole('button');
        expect(await answers.allInnerTexts()).toEqual(question.options!.map((o) => o.label));
        // Tab alone walks through every answer in order.
        for (let i = 0; i < question.options!.length; i++) await tabTo(page, answers.nth(i), 1 + (i === 0 ? 40 : 0));
        await tabTo(page, page.locator(`button[value="${chosen[question.id]}"]`));
        await page.keyboard.press('Space');
      } else {
        await tabTo(page, page.getByLabel(question.label));
        await page.keyboard.type(question.id === 'whatIsGood' ? 'Going to the park with my worker' : 'More visits');
        await tabTo(page, page.getByRole('button', { name: 'Next' }));
        await page.keyboard.press('Enter');
      }
    }
    await page.waitForURL(/\/answer\/check$/);
    const answers = await page.locator('.summary-list').innerText();
    expect(answers).toContain('Sometimes');
    expect(answers).toContain('Going to the park with my worker');
    await tabTo(page, page.getByRole('button', { name: 'Send my answers' }));
    await page.keyboard.press('Enter');
    await expectThanks(page, 'en');
    expect(await sentFor('ages-4-7')).toBe(before + 1);
    await context.close();
  });

  it('ages 8 to 10: with JavaScript off at 320 px, going Back, changing an answer from the check page, and sending once when posted twice', async () => {
    const before = await sentFor('ages-8-10');
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await startWithCode(page, { portalUrl: stack.portalUrl!, slug: 'northvale', code: 'NV8T-SAYS', lang: 'en' });
    expect(await page.locator('script').count()).toBe(0);
    await page.getByRole('link', { name: 'Start' }).click();
    await page.getByRole('group', { name: 'I feel safe' }).getByRole('button', { name: 'Yes', exact: true }).click();
    await page.waitForURL(/\/answer\/2$/);
    await expectNoSidewaysScroll(page);
    // Back is a link to the page before, which shows the saved answer.
    await page.getByRole('link', { name: 'Back' }).click();
    await page.waitForURL(/\/answer\/1$/);
    expect(await page.getByRole('button', { name: 'Yes (your answer)', exact: true }).count()).toBe(1);

    // The saved "Yes" stays chosen; understanding the plan is skipped for now.
    await answerEveryPage(page, {
      form: formAges8To10,
      pageBy: 'question',
      lang: 'en',
      pick: (q) => (q.id === 'feelSafe' || q.id === 'understandPlan' ? undefined : q.type === 'choice' ? 'yes' : q.id === 'whatIsGood' ? 'My worker listens' : undefined),
      onPage: expectNoSidewaysScroll,
    });
    const check = page.locator('.summary-list');
    expect(await check.innerText()).toContain('Not answered');
    await page.getByRole('link', { name: /^Change\s+I understand my plan$/ }).click();
    await page.getByRole('button', { name: 'A bit', exact: true }).click();
    await page.waitForURL(/\/answer\/check$/);
    expect(await check.innerText()).toContain('A bit');
    await expectNoSidewaysScroll(page);

    // The same form posted twice (a double tap): one response is stored.
    const checkUrl = page.url();
    const again = page.request.post(checkUrl, { form: { website: '' }, headers: { origin: stack.portalUrl!, accept: 'text/html' }, maxRedirects: 0 });
    await Promise.all([again, page.getByRole('button', { name: 'Send my answers' }).click()]);
    await expectThanks(page, 'en');
    expect(await sentFor('ages-8-10')).toBe(before + 1);
    await context.close();
  });

  it('ages 11 to 18: in Welsh through the public link on the authority’s page, a section a page', async () => {
    const before = await sentFor('ages-11-18');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=cy`);
    expect(await htmlLang(page)).toBe('cy');
    await page.getByRole('button', { name: /Dy ddweud am y gwasanaethau plant \(11 i 18 oed\)/ }).click();
    await page.waitForURL(/\/answer$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Dweud dy ddweud (11 i 18 oed)');
    await page.getByRole('link', { name: 'Dechrau' }).click();
    await answerEveryPage(page, {
      form: formAges11To18,
      pageBy: 'section',
      lang: 'cy',
      pick: (q) => (q.type === 'choice' ? (q.id === 'feelSafe' ? 'yes' : 'partly') : q.id === 'whatIsGood' ? 'Mae fy ngweithiwr yn gwrando.' : undefined),
      onPage: async (p) => {
        expect(await htmlLang(p)).toBe('cy');
        expect(await p.locator('.progress').innerText()).toMatch(/^Tudalen \d o 4$/);
      },
    });
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Gwiria dy atebion');
    expect(await page.locator('.summary-list').innerText()).toContain('Mae fy ngweithiwr yn gwrando.');
    await page.getByRole('button', { name: 'Anfon fy atebion' }).click();
    await expectThanks(page, 'cy');
    expect(await page.locator('main').innerText()).toContain('Mae dy atebion wedi’u hanfon.');
    expect(await sentFor('ages-11-18')).toBe(before + 1);
    await context.close();
  });

  it('care leavers: from a Welsh link with JavaScript off, spoken to as an adult', async () => {
    const before = await sentFor('care-leavers');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.portalUrl}/have-your-say/northvale/start?code=NVCR-SAYS&lang=cy`);
    await page.waitForURL(/\/answer$/);
    expect(await htmlLang(page)).toBe('cy');
    expect(await page.locator('main').innerText()).toContain('Gallwch chi neidio dros unrhyw gwestiwn');
    await page.getByRole('link', { name: 'Dechrau' }).click();
    await answerEveryPage(page, {
      form: formCareLeavers,
      pageBy: 'section',
      lang: 'cy',
      pick: (q) => (q.type === 'choice' ? (q.id === 'knowSupport' ? 'dont-know' : 'yes') : q.id === 'couldBeBetter' ? 'Mwy o help gyda rhent.' : undefined),
    });
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Gwiriwch eich atebion');
    expect(await page.locator('.summary-list').innerText()).toContain('Dydw i ddim yn gwybod');
    await page.getByRole('button', { name: 'Anfon fy atebion' }).click();
    await expectThanks(page, 'cy');
    expect(await sentFor('care-leavers')).toBe(before + 1);
    await context.close();
  });

  it('parents and carers: skipping every question still sends, with each shown as not answered', async () => {
    const before = await sentFor('parents-carers');
    const context = await browser.newContext();
    const page = await context.newPage();
    await startWithCode(page, { portalUrl: stack.portalUrl!, slug: 'northvale', code: 'nvpcsays', lang: 'en' });
    await page.getByRole('link', { name: 'Start' }).click();
    await answerEveryPage(page, { form: formParentsCarers, pageBy: 'section', lang: 'en', pick: (q) => (q.id === 'feelSafe' ? 'rather-not-say' : undefined) });
    const rows = await page.locator('.summary-list__row').allInnerTexts();
    expect(rows).toHaveLength(questionsOf(formParentsCarers).length);
    expect(rows[0]).toContain('I’d rather not say');
    expect(rows.filter((r) => r.includes('Not answered'))).toHaveLength(rows.length - 1);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expectThanks(page, 'en');
    expect(await sentFor('parents-carers')).toBe(before + 1);
    await context.close();
  });
});
