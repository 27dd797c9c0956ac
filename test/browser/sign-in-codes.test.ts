/**
 * The second step of a password sign-in, in the portal's real flow, axe on every page: someone
 * new sets up an authenticator app (a QR code, and the key as text for typing into an app by
 * hand) and signs in with its code; every later sign-in asks for a code, and a wrong one is
 * refused clearly, at the top and at the field. Walked once: neither the portal nor the sign-in
 * pages send any script and their policies forbid one, and the axe check refuses a page that
 * carries one, so this walk is also the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentCode } from '@waypoint/functions/local/identity/one-time-codes';
import { DEMO_PASSWORD, continueWithEmail, expectNoAxeViolations } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';
import { expectJson, jsonInit, nv } from '../api/api-client.ts';

useBrowserStack();

async function startSignIn(page: Page, email: string): Promise<void> {
  await page.goto(`${stack.portalUrl}/signin`);
  await continueWithEmail(page, email);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('signing in with a code from an app', () => {
  it('sets up an app at a new person’s first sign-in, refuses a wrong code clearly, and asks for a code every time after', async () => {
    const email = 'code.newcomer@northvale.example';
    await expectJson(await stack.api(nv('admin'), '/v1/users', jsonInit('POST', { name: 'Cody Newcomer', email, role: 'practitioner', teamIds: ['assessment'] })), 201);
    const context = await browser.newContext();
    const page = await context.newPage();

    await startSignIn(page, email);
    await page.getByRole('heading', { level: 1, name: 'Set up your authenticator app' }).waitFor();
    expect(await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).count()).toBe(1);
    const secret = (await page.locator('#totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const code = page.getByLabel('Code', { exact: true });
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await expectNoAxeViolations(page);

    // A wrong code: said at the top, linked to the field, and at the field.
    await code.fill('000000');
    await page.getByRole('button', { name: 'Finish setting up' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.title()).toBe('Error: Set up your authenticator app – Waypoint');
    expect(await page.getByRole('alert').innerText()).toContain('That code is not right');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#code-error').innerText()).toContain('That code is not right');
    await expectNoAxeViolations(page);

    await code.fill(await currentCode(secret));
    await page.getByRole('button', { name: 'Finish setting up' }).click();
    await page.waitForURL((url) => url.origin === stack.portalUrl && !url.pathname.startsWith('/auth/'));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Welcome, Cody Newcomer');
    await context.close();

    // The next sign-in asks for the code from the same app, with no new QR code.
    const again = await browser.newContext();
    const next = await again.newPage();
    await startSignIn(next, email);
    await next.getByRole('heading', { level: 1, name: 'Enter your sign-in code' }).waitFor();
    expect(await next.getByRole('img', { name: 'QR code to scan with your authenticator app' }).count()).toBe(0);
    await expectNoAxeViolations(next);
    await next.getByLabel('Code', { exact: true }).fill(await currentCode(secret));
    await next.getByRole('button', { name: 'Continue' }).click();
    await next.waitForURL((url) => url.origin === stack.portalUrl && !url.pathname.startsWith('/auth/'));
    expect(await next.getByRole('heading', { level: 1 }).innerText()).toBe('Welcome, Cody Newcomer');
    await again.close();
  });
});
