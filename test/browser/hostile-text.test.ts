/**
 * A "You said, we did" entry written with right-to-left overrides, embeddings and isolates
 * shows on the public page in the order it was written, and nothing around it moves: every
 * line of the page still reads from left to right.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { expectJson, jsonInit, nv } from '../api/api-client.ts';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';

useBrowserStack();

const HEARD = 'Buses \u202Ewere late\u202C for visits';
const DID = '\u202EWe moved family time to Saturdays';

/**
 * For each block of text on the page, whether its first word is drawn where English starts:
 * left of its last word, or at the left edge when it wraps. An override left open would draw the words after it mirrored.
 */
function readsLeftToRight(page: Page, selector: string): Promise<{ text: string; leftToRight: boolean }[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (node.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT) });
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const rectOf = (node: Text, from: number, to: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range.getBoundingClientRect();
      };
      const first = nodes[0]!;
      const last = nodes[nodes.length - 1]!;
      const firstText = first.textContent!;
      const lastText = last.textContent!;
      const start = firstText.search(/\S/);
      const end = lastText.trimEnd().length;
      const firstWord = rectOf(first, start, start + 2);
      const lastWord = rectOf(last, end - 2, end);
      // On one line the first word is left of the last; over several, it starts at the left edge.
      const sameLine = Math.abs(firstWord.top - lastWord.top) < 4;
      const leftToRight = sameLine ? firstWord.left < lastWord.left : firstWord.left - element.getBoundingClientRect().left < 8;
      return { text: element.textContent!.trim(), leftToRight };
    }),
  );
}

it('a "You said, we did" entry with a right-to-left override does not reorder the page around it', async () => {
  await expectJson(await stack.api(nv('qa'), '/v1/engagement/you-said-we-did', jsonInit('POST', { heard: HEARD, did: DID, doneOn: londonDate(new Date()) })), 201);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  try {
    await page.goto(`${stack.portalUrl}/have-your-say/northvale/you-said-we-did`);
    await expect(page.locator('article.yswd').filter({ hasText: 'for visits' }).count()).resolves.toBe(1);
    const lines = await readsLeftToRight(page, 'main h1, main p, main h2');
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(line.leftToRight, line.text).toBe(true);
    expect(lines.map((l) => l.text)).toEqual(expect.arrayContaining(['Buses were late for visits', 'We moved family time to Saturdays']));
    expect(await page.content()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    await expectNoAxeViolations(page);
  } finally {
    await context.close();
  }
});
