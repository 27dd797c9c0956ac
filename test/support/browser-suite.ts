/**
 * What a browser-test file shares: the stack with the portal, one chromium, and pages signed
 * in per user. `useBrowserStack()` at the top of the file starts them before its tests and
 * stops them after; a file's own `beforeAll` registered later runs once they are up, and its
 * own `afterAll` runs before they stop.
 *
 * The three bindings are filled in by `beforeAll`. ES modules export live bindings, so a test
 * reads the current values, and vitest gives each test file its own copy of this module.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, signInCache, type SignInCache, type TestBrowser } from './browser.ts';
import { startStack, type TestStack } from './stack.ts';

export let stack: TestStack;
export let browser: TestBrowser;
export let signedIn: SignInCache;

/** Starting the stack and the browser together takes most of this on a loaded machine. */
const START_TIMEOUT_MS = 90_000;

export function useBrowserStack(): void {
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ portal: true }), launchBrowser()]);
    signedIn = signInCache(browser, stack.portalUrl!);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await signedIn?.closeAll();
    await browser?.close();
    await stack?.stop();
  });
}
