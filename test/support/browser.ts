/**
 * Browser-test helpers: Debian's chromium through playwright-core, axe-core checks that
 * fail with a readable list, and sign-in through the local provider's own page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { currentCode } from '@waypoint/functions/local/identity/one-time-codes';
import { STEP_FIELD } from '@waypoint/functions/local/identity/one-time-code-pages';
import { rememberEnrolledSecret, totpSecretFor } from '@waypoint/functions/local/identity/sign-in-flow';

export { DEMO_PASSWORD };

/**
 * Debian's chromium-headless-shell: the same chromium, built without the browser's own interface
 * (windows, tabs, the address bar, profiles). It opens a context in about a third of the CPU new
 * headless chromium takes, and loads a page in about half (README, "The test suite").
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium-headless-shell';

/**
 * Chromium features the suites turn off, for when `CHROMIUM_PATH` names the full chromium (the
 * headless shell has no address bar): each one a renderer process that new headless chromium
 * starts for every page in a new context besides the page's own: the address bar's pop-ups
 * (WebUIOmniboxPopup and its full and AI-mode variants, drawn by web pages of chromium's own UI
 * even with no window to show them) and a spare renderer kept warm for the next site. The tests
 * open a page in a fresh context hundreds of times a run, so this took each new page from three
 * renderers to one. Chromium keeps only the last --disable-features it is given, so the list
 * starts with the features playwright-core (1.65) turns off itself in chromium.
 */
const DISABLED_FEATURES = [
  ...[
    'AvoidUnnecessaryBeforeUnloadCheckSync',
    'DestroyProfileOnBrowserClose',
    'HttpsUpgrades',
    'HttpsFirstBalancedModeAutoEnable',
    'LensOverlay',
    'MediaRouter',
    'PaintHolding',
    'ThirdPartyStoragePartitioning',
    'AvoidCorsURLLoaderRestartOnRedirect',
    'TcpPortRandomizationWin',
    'OptimizationHints',
    'NetworkTimeServiceQuerying',
    'AimEnabled',
    'PreconnectToSearch',
  ],
  ...['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup', 'SpareRendererForSitePerProcess'],
];

/**
 * `--in-process-gpu`: with the GPU off, chromium's GPU process only composites in software, and
 * running that as a thread of the browser process saves its process and the messages to it: the
 * browser project took 559 s of CPU with it against 661 s without (README).
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--in-process-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];

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

/**
 * Runs axe on the page as it is (every rule with one of AXE_TAGS) and throws a list of every
 * violation and where it is.
 *
 * axe is put into the page once per document and run there with `axe.run`; only violations are
 * gathered in detail (`resultTypes`), since a check never reads the passes. That covers the top
 * document alone, and no Waypoint page has frames, so a page that gains one fails here until
 * its frames are checked too, rather than passing with parts unchecked.
 *
 * It also refuses a page that carries a script (or a `noscript`) of its own. The portal sends
 * none, and its policy lets none run, so a page walked with JavaScript on is the page a visitor
 * without JavaScript gets: that is why most flows are walked once, with scripts on for axe.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (page.frames().length > 1) throw new Error(`${page.url()} has frames, and the axe check covers the top document only`);
  const scripts = await page.evaluate(() => [...document.querySelectorAll('script, noscript')].map((element) => element.outerHTML.slice(0, 120)));
  if (scripts.length > 0) throw new Error(`${page.url()} carries script of its own, and every page must work as sent without JavaScript:\n${scripts.join('\n')}`);
  const violations = await runAxeInPage(page);
  if (violations.length === 0) return;
  const lines = violations.flatMap((v) => [`- ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}`, ...v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)]);
  throw new Error(`axe found ${violations.length} violation(s) on ${page.url()} ("${await page.title()}"):\n${lines.join('\n')}`);
}

type AxeWindow = typeof globalThis & { axe?: typeof axe };

/**
 * axe-core's own minified build (650 KB), the same code as the 1.4 MB `axe.source`: every
 * document checked is a new one to parse it into, and a new context a new renderer to compile it in.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function runAxeInPage(page: Page): Promise<AxeResults['violations']> {
  if (!(await page.evaluate(() => typeof (window as AxeWindow).axe?.run === 'function'))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate((tags) => (window as AxeWindow).axe!.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
  return results.violations;
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
 * Sign-ins a worker keeps for the files after the one that made them (on the same shared stack):
 * the provider's pages, the password and the code cost a file more than most of its checks. The
 * portal's session is a sealed cookie holding the tokens, so nothing about it lives in the data
 * each file puts back. What the tokens say of a person (who, which authority, what name and role)
 * comes from their sign-in account as it stood then; so a sign-in is handed on only while that
 * account is exactly as it was when they signed in, which is never the case for one made after a
 * file changed it (the next file starts from the demo data again). Tokens last an hour; a sign-in
 * is handed on for a third of that, so it never expires in a slow file's hands.
 */
const workerSignIns = new Map<string, { state: StorageState; account: string; signedInAt: number }>();
const HAND_ON_FOR_MS = 20 * 60_000;

/**
 * Signs each email in once and hands out its cookies, so tests can open signed-in
 * contexts without repeating the provider round trip. With `accountOf` (the sign-in account as
 * stored now, from a stack shared with other files) it reuses what the worker kept, as above.
 */
export function signInCache(testBrowser: TestBrowser, portalUrl: string, options: { accountOf?: (email: string) => Promise<string | undefined> } = {}) {
  const states = new Map<string, Promise<StorageState>>();
  const opened: BrowserContext[] = [];
  const { accountOf } = options;
  const signInFresh = async (email: string): Promise<StorageState> => {
    const context = await testBrowser.newContext();
    try {
      const page = await context.newPage();
      await signIn(page, email, { portalUrl });
      return await context.storageState();
    } finally {
      await context.close();
    }
  };
  const signInOrReuse = async (email: string): Promise<StorageState> => {
    if (!accountOf) return signInFresh(email);
    const key = `${portalUrl} ${email}`;
    const before = await accountOf(email);
    const kept = workerSignIns.get(key);
    if (kept && before !== undefined && kept.account === before && Date.now() - kept.signedInAt < HAND_ON_FOR_MS) return kept.state;
    const signedInAt = Date.now();
    const state = await signInFresh(email);
    // Kept only when the account stayed as it was throughout, so the tokens say what it says.
    if (before !== undefined && (await accountOf(email)) === before) workerSignIns.set(key, { state, account: before, signedInAt });
    return state;
  };
  const stateFor = (email: string): Promise<StorageState> => {
    let state = states.get(email);
    if (!state) {
      state = signInOrReuse(email);
      state.catch(() => states.delete(email));
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
