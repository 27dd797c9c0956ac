/**
 * Signed-in pages a browser-test file keeps for its tests to navigate in turn, one per person and
 * JavaScript setting, instead of each test opening a context of its own: a new context and its
 * first page cost about twice a page load in it, and a fresh renderer makes the first axe check
 * dearer too. A test that needs a fresh context (cookies of its own, signing out, someone's first
 * visit) opens one itself with `signedIn.pageAs` or `browser.newContext`. The pages are closed
 * with the file's other contexts when it ends (browser-suite.ts).
 */
import type { Page } from 'playwright-core';
import { signedIn } from './browser-suite.ts';

export type ReusedPage = (email: string, options?: { javaScriptEnabled?: boolean }) => Promise<Page>;

/** Call once at the top of a file: the pages are that file's own. */
export function reusedPages(): ReusedPage {
  const pages = new Map<string, Promise<Page>>();
  return async (email, options = {}) => {
    const javaScriptEnabled = options.javaScriptEnabled ?? true;
    const key = `${email} ${javaScriptEnabled}`;
    const kept = pages.get(key);
    const page = kept && (await kept.catch(() => undefined));
    if (page && !page.isClosed()) return page;
    const opened = signedIn.pageAs(email, { javaScriptEnabled });
    pages.set(key, opened);
    return opened;
  };
}
