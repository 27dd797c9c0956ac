/**
 * The platform operator's area: adding an authority (an empty form, then a web address another
 * authority has, each refused beside its field), its first administrator's invitation in the
 * outbox, suspending it (its staff then see a page saying the service is paused, and its
 * have-your-say pages say so in their languages), and resuming it. The operator sees no
 * authority's records, and an authority's staff cannot open the operator's pages. axe on every
 * page. Walked once: the portal sends no script and its policy forbids any, and the axe check
 * refuses a page that carries one, so this walk is also the walk without JavaScript.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, signIn } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { forgetWhatTheApiKept } from '../support/seeded-data.ts';
import { outboxAs } from '../support/outbox.ts';

useBrowserStack();

const OPERATOR = 'operator@waypoint.example';
const ADMIN = 'admin@northvale.example';
/** Each flow is many pages, each checked with axe. */
const FLOW_TIMEOUT_MS = 180_000;

async function northvaleId(): Promise<string> {
  const list = (await (await stack.api(OPERATOR, '/v1/platform/tenants?limit=100')).json()) as { items: { id: string; slug: string }[] };
  return list.items.find((t) => t.slug === 'northvale')!.id;
}

/** Whatever a failed step left, the authority is active again for the tests after it. */
async function putBackActive(id: string): Promise<void> {
  const current = (await (await stack.api(OPERATOR, `/v1/platform/tenants/${id}`)).json()) as { version: number; status: string };
  if (current.status === 'active') return;
  await stack.api(OPERATOR, `/v1/platform/tenants/${id}`, { method: 'PATCH', headers: { 'if-match': `"${current.version}"` }, body: JSON.stringify({ status: 'active' }) });
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

/** One page per signed-in person from test to test. */
const pageAs = reusedPages();

/**
 * A visitor's page for the have-your-say area, not signed in and with no code: nothing it opens
 * makes a session, so one page serves every test.
 */
let visitor: Promise<Page> | undefined;
const visitorPage = () => (visitor ??= browser.newContext().then((c) => c.newPage()));

describe('the operator', () => {
  it(
    'adds an authority whose first admin is invited, suspends it so its staff and public pages say it is paused, and resumes it',
    async () => {
      const operator = await pageAs(OPERATOR);
      await operator.goto(`${stack.portalUrl}/`);
      await operator.waitForURL(/\/operator$/);
      expect(await heading(operator)).toBe('Authorities');
      expect(await operator.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts()).toEqual(['Authorities', 'Activity log']);
      const northvale = operator.getByRole('row').filter({ hasText: 'Northvale' });
      expect(await northvale.innerText()).toMatch(/northvale[\s\S]*Active/);
      await expectNoAxeViolations(operator);

      // An empty form is refused with a summary linking to each field.
      await operator.getByRole('link', { name: 'Add an authority' }).click();
      await operator.waitForURL(/\/operator\/new$/);
      await expectNoAxeViolations(operator);
      await operator.getByRole('button', { name: 'Add authority and invite administrator' }).click();
      const summary = operator.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.waitFor();
      expect(await summary.innerText()).toMatch(/name[\s\S]*lower-case letters[\s\S]*region[\s\S]*name[\s\S]*email/i);
      expect(await operator.title()).toMatch(/^Error: Add an authority/);
      await expectNoAxeViolations(operator);

      // A web address another authority has: the API's 409, beside the field, and nothing typed is lost.
      const name = 'Eastbrook';
      const slug = 'eastbrook';
      const adminEmail = 'first.admin@eastbrook.example';
      await operator.getByLabel('Name', { exact: true }).fill(name);
      await operator.getByLabel('Short web address').fill('northvale');
      await operator.getByLabel('Region').fill('East Midlands');
      await operator.getByLabel('Full name').fill('Ffion Hale');
      await operator.getByLabel('Work email address').fill(adminEmail);
      await operator.getByRole('button', { name: 'Add authority and invite administrator' }).click();
      await operator.locator('#slug-error').waitFor();
      expect(await operator.locator('#slug-error').innerText()).toContain('Another authority already has this address');
      expect(await summary.getByRole('link').getAttribute('href')).toBe('#slug');
      expect(await operator.getByLabel('Region').inputValue()).toBe('East Midlands');
      await expectNoAxeViolations(operator);

      await operator.getByLabel('Short web address').fill(slug);
      await operator.getByRole('button', { name: 'Add authority and invite administrator' }).click();
      await operator.waitForURL(/\/operator\/[0-9a-f-]{36}\?added=1$/);
      expect(await operator.getByRole('status').innerText()).toContain(`${name} has been added. We have emailed its first administrator an invitation to sign in.`);
      expect(await operator.locator('main').innerText()).toMatch(/Active[\s\S]*East Midlands/);
      await expectNoAxeViolations(operator);
      const authorityUrl = operator.url().split('?')[0]!;

      // Its first admin's invitation is in the new authority's outbox, and they can sign in.
      const outbox = await outboxAs(stack, adminEmail);
      const invitation = outbox.find((m) => m.to === adminEmail);
      expect(invitation?.subject).toBe('You have been added to Waypoint');
      expect(invitation?.text).toContain(`Sign in at ${stack.portalUrl}/signin`);
      const adminContext = await browser.newContext();
      const admin = await adminContext.newPage();
      await signIn(admin, adminEmail, { portalUrl: stack.portalUrl! });
      await admin.goto(`${stack.portalUrl}/`);
      expect(await admin.locator('.header__authority').innerText()).toBe(name);

      const publicPage = await visitorPage();
      const open = await publicPage.goto(`${stack.portalUrl}/have-your-say/${slug}`);
      expect(open?.status()).toBe(200);

      // Suspending asks first, then pauses it at once.
      await operator.getByRole('link', { name: `Suspend ${name}` }).click();
      await operator.waitForURL(/\/suspend$/);
      expect(await heading(operator)).toBe(`Suspend ${name}?`);
      await expectNoAxeViolations(operator);
      await operator.getByRole('button', { name: `Suspend ${name}` }).click();
      await operator.waitForURL(/\?done=suspend$/);
      expect(await operator.getByRole('status').innerText()).toContain(`${name} is suspended.`);
      expect(await operator.locator('dl.summary-list').first().innerText()).toContain('Suspended');
      await expectNoAxeViolations(operator);

      const paused = await admin.goto(`${stack.portalUrl}/`);
      expect(paused?.status()).toBe(403);
      expect(await heading(admin)).toBe('Waypoint is paused for your authority');
      expect(await admin.title()).toBe('Service paused – Waypoint');
      await expectNoAxeViolations(admin);
      const refused = await stack.api(adminEmail, '/v1/users');
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { type: string }).type).toBe('/v1/problems/tenant-suspended');

      const closed = await publicPage.goto(`${stack.portalUrl}/have-your-say/${slug}`);
      expect(closed?.status()).toBe(403);
      expect(await heading(publicPage)).toBe('Have your say is paused for now');
      await expectNoAxeViolations(publicPage);
      await publicPage.goto(`${stack.portalUrl}/have-your-say/${slug}?lang=cy`);
      expect(await heading(publicPage)).toBe('Mae Dweud eich dweud wedi’i oedi am y tro');
      expect(await publicPage.locator('html').getAttribute('lang')).toBe('cy');
      await expectNoAxeViolations(publicPage);

      // Resuming restores both.
      await operator.getByRole('link', { name: `Resume ${name}` }).click();
      await operator.waitForURL(/\/resume$/);
      await expectNoAxeViolations(operator);
      await operator.getByRole('button', { name: `Resume ${name}` }).click();
      await operator.waitForURL(/\?done=resume$/);
      expect(await operator.getByRole('status').innerText()).toContain(`${name} is active again.`);
      expect((await admin.goto(`${stack.portalUrl}/`))?.status()).toBe(200);
      expect((await publicPage.goto(`${stack.portalUrl}/have-your-say/${slug}?lang=en`))?.status()).toBe(200);

      // The log says what was done, in words.
      await operator.getByRole('link', { name: 'Activity log' }).click();
      await operator.waitForURL(/\/operator\/activity$/);
      const log = await operator.locator('tbody').innerText();
      expect(log).toMatch(new RegExp(`Resumed ${name}[\\s\\S]*Suspended ${name}[\\s\\S]*Added ${name}`));
      expect(log).not.toContain(adminEmail);
      await expectNoAxeViolations(operator);

      await operator.goto(authorityUrl);
      await adminContext.close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'starts offboarding with a leaving day, and shows someone else’s change instead of making its own',
    async () => {
      const id = await northvaleId();
      const operator = await pageAs(OPERATOR);
      try {
        await operator.goto(`${stack.portalUrl}/operator/${id}/offboard`);
        await expectNoAxeViolations(operator);
        await operator.getByRole('button', { name: 'Start offboarding Northvale Council' }).first().click();
        await operator.locator('#leavesOn-error').waitFor();
        expect(await operator.locator('#leavesOn-error').innerText()).toContain('Enter the day the authority leaves');
        await expectNoAxeViolations(operator);

        // Meanwhile another operator suspends it: the page shows that, and makes no change of its own.
        const current = (await (await stack.api(OPERATOR, `/v1/platform/tenants/${id}`)).json()) as { version: number };
        const suspended = await stack.api(OPERATOR, `/v1/platform/tenants/${id}`, { method: 'PATCH', headers: { 'if-match': `"${current.version}"` }, body: JSON.stringify({ status: 'suspended' }) });
        expect(suspended.status).toBe(200);
        await operator.getByLabel('Day').fill('31');
        await operator.getByLabel('Month').fill('3');
        await operator.getByLabel('Year').fill(String(new Date().getFullYear() + 1));
        await operator.getByRole('button', { name: /^Start offboarding/ }).click();
        await operator.getByText('Someone else changed Northvale Council while you were looking').waitFor();
        expect(await operator.locator('main').innerText()).toContain('Suspended');
        await expectNoAxeViolations(operator);

        // From suspended it can still start offboarding, now with the version just shown.
        await operator.getByLabel('Day').fill('31');
        await operator.getByLabel('Month').fill('3');
        await operator.getByLabel('Year').fill(String(new Date().getFullYear() + 1));
        await operator.getByRole('button', { name: /^Start offboarding/ }).click();
        await operator.waitForURL(/\?done=offboard$/);
        expect(await operator.locator('dl.summary-list').first().innerText()).toMatch(/Leaving on 31 March \d{4}/);
        // Leaving next year, Northvale Council works as before today.
        expect((await stack.api(ADMIN, '/v1/me')).status).toBe(200);

        // Put back as seeded for the tests after this one.
        await operator.getByRole('link', { name: 'Resume Northvale Council' }).click();
        await operator.getByRole('button', { name: 'Resume Northvale Council' }).click();
        await operator.waitForURL(/\?done=resume$/);
      } finally {
        await putBackActive(id);
      }
    },
    FLOW_TIMEOUT_MS,
  );
});

