/**
 * The tenant admin's people and teams screens: adding someone (who is invited by email),
 * changing their role and team, deactivating them, after which their very next API call is a
 * 401 `session-revoked` and the portal signs them out saying why; a change made meanwhile by
 * someone else; teams added, led, refused closing while they hold open cases, and closed. axe
 * on every page. Walked once: the portal sends no script and its policy forbids any, and the
 * axe check refuses a page that carries one, so this walk is also the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, signIn } from '../support/browser.ts';
import { browser, signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { jsonInit } from '../api/api-client.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { outboxAs } from '../support/outbox.ts';

useBrowserStack();

const ADMIN = 'admin@northvale.example';
/** Each flow is many pages, each checked with axe. */
const FLOW_TIMEOUT_MS = 120_000;

async function addUser(page: Page, person: { name: string; email: string; role: string; team: string }): Promise<string> {
  await page.goto(`${stack.portalUrl}/users/new`);
  await page.getByLabel('Full name').fill(person.name);
  await page.getByLabel('Work email address').fill(person.email);
  await page.getByRole('radio', { name: person.role, exact: true }).check();
  await page.getByRole('checkbox', { name: person.team, exact: true }).check();
  await page.getByRole('button', { name: 'Add user and send invitation' }).click();
  await page.waitForURL(/\/users\/[^/?]+\?added=1$/);
  expect(await page.getByRole('status').innerText()).toContain(`${person.name} added. We have emailed them an invitation to sign in.`);
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}

/** Whoever is added signs in afresh in a context of their own: their first visit and being signed out are what is tested. */
const reused = reusedPages();
const adminPage = () => reused(ADMIN);

async function changeRoleAndTeam(page: Page, change: { role: string; untick: string; tick: string }): Promise<void> {
  await page.getByRole('radio', { name: change.role, exact: true }).check();
  await page.getByRole('checkbox', { name: change.untick, exact: true }).uncheck();
  await page.getByRole('checkbox', { name: change.tick, exact: true }).check();
  await page.getByRole('button', { name: 'Save role and teams' }).click();
  await page.waitForURL(/\?saved=1$/);
}

describe('people', () => {
  it(
    'adds a user, changes their role and team, deactivates them, and their next API call is 401 session-revoked',
    async () => {
      const admin = await adminPage();
      await admin.goto(`${stack.portalUrl}/`);
      await admin.getByRole('link', { name: 'Users', exact: true }).first().click();
      await admin.waitForURL(/\/users$/);
      await expectNoAxeViolations(admin);

      // An empty form is refused with a summary linking to each field.
      await admin.goto(`${stack.portalUrl}/users/new`);
      await admin.getByRole('button', { name: 'Add user and send invitation' }).click();
      const summary = admin.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.waitFor();
      expect(await summary.innerText()).toMatch(/Enter a name[\s\S]*Enter an email address[\s\S]*Choose a role/);
      expect(await admin.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(admin);

      const email = 'eira.jones@northvale.example';
      await addUser(admin, { name: 'Eira Jones', email, role: 'Practitioner', team: 'Assessment' });
      await expectNoAxeViolations(admin);
      const outbox = await outboxAs(stack, ADMIN, 100);
      const invitation = outbox.find((m) => m.to === email);
      expect(invitation?.subject).toBe('You have been added to Waypoint');
      expect(invitation?.text).toContain(`Sign in at ${stack.portalUrl}/signin`);

      // They sign in through the portal, and hold an access token from a real sign-in.
      const theirContext = await browser.newContext();
      const theirs = await theirContext.newPage();
      await signIn(theirs, email, { portalUrl: stack.portalUrl! });
      await theirs.goto(`${stack.portalUrl}/cases`);
      expect(await theirs.getByRole('heading', { level: 1 }).innerText()).toBe('Cases');
      const token = await stack.tokenFor(email);
      const asThem = (path: string) => fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

      await admin.reload();
      expect(await admin.locator('dl.summary-list').innerText()).toContain('Active');
      await changeRoleAndTeam(admin, { role: 'Team manager', untick: 'Assessment', tick: 'Child in Need' });
      expect(await admin.locator('dl.summary-list').innerText()).toMatch(/Team manager[\s\S]*Child in Need/);
      await expectNoAxeViolations(admin);
      // The same token now acts as a manager of Child in Need.
      const me = (await (await asThem('/v1/me')).json()) as { role: string; teams: { id: string }[] };
      expect(me).toMatchObject({ role: 'manager', teams: [{ id: 'child-in-need' }] });
      const cases = (await (await asThem('/v1/cases?limit=100')).json()) as { items: { teamId: string }[] };
      expect(cases.items.length).toBeGreaterThan(0);
      expect(cases.items.every((c) => c.teamId === 'child-in-need')).toBe(true);

      await admin.getByRole('button', { name: 'Deactivate Eira Jones' }).click();
      await admin.waitForURL(/\?deactivated=1$/);
      expect(await admin.getByRole('status').innerText()).toContain('has been deactivated');
      await expectNoAxeViolations(admin);

      const refused = await asThem('/v1/cases');
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { type: string }).type).toBe('/v1/problems/session-revoked');
      // Their next page in the portal signs them out and says why.
      await theirs.goto(`${stack.portalUrl}/cases`);
      await theirs.waitForURL(/\/signin\?problem=revoked$/);
      expect(await theirs.getByRole('alert').innerText()).toContain('your Waypoint account has been switched off');
      await expectNoAxeViolations(theirs);
      await theirContext.close();

      // Reactivated, they could sign in again.
      await admin.getByRole('button', { name: 'Reactivate Eira Jones' }).click();
      await admin.waitForURL(/\?reactivated=1$/);
      expect((await asThem('/v1/me')).status).toBe(200);
      expect(await admin.locator('dl.summary-list').innerText()).toContain('Child in Need');
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'shows a change someone else made meanwhile, keeps the choice made, and resends an invitation once',
    async () => {
      const admin = await adminPage();
      const email = 'rhys.evans@northvale.example';
      // Added through the API: adding someone in the portal is the test above.
      const added = await stack.api(ADMIN, '/v1/users', jsonInit('POST', { name: 'Rhys Evans', email, role: 'practitioner', teamIds: ['early-help'] }));
      expect(added.status).toBe(201);
      const { id } = (await added.json()) as { id: string };
      await admin.goto(`${stack.portalUrl}/users/${encodeURIComponent(id)}`);
      await admin.getByRole('radio', { name: 'QA officer', exact: true }).check();

      // Meanwhile another admin's change arrives through the API.
      const current = await stack.api(ADMIN, `/v1/users/${id}`);
      const changed = await stack.api(ADMIN, `/v1/users/${id}`, { method: 'PATCH', headers: { 'if-match': current.headers.get('etag')! }, body: JSON.stringify({ name: 'Rhys Evans-Bowen' }) });
      expect(changed.status).toBe(200);
      await admin.getByRole('button', { name: 'Save role and teams' }).click();
      const notice = admin.getByRole('alert').filter({ hasText: 'Someone else changed' });
      await notice.waitFor();
      expect(await admin.getByRole('heading', { level: 1 }).innerText()).toBe('Rhys Evans-Bowen');
      expect(await admin.getByRole('radio', { name: 'QA officer', exact: true }).isChecked()).toBe(true);
      await expectNoAxeViolations(admin);
      await admin.getByRole('button', { name: 'Save role and teams' }).click();
      await admin.waitForURL(/\?saved=1$/);
      expect(await admin.locator('dl.summary-list').innerText()).toContain('QA officer');

      await admin.getByRole('button', { name: 'Send the invitation again' }).click();
      await admin.waitForURL(/\?resent=1$/);
      const outbox = await outboxAs(stack, ADMIN, 100);
      expect(
        outbox
          .filter((m) => m.to === email)
          .map((m) => m.subject)
          .sort(),
      ).toEqual(['You have been added to Waypoint', 'Your invitation to Waypoint']);
    },
    FLOW_TIMEOUT_MS,
  );
});

