import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './cookie-jar.ts';
import { SIGN_IN_FAILED_MESSAGE } from './sign-in-page.ts';
import { TEST_ACCOUNTS, TEST_PASSWORD, startTestIdentity, type TestIdentity } from './test-identity.ts';
import { CLI_CLIENT_ID, CLI_REDIRECT_URI } from './waypoint-clients.ts';

let identity: TestIdentity;

beforeAll(async () => {
  identity = await startTestIdentity();
});

afterAll(async () => {
  await identity?.close();
});

/** Starts a sign-in as a browser would and stops on the sign-in page. */
async function openSignInPage() {
  const jar = new CookieJar();
  const authorize = new URL(`${identity.issuer}/auth`);
  authorize.search = new URLSearchParams({
    client_id: CLI_CLIENT_ID,
    response_type: 'code',
    redirect_uri: CLI_REDIRECT_URI,
    scope: 'openid',
    code_challenge: createHash('sha256').update(randomBytes(32)).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const redirect = await fetch(authorize, { redirect: 'manual' });
  jar.store(authorize.href, redirect);
  const pageUrl = new URL(redirect.headers.get('location')!, authorize).href;
  const page = await fetch(pageUrl, { headers: { cookie: jar.headerFor(pageUrl)! } });
  return { jar, pageUrl, page, html: await page.text() };
}

function postForm(options: { url: string; jar?: CookieJar; fields: Record<string, string>; origin?: string }) {
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
  const cookie = options.jar?.headerFor(options.url);
  if (cookie) headers.set('cookie', cookie);
  if (options.origin) headers.set('origin', options.origin);
  return fetch(options.url, { method: 'POST', headers, body: new URLSearchParams(options.fields), redirect: 'manual' });
}

describe('the sign-in page', () => {
  it("is Waypoint's own page with a unique title, labelled fields and the right autocomplete hints", async () => {
    const { page, html } = await openSignInPage();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Sign in – Waypoint</title>');
    expect(html).toContain('<a class="skip-link" href="#main-content">Skip to main content</a>');
    expect(html).toMatch(/<main id="main-content"[^>]*>\s*<h1>Sign in to Waypoint<\/h1>/);
    expect(html).toContain('<label for="email">Email address</label>');
    expect(html).toMatch(/<input id="email" name="email" type="email" autocomplete="username"/);
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toMatch(/<input id="password" name="password" type="password" autocomplete="current-password"/);
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });

  it('is sent with a content security policy that allows nothing but its own stylesheet', async () => {
    const { page } = await openSignInPage();
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('re-renders with an error summary and the generic message after a wrong password, keeping the email but not the password', async () => {
    const { jar, pageUrl } = await openSignInPage();
    const response = await postForm({ url: pageUrl, jar, fields: { email: TEST_ACCOUNTS.practitioner.email, password: 'wrong password' } });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('<title>Error: Sign in – Waypoint</title>');
    expect(html).toMatch(/<div class="error-summary" role="alert"[^>]*>/);
    expect(html).toContain(`<a href="#email">${SIGN_IN_FAILED_MESSAGE}</a>`);
    expect(html).toMatch(/<input id="email"[^>]*value="pat.practitioner@example.org" aria-invalid="true" aria-describedby="sign-in-error">/);
    expect(html).toMatch(/<input id="password"[^>]*aria-invalid="true" aria-describedby="sign-in-error">/);
    expect(html).not.toContain('wrong password');
  });

  it('gives an unknown email address exactly the same answer as a wrong password', async () => {
    const known = await openSignInPage();
    const unknown = await openSignInPage();
    const wrongPassword = await postForm({ url: known.pageUrl, jar: known.jar, fields: { email: 'same@example.org', password: 'x' } });
    const unknownEmail = await postForm({ url: unknown.pageUrl, jar: unknown.jar, fields: { email: 'same@example.org', password: TEST_PASSWORD } });
    const strip = (html: string) => html.replace(/\/interaction\/[A-Za-z0-9_-]+/g, '');
    expect(unknownEmail.status).toBe(wrongPassword.status);
    expect(strip(await unknownEmail.text())).toBe(strip(await wrongPassword.text()));
  });

  it('escapes what was typed when it shows it again', async () => {
    const { jar, pageUrl } = await openSignInPage();
    const response = await postForm({ url: pageUrl, jar, fields: { email: '"><script>alert(1)</script>', password: 'x' } });
    const html = await response.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('signs in and redirects onwards with the right credentials', async () => {
    const { jar, pageUrl } = await openSignInPage();
    const response = await postForm({ url: pageUrl, jar, fields: { email: TEST_ACCOUNTS.practitioner.email, password: TEST_PASSWORD } });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/\/auth\//);
  });
});

describe('forged sign-in posts', () => {
  it('refuses a post from another origin even with the interaction cookie', async () => {
    const { jar, pageUrl } = await openSignInPage();
    const response = await postForm({ url: pageUrl, jar, origin: 'http://evil.example', fields: { email: TEST_ACCOUNTS.practitioner.email, password: TEST_PASSWORD } });
    expect(response.status).toBe(403);
  });

  it('refuses a post without the interaction cookie, as a cross-site form would send it', async () => {
    const { pageUrl } = await openSignInPage();
    const response = await postForm({ url: pageUrl, fields: { email: TEST_ACCOUNTS.practitioner.email, password: TEST_PASSWORD } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Your sign-in has timed out');
  });

  it('refuses a post to one interaction carrying the cookie of another', async () => {
    const first = await openSignInPage();
    const second = await openSignInPage();
    const response = await postForm({ url: first.pageUrl, jar: second.jar, fields: { email: TEST_ACCOUNTS.practitioner.email, password: TEST_PASSWORD } });
    expect(response.status).toBe(400);
  });
});

describe("the provider's other pages", () => {
  it('shows errors on a Waypoint page without internal detail', async () => {
    const response = await fetch(`${identity.issuer}/auth?client_id=stranger&response_type=code`);
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('<title>Sorry, there is a problem – Waypoint</title>');
    expect(html).toContain('invalid_client');
    expect(html).not.toMatch(/fonts\.googleapis|at \w+ \(/);
  });

  it('asks a signed-in person before signing them out, on a Waypoint page', async () => {
    const { jar, pageUrl } = await openSignInPage();
    const signedIn = await postForm({ url: pageUrl, jar, fields: { email: TEST_ACCOUNTS.practitioner.email, password: TEST_PASSWORD } });
    const resumeUrl = new URL(signedIn.headers.get('location')!, pageUrl).href;
    jar.store(resumeUrl, await fetch(resumeUrl, { headers: { cookie: jar.headerFor(resumeUrl)! }, redirect: 'manual' }));
    const endSessionUrl = `${identity.issuer}/session/end`;
    const response = await fetch(endSessionUrl, { headers: { cookie: jar.headerFor(endSessionUrl)! } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<title>Sign out – Waypoint</title>');
    expect(html).toContain('name="xsrf"');
    expect(html).toContain('<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>');
  });
});
