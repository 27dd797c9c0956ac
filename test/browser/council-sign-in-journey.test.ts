/**
 * An authority starts using Waypoint with its own sign-in, end to end in the portal: the
 * operator adds the authority (through the API, as operator.test.ts walks those pages); its
 * first administrator signs in from the invitation in the outbox, adds a team (through the API
 * likewise), connects the stand-in for the council's Entra ID and maps two of its groups; a
 * council manager signs in through it (the sign-in page asks for the email address first and
 * sends them to their council) and lands in the right role and team; someone in no mapped group
 * waits for approval and is approved; the administrator deactivates the manager and their next
 * API call is 401 session-revoked. axe on every page. Walked once: the portal sends no script
 * and its policy forbids any, and the axe check refuses a page that carries one, so this walk is
 * also the walk without JavaScript. (Suspending an authority is the operator's own suite,
 * test/browser/operator.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { continueWithEmail, expectNoAxeViolations, fillProviderSignIn, signIn, DEMO_PASSWORD } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';
import { jsonInit, OPERATOR_EMAIL as OPERATOR } from '../api/api-client.ts';
import { COUNCIL_DOMAIN, COUNCIL_GROUPS, councilToken } from '../support/council-sign-in.ts';
import { outboxAs } from '../support/outbox.ts';

useBrowserStack();

/** Each flow walks many pages, each checked with axe. */
const FLOW_TIMEOUT_MS = 240_000;
const SCREENSHOTS = process.env.WAYPOINT_SCREENSHOTS;

/** The council people who sign in: one in the managers' group, one in no mapped group. */
const people = { manager: { email: `ada.nwosu@${COUNCIL_DOMAIN}`, name: 'Ada Nwosu' }, waiting: { email: `lee.marsh@${COUNCIL_DOMAIN}`, name: 'Lee Marsh' } };

async function shoot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Signs in through the portal's email-first page and the council's own sign-in, and waits to be back on the portal. */
async function signInThroughCouncil(page: Page, email: string): Promise<void> {
  await page.goto(`${stack.portalUrl}/signin`);
  await continueWithEmail(page, email);
  // The council's own page, not Waypoint's password page.
  await page.waitForURL((url) => url.origin === new URL(stack.council.issuer).origin);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in with your council account');
  await fillProviderSignIn(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.origin === new URL(stack.portalUrl!).origin && !url.pathname.startsWith('/auth/'));
}