describe('teams', () => {
  it(
    'adds a team led by a manager, explains why a team with open cases cannot close, and closes an empty one',
    async () => {
      const admin = await adminPage();
      await admin.goto(`${stack.portalUrl}/teams`);
      expect(await admin.getByRole('table').innerText()).toMatch(/Child in Need\s+Not set\s+Morgan Ellis/);
      await expectNoAxeViolations(admin);

      await admin.getByRole('link', { name: 'Add a team' }).click();
      await admin.waitForURL(/\/teams\/new$/);
      await admin.getByRole('button', { name: 'Add team' }).click();
      await admin.getByRole('alert').filter({ hasText: 'Enter a team name' }).waitFor();
      await expectNoAxeViolations(admin);
      await admin.getByLabel('Team name').fill('Fostering');
      await admin.getByLabel('Led by').selectOption({ label: 'Rachel Ibe (team manager)' });
      await admin.getByRole('button', { name: 'Add team' }).click();
      await admin.waitForURL(/\/teams\/[^/?]+\?added=1$/);
      expect(await admin.locator('dl.summary-list').innerText()).toMatch(/Led by\s+Rachel Ibe/);
      await expectNoAxeViolations(admin);

      await admin.getByLabel('Team name').fill('Fostering and Adoption');
      await admin.getByRole('button', { name: 'Save team' }).click();
      await admin.waitForURL(/\?saved=1$/);
      expect(await admin.getByRole('heading', { level: 1 }).innerText()).toBe('Fostering and Adoption');
      await admin.getByRole('button', { name: 'Close Fostering and Adoption' }).click();
      await admin.waitForURL(/\?closed=1$/);
      expect(await admin.getByRole('status').innerText()).toContain('is closed');
      await expectNoAxeViolations(admin);

      await admin.goto(`${stack.portalUrl}/teams/child-in-need`);
      await admin.getByRole('button', { name: 'Close Child in Need' }).click();
      const summary = admin.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.waitFor();
      expect(await summary.innerText()).toMatch(/Child in Need still has \d+ open cases\. Move them to another team/);
      await expectNoAxeViolations(admin);
    },
    FLOW_TIMEOUT_MS,
  );
});

describe('who may use these pages', () => {
  it('gives other roles the 403 page and no Users or Teams in the menu', async () => {
    const page = await signedIn.pageAs('qa@northvale.example');
    for (const path of ['/users', '/teams', '/users/new']) {
      const response = await page.goto(`${stack.portalUrl}${path}`);
      expect(response?.status()).toBe(403);
    }
    expect(await page.getByRole('navigation', { name: 'Main' }).innerText()).not.toMatch(/Users|Teams/);
    await page.context().close();
  });
});
