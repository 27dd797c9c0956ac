/**
 * Browser-test helpers: Debian's chromium through playwright-core, axe-core checks that
 * fail with a readable list, and sign-in through the local provider's own page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { currentCode } from '@waypoint/functions/local/identity/one-time-codes';
import { STEP_FIELD } from '@waypoint/functions/local/identity/one-time-code-pages';
import { rememberEnrolledSecret, totpSecretFor } from '@waypoint/functions/local/identity/sign-in-flow';

export { DEMO_PASSWORD };

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface TestBrowser {
  browser: Browser;
  /** A fresh context; axe needs pages from `newContext()`, never `browser.newPage()`. */
  newContext(options?: { javaScriptEnabled?: boolean; storageState?: StorageState }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** A stuck step fails well before a hang would, with playwright's account of what it waited for; generous, since a busy machine is slow, not stuck. */
const STEP_TIMEOUT_MS = 60_000;

/**
 * A browser of the caller's own. Playwright gives every launch a fresh temporary
 * --user-data-dir of its own (and removes it on close); it refuses one passed in args,
 * and a persistent context could not make the separate contexts axe needs.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  return testBrowser(await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }), { closeBrowser: true });
}

let workerChromium: Promise<Browser> | undefined;

/**
 * The worker's one chromium, launched by the first file that asks and kept for the files after
 * it (playwright closes it when the worker exits). Contexts keep files apart: each caller gets
 * its own, and `close()` closes those it opened, not the browser.
 */
export async function sharedBrowser(): Promise<TestBrowser> {
  const running = await workerChromium?.catch(() => undefined);
  if (running?.isConnected()) return testBrowser(running, { closeBrowser: false });
  workerChromium = chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return testBrowser(await workerChromium, { closeBrowser: false });
}

function testBrowser(browser: Browser, options: { closeBrowser: boolean }): TestBrowser {
  const opened: BrowserContext[] = [];
  return {
    browser,
    newContext: async (contextOptions = {}) => {
      const context = await browser.newContext({ javaScriptEnabled: contextOptions.javaScriptEnabled ?? true, storageState: contextOptions.storageState, locale: 'en-GB' });
      context.setDefaultTimeout(STEP_TIMEOUT_MS);
      opened.push(context);
      return context;
    },
    close: async () => {
      await Promise.all(opened.splice(0).map((c) => c.close().catch(() => undefined)));
      if (options.closeBrowser) await browser.close().catch(() => undefined);
    },
  };
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe on the page as it is and throws a list of every violation and where it is. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.flatMap((v) => [`- ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}`, ...v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)]);
  throw new Error(`axe found ${results.violations.length} violation(s) on ${page.url()} ("${await page.title()}"):\n${lines.join('\n')}`);
}

/**
 * Signs in from the portal's sign-in page through the provider's form, and waits until
 * the browser is back on the portal.
 */
export async function signIn(page: Page, email: string, options: { portalUrl: string; password?: string; returnTo?: string }): Promise<void> {
  const portal = new URL(options.portalUrl);
  const returnTo = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : '';
  await page.goto(`${options.portalUrl}/signin${returnTo}`);
  await continueWithEmail(page, email);
  await fillProviderSignIn(page, email, options.password ?? DEMO_PASSWORD);
  await page.waitForURL((url) => url.origin === portal.origin && !url.pathname.startsWith('/auth/'));
}

/** The portal's email-first step: the address decides whether the council's own sign-in or the password page comes next. */
export async function continueWithEmail(page: Page, email: string): Promise<void> {
  await page.getByLabel('Work email address').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/**
 * Fills in and submits the provider's form (labels "Email address" and "Password"), then, when
 * the password was right, the code from the person's authenticator app: set up on the spot for
 * someone new (from the key the page shows, as a person would type it into an app), else the one
 * they set up before or the demo app's. A council's own sign-in page never asks for one.
 */
export async function fillProviderSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/interaction/'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  // A wrong password is a 400 and a council's page answers with a redirect: only the code page is a 200.
  if ((await posted).status() === 200) await enterSignInCode(page, email);
}

/** The second step of a password sign-in: the code from the app, setting the app up first if asked. */
export async function enterSignInCode(page: Page, email: string, options: { code?: string } = {}): Promise<void> {
  const step = await page.locator(`input[name="${STEP_FIELD}"]`).getAttribute('value');
  let secret = totpSecretFor(email);
  if (step === 'enrol') {
    secret = (await page.locator('#totp-secret').innerText()).replace(/\s/g, '');
    rememberEnrolledSecret(email, secret);
  }
  await page.getByLabel('Code', { exact: true }).fill(options.code ?? (await currentCode(secret)));
  await page.getByRole('button', { name: step === 'enrol' ? 'Finish setting up' : 'Continue' }).click();
}

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
export type SignInCache = ReturnType<typeof signInCache>;

/**
 * Signs each email in once and hands out its cookies, so tests can open signed-in
 * contexts without repeating the provider round trip.
 */
export function signInCache(testBrowser: TestBrowser, portalUrl: string) {
  const states = new Map<string, Promise<StorageState>>();
  const opened: BrowserContext[] = [];
  const stateFor = (email: string): Promise<StorageState> => {
    let state = states.get(email);
    if (!state) {
      state = (async () => {
        const context = await testBrowser.newContext();
        try {
          const page = await context.newPage();
          await signIn(page, email, { portalUrl });
          return await context.storageState();
        } finally {
          await context.close();
        }
      })();
      states.set(email, state);
    }
    return state;
  };
  return {
    stateFor,
    /** A new page whose context is signed in as `email`. */
    async pageAs(email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
      const context = await testBrowser.newContext({ ...options, storageState: await stateFor(email) });
      opened.push(context);
      return context.newPage();
    },
    /** Closes every context `pageAs` opened. */
    async closeAll(): Promise<void> {
      await Promise.all(opened.splice(0).map((c) => c.close().catch(() => undefined)));
    },
  };
}
