/**
 * A have-your-say visitor who asks for pages faster than the area allows (a 429 from the API's
 * per-visitor limit) gets the area's own page asking them to wait: in their language, saying
 * for how long from the API's Retry-After, with a way to try again, and the same Retry-After on
 * the page itself. On a stack of this file's own with a tiny per-visitor limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { expectNoAxeViolations, sharedBrowser, type TestBrowser } from '../support/browser.ts';
import { startStack, type TestStack } from '../support/stack.ts';
import { phoneContext } from './engagement-steps.ts';

let stack: TestStack;
let browser: TestBrowser;
const ROOMY = { perSecond: 100_000, burst: 1_000_000 };

beforeAll(async () => {
  // Three pages at once, then one every 250 seconds: the fourth page asks the visitor to wait about 5 minutes.
  [stack, browser] = await Promise.all([startStack({ own: true, portal: true, limits: { staff: ROOMY, publicClient: { perSecond: 0.004, burst: 3 }, publicSession: ROOMY } }), sharedBrowser()]);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Opens the area's first page until the limit answers; at most a few more times than the burst. */
async function throttled(page: Page, lang: string): Promise<Response> {
  for (let n = 0; n < 12; n++) {
    const response = await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=${lang}`);
    if (response?.status() === 429) return response;
  }
  throw new Error('the area never asked to wait');
}

describe('a visitor asked to wait', () => {
  it('is told kindly in Welsh, with JavaScript off, how long to wait and how to try again', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await throttled(page, 'cy');
    const retryAfter = Number(response.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(60);
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Arhoswch eiliad');
    const main = await page.locator('main').innerText();
    expect(main).toContain(`Arhoswch ${Math.ceil(retryAfter / 60)} munud, yna rhowch gynnig arall arni.`);
    expect(main).toContain('Dydych chi ddim wedi gwneud dim byd o’i le');
    expect(main).not.toMatch(/something went wrong|aeth rhywbeth o’i le/i);
    await expect(page.getByRole('link', { name: 'Rhowch gynnig arall arni' }).getAttribute('href')).resolves.toBe('/have-your-say/northvale?lang=cy');
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).resolves.toBe(true);
    await context.close();
  });

  it('is told in English with the same wording rules, and the page passes axe', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const response = await throttled(page, 'en');
    const minutes = Math.ceil(Number(response.headers()['retry-after']) / 60);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Please wait a moment');
    await expect(page.locator('main').innerText()).resolves.toContain(`Please wait ${minutes} minutes, then try again.`);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