describe('a new authority’s own sign-in', () => {
  it(
    'goes from the operator adding the authority to a council manager signing in in the right role and team, and being switched off',
    async () => {
      // The operator adds the authority, with its first administrator (through the API: the
      // operator's pages for it, and their axe checks, are walked in operator.test.ts).
      const name = 'Westfold';
      const adminEmail = 'first.admin@westfold.example';
      const added = await stack.api(OPERATOR, '/v1/platform/tenants', jsonInit('POST', { name, slug: 'westfold', region: 'South West', adminName: 'Gwen Talbot', adminEmail }));
      expect(added.status).toBe(201);

      // The first administrator follows the invitation's link and signs in with a password (the email-first page sends them there).
      const outbox = await outboxAs(stack, adminEmail);
      const invitation = outbox.find((m) => m.to === adminEmail);
      const link = /Sign in at (\S+)/.exec(invitation?.text ?? '')?.[1];
      expect(link).toBe(`${stack.portalUrl}/signin`);
      const admin = await (await browser.newContext()).newPage();
      await admin.goto(link!);
      await expectNoAxeViolations(admin);
      await shoot(admin, 'journey-signin');
      await continueWithEmail(admin, adminEmail);
      await admin.waitForURL((url) => url.origin === new URL(stack.issuer).origin);
      expect(await admin.getByLabel('Email address').inputValue()).toBe(adminEmail);
      await fillProviderSignIn(admin, adminEmail, DEMO_PASSWORD);
      await admin.waitForURL(`${stack.portalUrl}/`);
      expect(await admin.locator('.header__authority').innerText()).toBe(name);

      // A team for the council's managers and social workers (through the API: adding a team in
      // the portal is walked in people-and-teams.test.ts).
      expect((await stack.api(adminEmail, '/v1/teams', jsonInit('POST', { name: 'Family Support' }))).status).toBe(201);

      // Connecting the council's sign-in, with two groups mapped.
      await admin.goto(`${stack.portalUrl}/settings`);
      await admin.getByRole('link', { name: 'sign-in settings' }).click();
      await admin.waitForURL(/\/settings\/sign-in$/);
      await expectNoAxeViolations(admin);
      await admin.getByLabel('Issuer').fill(stack.council.issuer);
      await admin.getByLabel('Client id').fill(stack.council.clientId);
      await admin.getByLabel('Client secret').fill(stack.council.clientSecret);
      await admin.getByLabel('Email domains').fill(COUNCIL_DOMAIN);
      await admin.locator('#mappings-0-groupId').fill(COUNCIL_GROUPS.teamManagers.id);
      await admin.locator('#mappings-0-role').selectOption({ label: 'Team manager' });
      await admin.getByRole('group', { name: 'Teams for group 1' }).getByRole('checkbox', { name: 'Family Support' }).check();
      await admin.getByRole('button', { name: 'Add another group' }).click();
      await admin.locator('#mappings-1-groupId').fill(COUNCIL_GROUPS.practitioners.id);
      await admin.locator('#mappings-1-role').selectOption({ label: 'Practitioner' });
      await admin.getByRole('group', { name: 'Teams for group 2' }).getByRole('checkbox', { name: 'Family Support' }).check();
      // The secret is never sent back to the browser: after the page came back with a second group, it is asked for again.
      expect(await admin.locator('#clientSecret-hint').innerText()).toContain('Type the client secret again');
      await admin.getByLabel('Client secret').fill(stack.council.clientSecret);
      await admin.getByRole('button', { name: 'Connect', exact: true }).click();
      await admin.waitForURL(/\/settings\/sign-in\?saved=1$/);
      expect(await admin.locator('main').innerText()).toMatch(new RegExp(`${COUNCIL_GROUPS.teamManagers.id}: Team manager, in Family Support`));
      await expectNoAxeViolations(admin);
      const { providerName } = (await (await stack.api(adminEmail, '/v1/identity-provider')).json()) as { providerName: string };

      try {
        // A council manager: the sign-in page sends them to the council, and they land as a team manager of Family Support.
        const managerContext = await browser.newContext();
        const manager = await managerContext.newPage();
        await signInThroughCouncil(manager, people.manager.email);
        expect(await manager.locator('header').innerText()).toContain(`${people.manager.name} (Team manager)`);
        expect(await manager.locator('.header__authority').innerText()).toBe(name);
        await manager.goto(`${stack.portalUrl}/cases`);
        expect(await manager.getByRole('heading', { level: 1 }).innerText()).toBe('Cases');
        await expectNoAxeViolations(manager);
        await admin.goto(`${stack.portalUrl}/users?q=${encodeURIComponent(people.manager.email)}`);
        expect(await admin.getByRole('table').innerText()).toMatch(new RegExp(`${people.manager.name}[\\s\\S]*Team manager[\\s\\S]*Active`));

        // Someone in no mapped group waits, seeing nothing, until the administrator approves them.
        const waitingContext = await browser.newContext();
        const waiting = await waitingContext.newPage();
        await signInThroughCouncil(waiting, people.waiting.email);
        await waiting.waitForURL(/\/awaiting-approval$/);
        expect(await waiting.getByRole('heading', { level: 1 }).innerText()).toBe('An administrator needs to approve you');
        await expectNoAxeViolations(waiting);
        await shoot(waiting, 'journey-awaiting');
        expect((await waiting.goto(`${stack.portalUrl}/cases`))?.url()).toMatch(/\/awaiting-approval$/);

        await admin.goto(`${stack.portalUrl}/users`);
        await admin.getByLabel('Status').selectOption({ label: 'Awaiting approval' });
        await admin.getByRole('button', { name: 'Search' }).click();
        await admin.waitForURL(/status=awaiting-approval/);
        await expectNoAxeViolations(admin);
        await admin.getByRole('link', { name: people.waiting.name }).click();
        await admin.getByRole('radio', { name: 'Practitioner', exact: true }).check();
        await admin.getByRole('checkbox', { name: 'Family Support', exact: true }).check();
        await admin.getByRole('button', { name: 'Save role and teams' }).click();
        await admin.waitForURL(/\?saved=1$/);
        await admin.getByRole('button', { name: `Approve ${people.waiting.name}` }).click();
        await admin.waitForURL(/\?approved=1$/);
        expect(await admin.getByRole('status').innerText()).toContain(`${people.waiting.name} has been approved`);
        await expectNoAxeViolations(admin);
        await waiting.goto(`${stack.portalUrl}/awaiting-approval`);
        await waiting.waitForURL(`${stack.portalUrl}/`);
        expect(await waiting.locator('header').innerText()).toContain(`${people.waiting.name} (Practitioner)`);
        await waitingContext.close();

        // The administrator switches the manager off: their token's next call is refused, and their next page signs them out.
        const token = await councilToken(stack, people.manager.email, providerName);
        expect((await fetch(`${stack.apiUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
        await admin.goto(`${stack.portalUrl}/users?q=${encodeURIComponent(people.manager.email)}`);
        await admin.getByRole('link', { name: people.manager.name }).click();
        await admin.getByRole('button', { name: `Deactivate ${people.manager.name}` }).click();
        await admin.waitForURL(/\?deactivated=1$/);
        const refused = await fetch(`${stack.apiUrl}/v1/cases`, { headers: { authorization: `Bearer ${token}` } });
        expect(refused.status).toBe(401);
        expect(((await refused.json()) as { type: string }).type).toBe('/v1/problems/session-revoked');
        await manager.goto(`${stack.portalUrl}/cases`);
        await manager.waitForURL(/\/signin\?problem=revoked$/);
        await expectNoAxeViolations(manager);
        await managerContext.close();
      } finally {
        // The council's domain is free again for the tests after this one, which connect Northvale's sign-in to it.
        const current = await stack.api(adminEmail, '/v1/identity-provider');
        if (current.ok) await stack.api(adminEmail, '/v1/identity-provider', { method: 'DELETE', headers: { 'if-match': current.headers.get('etag')! } });
        await admin.context().close();
      }
    },
    FLOW_TIMEOUT_MS,
  );
});

describe('signing in with an address no council has connected', () => {
  it('asks again for an address that is not one, and goes on to the password page for anyone else', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.portalUrl}/signin`);
    await continueWithEmail(page, 'not an address');
    await page.locator('#email-error').waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel('Work email address').inputValue()).toBe('not an address');
    await signIn(page, 'qa@northvale.example', { portalUrl: stack.portalUrl! });
    expect(await page.locator('header').innerText()).toContain('(QA officer)');
    await context.close();
  });

  it('shows a council’s people a page of their own on the way to the council, which passes axe', async () => {
    const connected = await stack.api('admin@northvale.example', '/v1/identity-provider', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'oidc', issuer: stack.council.issuer, clientId: stack.council.clientId, clientSecret: stack.council.clientSecret, domains: [COUNCIL_DOMAIN], groupMappings: [] }),
    });
    expect(connected.status).toBe(201);
    const context = await browser.newContext();
    const page = await context.newPage();
    // The sign-in service answers "no content", so the browser stays on the page that leads there, to be checked.
    await page.route(`${new URL(stack.issuer).origin}/**`, (route) => route.fulfill({ status: 204 }));
    await page.goto(`${stack.portalUrl}/signin`);
    await continueWithEmail(page, `ada.nwosu@${COUNCIL_DOMAIN}`);
    await page.getByRole('heading', { level: 1, name: 'Continue to your council’s sign-in' }).waitFor();
    expect(await page.getByRole('link', { name: 'Continue to your council’s sign-in' }).getAttribute('href')).toMatch(/identity_provider=council-/);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
