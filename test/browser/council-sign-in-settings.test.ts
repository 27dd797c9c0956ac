/**
 * The tenant admin's "Sign-in" settings screen: a provider that cannot be reached and SAML
 * metadata that describes no provider are refused beside the field with nothing changed; groups
 * are added and removed by posting the form back; connecting shows the connection but never its
 * secret; someone else's change meanwhile is shown as on the other screens; disconnecting lets
 * the domain sign in with a password again. axe on every state of the page. Other roles get the
 * 403 page. Walked once: the portal sends no script and its policy forbids any, and the axe
 * check refuses a page that carries one, so this walk is also the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { COUNCIL_DOMAIN, COUNCIL_GROUPS, northvaleConnection } from '../support/council-sign-in.ts';

useBrowserStack();

const ADMIN = 'admin@northvale.example';
const FLOW_TIMEOUT_MS = 120_000;
const SCREENSHOTS = process.env.WAYPOINT_SCREENSHOTS;

async function errorSummary(page: Page): Promise<string> {
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  return summary.innerText();
}

async function discovery(email: string): Promise<unknown> {
  return (await stack.api(null, '/v1/sign-in/discovery', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) })).json();
}

describe('sign-in settings', () => {
  it(
    'refuses an unreachable provider beside its field, connects with two groups, never shows the secret, and disconnects',
    async () => {
      const admin = await signedIn.pageAs(ADMIN);
      await admin.goto(`${stack.portalUrl}/settings`);
      await admin.getByRole('link', { name: 'sign-in settings' }).click();
      await admin.waitForURL(/\/settings\/sign-in$/);
      expect(await admin.getByRole('heading', { level: 1 }).innerText()).toBe('Sign-in');
      expect(await admin.locator('main').innerText()).toContain('Not connected');
      await expectNoAxeViolations(admin);

      // An address nothing answers at: the reason is beside the issuer, and nothing is connected.
      await admin.getByLabel('Issuer').fill('http://127.0.0.1:9/nowhere');
      await admin.getByLabel('Client id').fill(stack.council.clientId);
      await admin.getByLabel('Client secret').fill(stack.council.clientSecret);
      await admin.getByLabel('Email domains').fill(COUNCIL_DOMAIN);
      await admin.getByLabel('Group id').fill(COUNCIL_GROUPS.teamManagers.id);
      await admin.getByLabel('Role in Waypoint').selectOption({ label: 'Team manager' });
      await admin.getByRole('checkbox', { name: 'Child in Need', exact: true }).check();
      await admin.getByRole('button', { name: 'Connect', exact: true }).click();
      expect(await errorSummary(admin)).toContain('could not reach the issuer');
      expect(await admin.locator('#issuer-error').innerText()).toContain('could not reach the issuer');
      expect(await admin.title()).toMatch(/^Error: /);
      // What was typed is kept, except the secret.
      expect(await admin.getByLabel('Group id').inputValue()).toBe(COUNCIL_GROUPS.teamManagers.id);
      expect(await admin.getByLabel('Client secret').inputValue()).toBe('');
      expect((await stack.api(ADMIN, '/v1/identity-provider')).status).toBe(404);
      await expectNoAxeViolations(admin);

      // A second group, added by posting the form back; then a third, removed again.
      await admin.getByRole('button', { name: 'Add another group' }).click();
      await admin.getByRole('group', { name: 'Group 2', exact: true }).waitFor();
      await admin.locator('#mappings-1-groupId').fill(COUNCIL_GROUPS.practitioners.id);
      await admin.locator('#mappings-1-role').selectOption({ label: 'Practitioner' });
      await admin.getByRole('group', { name: 'Teams for group 2' }).getByRole('checkbox', { name: 'Child in Need', exact: true }).check();
      await admin.getByRole('button', { name: 'Add another group' }).click();
      await admin.getByRole('group', { name: 'Group 3', exact: true }).waitFor();
      await admin.locator('#mappings-2-groupId').fill('not-wanted');
      await admin.getByLabel('Remove group 3 when saving').check();
      await expectNoAxeViolations(admin);
      if (SCREENSHOTS) await admin.screenshot({ path: `${SCREENSHOTS}/sign-in-form.png`, fullPage: true });

      await admin.getByLabel('Issuer').fill(stack.council.issuer);
      await admin.getByLabel('Client secret').fill(stack.council.clientSecret);
      await admin.getByRole('button', { name: 'Connect', exact: true }).click();
      await admin.waitForURL(/\/settings\/sign-in\?saved=1$/);
      expect(await admin.getByRole('status').innerText()).toContain('Your council’s sign-in is connected');
      const shown = await admin.locator('main').innerText();
      expect(shown).toContain('Connected');
      expect(shown).toContain(COUNCIL_DOMAIN);
      expect(shown).toMatch(new RegExp(`${COUNCIL_GROUPS.teamManagers.id}: Team manager, in Child in Need`));
      expect(shown).toMatch(new RegExp(`${COUNCIL_GROUPS.practitioners.id}: Practitioner, in Child in Need`));
      expect(shown).not.toContain('not-wanted');
      expect(await admin.content()).not.toContain(stack.council.clientSecret);
      expect(await discovery(`ada.nwosu@${COUNCIL_DOMAIN}`)).toMatchObject({ method: 'federated' });
      await expectNoAxeViolations(admin);
      if (SCREENSHOTS) await admin.screenshot({ path: `${SCREENSHOTS}/sign-in-connected.png`, fullPage: true });

      // Meanwhile another admin changes the connection: this admin's change is not saved, and is kept in the form.
      const current = await stack.api(ADMIN, '/v1/identity-provider');
      const { clientSecret: _secret, ...settings } = northvaleConnection(stack);
      const changed = await stack.api(ADMIN, '/v1/identity-provider', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-match': current.headers.get('etag')! },
        body: JSON.stringify({ ...settings, domains: [COUNCIL_DOMAIN, 'northvale-schools.example'] }),
      });
      expect(changed.status).toBe(200);
      await admin.getByLabel('Email domains').fill(`${COUNCIL_DOMAIN}\nnorthvale-care.example`);
      await admin.getByRole('button', { name: 'Save changes' }).click();
      await admin.getByRole('alert').filter({ hasText: 'Someone else changed' }).waitFor();
      expect(await admin.getByLabel('Email domains').inputValue()).toContain('northvale-care.example');
      expect(await admin.locator('main').innerText()).toContain('northvale-schools.example');
      await expectNoAxeViolations(admin);
      await admin.getByRole('button', { name: 'Save changes' }).click();
      await admin.waitForURL(/\?saved=1$/);
      expect(await admin.locator('main').innerText()).toContain('northvale-care.example');

      await admin.getByRole('button', { name: 'Disconnect your council’s sign-in' }).click();
      await admin.waitForURL(/\?disconnected=1$/);
      expect(await admin.getByRole('status').innerText()).toContain('Everyone signs in with a Waypoint password again');
      expect(await discovery(`ada.nwosu@${COUNCIL_DOMAIN}`)).toEqual({ method: 'password' });
      await expectNoAxeViolations(admin);
      await admin.context().close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'refuses SAML metadata that describes no provider, and a group given a role Waypoint does not have',
    async () => {
      const admin = await signedIn.pageAs(ADMIN);
      await admin.goto(`${stack.portalUrl}/settings/sign-in`);
      await admin.getByRole('link', { name: 'Use SAML instead' }).click();
      await admin.waitForURL(/\?kind=saml$/);
      await admin.getByLabel('Metadata XML').fill('<EntityDescriptor><SPSSODescriptor/></EntityDescriptor>');
      await admin.getByLabel('Email domains').fill(COUNCIL_DOMAIN);
      await admin.getByLabel('Group id').fill(COUNCIL_GROUPS.allStaff.id);
      await admin.getByLabel('Role in Waypoint').selectOption({ label: 'Practitioner' });
      await admin.getByRole('button', { name: 'Connect', exact: true }).click();
      expect(await errorSummary(admin)).toContain('does not describe an identity provider');
      expect(await admin.locator('#metadataXml-error').innerText()).toContain('does not describe an identity provider');
      await expectNoAxeViolations(admin);

      // A role that no longer exists (a form kept from before a change, or a hand-made post).
      await admin.getByLabel('Metadata XML').fill('');
      await admin.getByLabel('Metadata address').fill(`${stack.council.issuer}/saml/metadata`);
      await admin.locator('#mappings-0-role').evaluate((select: HTMLSelectElement) => {
        select.add(new Option('Director', 'director', true, true));
      });
      await admin.getByRole('button', { name: 'Connect', exact: true }).click();
      expect(await errorSummary(admin)).toContain('“director” is not a Waypoint role');
      expect(await admin.locator('#mappings-0-role-error').innerText()).toContain('is not a Waypoint role');
      await expectNoAxeViolations(admin);
      expect((await stack.api(ADMIN, '/v1/identity-provider')).status).toBe(404);
      await admin.context().close();
    },
    FLOW_TIMEOUT_MS,
  );
});

describe('who may use the sign-in settings', () => {
  it('gives other roles the 403 page, and Southmoor’s admin only Southmoor’s connection', async () => {
    const qa = await signedIn.pageAs('qa@northvale.example');
    expect((await qa.goto(`${stack.portalUrl}/settings/sign-in`))?.status()).toBe(403);
    await qa.context().close();

    const connected = await stack.api(ADMIN, '/v1/identity-provider', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(northvaleConnection(stack)) });
    expect(connected.status).toBe(201);
    const southmoor = await signedIn.pageAs('admin@southmoor.example');
    await southmoor.goto(`${stack.portalUrl}/settings/sign-in`);
    const shown = await southmoor.locator('main').innerText();
    expect(shown).toContain('Not connected');
    expect(shown).not.toContain(COUNCIL_DOMAIN);
    await southmoor.context().close();
  });
});
