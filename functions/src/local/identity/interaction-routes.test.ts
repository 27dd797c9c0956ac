import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './cookie-jar.ts';
import { currentCode, DEMO_TOTP_SECRET } from './one-time-codes.ts';
import { SIGN_IN_FAILED_MESSAGE } from './sign-in-page.ts';
import { secondStepOf } from './sign-in-flow.ts';
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

  it('asks for the code from an authenticator app after the right password, then signs in and redirects onwards', async () => {
    const { jar, pageUrl } = await openSignInPage();
    const asked = await postForm({ url: pageUrl, jar, fields: { email: TEST_ACCOUNTS.practitioner.email, password: TEST_PASSWORD } });
    expect(asked.status).toBe(200);
    const html = await asked.text();
    expect(html).toContain('<title>Enter your sign-in code – Waypoint</title>');
    expect(html).toContain('<label for="code">Code</label>');
    expect(html).toMatch(/<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"[^>]*aria-describedby="code-hint"/);
    const response = await postForm({ url: pageUrl, jar, fields: { step: 'code', code: await currentCode(DEMO_TOTP_SECRET) } });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/\/auth\//);
  });
});

/** Signs in with the password as far as the code page. */
async function passwordDone(email = TEST_ACCOUNTS.practitioner.email) {
  const opened = await openSignInPage();
  const asked = await postForm({ url: opened.pageUrl, jar: opened.jar, fields: { email, password: TEST_PASSWORD } });
  expect(asked.status).toBe(200);
  return { ...opened, html: await asked.text() };
}

describe('the sign-in code', () => {
  it('refuses a wrong code clearly, at the top and at the field, and lets the person try again', async () => {
    const { jar, pageUrl } = await passwordDone();
    const right = await currentCode(DEMO_TOTP_SECRET);
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    const refused = await postForm({ url: pageUrl, jar, fields: { step: 'code', code: wrong } });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('<title>Error: Enter your sign-in code – Waypoint</title>');
    expect(html).toContain('<a href="#code">That code is not right. Enter the 6-digit code your app shows now</a>');
    expect(html).toMatch(/<input id="code"[^>]*aria-describedby="code-hint code-error" aria-invalid="true">/);
    const empty = await postForm({ url: pageUrl, jar, fields: { step: 'code', code: '  ' } });
    expect(await empty.text()).toContain('Enter the 6-digit code from your authenticator app');
    // Typed as an app shows it, with a space in the middle.
    const accepted = await postForm({ url: pageUrl, jar, fields: { step: 'code', code: `${right.slice(0, 3)} ${right.slice(3)}` } });
    expect(accepted.status).toBe(303);
  });

  it('stops the sign-in after five wrong codes, so the password must be given again', async () => {
    const { jar, pageUrl } = await passwordDone();
    for (let n = 0; n < 4; n++) expect((await postForm({ url: pageUrl, jar, fields: { step: 'code', code: '000000' } })).status).toBe(400);
    const stopped = await postForm({ url: pageUrl, jar, fields: { step: 'code', code: '000000' } });
    expect(await stopped.text()).toContain('Too many codes that were not right');
    const after = await postForm({ url: pageUrl, jar, fields: { step: 'code', code: await currentCode(DEMO_TOTP_SECRET) } });
    expect(after.status).toBe(400);
    expect(await after.text()).toContain('Your sign-in has timed out');
  });

  it('cannot be skipped: a code posted without a right password first signs nobody in', async () => {
    const { jar, pageUrl } = await openSignInPage();
    const response = await postForm({ url: pageUrl, jar, fields: { step: 'code', code: await currentCode(DEMO_TOTP_SECRET) } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Your sign-in has timed out');
  });

  it('is set up at the first sign-in: a QR code and the key as text, a wrong code refused, then every later sign-in asks for one', async () => {
    const { jar, pageUrl, html } = await passwordDone(TEST_ACCOUNTS.newcomer.email);
    expect(html).toContain('<title>Set up your authenticator app – Waypoint</title>');
    expect(html).toMatch(/<svg role="img" aria-label="QR code to scan with your authenticator app"/);
    const secret = secondStepOf(html);
    if (secret?.step !== 'enrol') throw new Error('expected the set-up page');
    expect(secret.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect((await postForm({ url: pageUrl, jar, fields: { step: 'enrol', code: '000000' } })).status).toBe(400);
    const done = await postForm({ url: pageUrl, jar, fields: { step: 'enrol', code: await currentCode(secret.secret) } });
    expect(done.status).toBe(303);

    const later = await passwordDone(TEST_ACCOUNTS.newcomer.email);
    expect(later.html).toContain('<title>Enter your sign-in code – Waypoint</title>');
    expect((await postForm({ url: later.pageUrl, jar: later.jar, fields: { step: 'code', code: await currentCode(secret.secret) } })).status).toBe(303);
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
    await postForm({ url: pageUrl, jar, fields: { email: TEST_ACCOUNTS.practitioner.email, password: TEST_PASSWORD } });
    const signedIn = await postForm({ url: pageUrl, jar, fields: { step: 'code', code: await currentCode(DEMO_TOTP_SECRET) } });
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
