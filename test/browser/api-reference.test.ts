/** The API reference page (`/v1/reference`) in a browser: one heading, the right title, and axe passing. */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';

useBrowserStack();

describe('the API reference page', () => {
  it('passes axe in a browser', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.apiUrl}/v1/reference`);
    expect(await page.title()).toBe('API reference – Waypoint');
    expect(await page.locator('h1').count()).toBe(1);
    await expectNoAxeViolations(page);
  });
});