describe('a pause made by another API instance', () => {
  it('reaches the have-your-say pages within the minute the API remembers an authority for', async () => {
    const id = await northvaleId();
    const setStatus = (status: string) =>
      stack.jobDependencies.platformClient.send(
        new UpdateCommand({ TableName: stack.tableName, Key: platformKeys.tenant(id), UpdateExpression: 'SET #status = :status', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':status': status } }),
      );
    const page = await visitorPage();
    const area = `${stack.portalUrl}/have-your-say/northvale`;
    expect((await page.goto(area))?.status()).toBe(200);
    try {
      // Written as another instance would: this one still holds Northvale as active, for under a minute.
      await setStatus('suspended');
      expect((await page.goto(area))?.status()).toBe(200);
      // The minute passes (without waiting for it): the pause is seen.
      forgetWhatTheApiKept();
      expect((await page.goto(area))?.status()).toBe(403);
      expect(await heading(page)).toBe('Have your say is paused for now');
    } finally {
      await setStatus('active');
      forgetWhatTheApiKept();
    }
  });
});

describe('who may use the operator area', () => {
  it('refuses an authority’s staff every operator page, and a posted form changes nothing', async () => {
    const id = await northvaleId();
    for (const email of [ADMIN, 'qa@northvale.example', 'admin@southmoor.example']) {
      const page = await pageAs(email);
      for (const path of ['/operator', '/operator/new', '/operator/activity', `/operator/${id}`, `/operator/${id}/suspend`]) {
        const response = await page.goto(`${stack.portalUrl}${path}`);
        expect(response?.status(), `${email} ${path}`).toBe(403);
        expect(await heading(page)).toBe('You do not have access to this page');
      }
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts()).not.toContain('Authorities');
    }
    const admin = await pageAs(ADMIN);
    const posted = await admin.request.post(`${stack.portalUrl}/operator/new`, {
      headers: { origin: stack.portalUrl! },
      form: { name: 'Sneaky', slug: 'sneaky', region: 'Nowhere', adminName: 'S', adminEmail: 'sneaky@example.com' },
    });
    expect(posted.status()).toBe(403);
    const list = (await (await stack.api(OPERATOR, '/v1/platform/tenants?limit=100')).json()) as { items: { slug: string }[] };
    expect(list.items.map((t) => t.slug)).not.toContain('sneaky');
  });

  it('keeps the operator out of every authority’s records: case pages lead back to the operator area', async () => {
    const page = await pageAs(OPERATOR);
    for (const path of ['/cases', '/cases/NV-00001', '/audits', '/settings', '/users']) {
      await page.goto(`${stack.portalUrl}${path}`);
      expect(new URL(page.url()).pathname, path).toBe('/operator');
      expect(await page.locator('main').innerText()).not.toContain('NV-00001');
    }
    expect((await page.goto(`${stack.portalUrl}/operator/not-an-id`))?.status()).toBe(404);
  });
});
