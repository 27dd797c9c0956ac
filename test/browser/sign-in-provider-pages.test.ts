/** The local sign-in provider's own pages (sign-in, codes, errors) in chromium: without JavaScript, and 0 axe violations. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ACCOUNTS, TEST_PASSWORD, startTestIdentity, type TestIdentity } from '@waypoint/functions/local/identity/test-identity';
import { PORTAL_CLIENT_ID } from '@waypoint/functions/local/identity/waypoint-clients';
import { currentCode, DEMO_TOTP_SECRET } from '@waypoint/functions/local/identity/one-time-codes';
import { expectNoAxeViolations, sharedBrowser, type TestBrowser } from '../support/browser.ts';

let identity: TestIdentity;
let browser: TestBrowser;
let context: BrowserContext;
/** Stands in for the portal, so the provider's redirect back lands on a page. */
let portal: Server;
let portalUrl: string;

beforeAll(async () => {
  portal = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('portal'));
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  identity = await startTestIdentity({ portalUrl });
  browser = await sharedBrowser();
});

afterAll(async () => {
  await browser?.close();
  await identity?.close();
  await new Promise((resolve) => portal?.close(resolve));
});

/** The page must work without JavaScript; axe itself needs it, so only the axe checks turn it on. */
async function openSignInPage(options: { forAxe?: boolean } = {}): Promise<Page> {
  context = await browser.newContext({ javaScriptEnabled: options.forAxe === true });
  const page = await context.newPage();
  const authorize = new URL(`${identity.issuer}/auth`);
  authorize.search = new URLSearchParams({
    client_id: PORTAL_CLIENT_ID,
    response_type: 'code',
    redirect_uri: `${portalUrl}/auth/callback`,
    scope: 'openid email profile',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    state: 'browser-test',
  }).toString();
  await page.goto(authorize.href);
  return page;
}

async function enterCode(page: Page, secret: string, button: string): Promise<void> {
  await page.getByLabel('Code', { exact: true }).fill(await currentCode(secret));
  await page.getByRole('button', { name: button }).click();
}

describe('the sign-in page in a browser', () => {
  it("passes axe-core's WCAG 2.2 A and AA and best-practice rules", async () => {
    const page = await openSignInPage({ forAxe: true });
    expect(await page.title()).toBe('Sign in – Waypoint');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('starts keyboard focus on the skip link, which leads past the header to the form', async () => {
    const page = await openSignInPage();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await context.close();
  });

  it('still passes axe-core when showing the error summary after a wrong password', async () => {
    const page = await openSignInPage({ forAxe: true });
    await page.getByLabel('Email address').fill(TEST_ACCOUNTS.practitioner.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.title()).toBe('Error: Sign in – Waypoint');
    expect(await page.getByRole('alert').textContent()).toContain('Enter a correct email address and password');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('signs in with the password and the code from the app, and returns to the portal with a code', async () => {
    const page = await openSignInPage();
    await page.getByLabel('Email address').fill(TEST_ACCOUNTS.practitioner.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await enterCode(page, DEMO_TOTP_SECRET, 'Continue');
    await page.waitForURL((url) => url.href.startsWith(`${portalUrl}/auth/callback`));
    const landed = new URL(page.url());
    expect(landed.searchParams.get('code')).toBeTruthy();
    expect(landed.searchParams.get('state')).toBe('browser-test');
    await context.close();
  });
});

describe('the sign-in code pages in a browser', () => {
  it('pass axe-core when asking for a code and when refusing a wrong one, which is said at the top and at the field', async () => {
    const page = await openSignInPage({ forAxe: true });
    await page.getByLabel('Email address').fill(TEST_ACCOUNTS.leaver.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.title()).toBe('Enter your sign-in code – Waypoint');
    await expectNoAxeViolations(page);
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.title()).toBe('Error: Enter your sign-in code – Waypoint');
    expect(await page.getByRole('alert').textContent()).toContain('That code is not right');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('pass axe-core when setting up an app, with the QR code named and the key readable', async () => {
    const page = await openSignInPage({ forAxe: true });
    await page.getByLabel('Email address').fill(TEST_ACCOUNTS.newcomer.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.title()).toBe('Set up your authenticator app – Waypoint');
    expect(await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await context.close();
  });
});

describe("the provider's other pages in a browser", () => {
  async function signInWithAxeEnabled(): Promise<Page> {
    const page = await openSignInPage({ forAxe: true });
    await page.getByLabel('Email address').fill(TEST_ACCOUNTS.practitioner.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await enterCode(page, DEMO_TOTP_SECRET, 'Continue');
    await page.waitForURL((url) => url.href.startsWith(portalUrl));
    return page;
  }

  it('passes axe-core on the sign-out question', async () => {
    const page = await signInWithAxeEnabled();
    await page.goto(`${identity.issuer}/session/end`);
    expect(await page.title()).toBe('Sign out – Waypoint');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('passes axe-core on the error page', async () => {
    const page = await openSignInPage({ forAxe: true });
    await page.goto(`${identity.issuer}/auth?client_id=stranger&response_type=code`);
    expect(await page.title()).toBe('Sorry, there is a problem – Waypoint');
    await expectNoAxeViolations(page);
    await context.close();
  });
});
