/**
 * Staff running engagement, and what families see when a code will not work: a QA officer
 * creates and edits an activity (a stale edit keeps what was typed), issues and revokes
 * codes; a practitioner gives a family a single-use code and the family carries on where
 * they left off; unknown codes, another authority's codes and too many tries get their own
 * kind pages; roles without engagement are refused. axe runs on every staff page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { startWithCode } from './engagement-steps.ts';

useBrowserStack();

async function family(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

/** Staff steps here need no fresh context. */
const staff = reusedPages();

/**
 * A family's page for codes that open nothing: no session is made by them, so one page serves
 * them all. (A family that starts answering gets a context of its own, as its session is what is
 * tested.)
 */
let turnedAway: Promise<Page> | undefined;
const codeRefusedPage = () => (turnedAway ??= family());

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

/** The code shown in the "Code issued" notice. */
async function issuedCode(page: Page): Promise<string> {
  await page.waitForURL(/\/codes\?issued=/);
  const text = await page.getByRole('status').innerText();
  return /Code: ([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(text)![1]!;
}

describe('activities', () => {
  let activityPath = '';

  it('a QA officer creates an activity with a Welsh title, and it is listed', async () => {
    const page = await staff('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/engagement`);
    expect(await h1(page)).toBe('Engagement');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Create an activity' }).click();
    await page.getByRole('button', { name: 'Create activity' }).click();
    // Nothing chosen: each problem is named and linked.
    const problems = await page.getByRole('alert').innerText();
    for (const message of ['Enter a title', 'Choose who the activity asks', 'Choose the feedback form to use']) expect(problems).toContain(message);
    await expectNoAxeViolations(page);

    await page.getByLabel('Title', { exact: true }).fill('Spring check-in');
    await page.getByRole('group', { name: 'Who it asks' }).getByLabel('Children aged 8 to 10').check();
    await page.getByRole('group', { name: 'Feedback form' }).getByLabel('Have your say (ages 8 to 10)').check();
    await page.getByText('Title and description in other languages').click();
    await page.getByLabel('Title in Welsh').fill('Sut mae pethau yn y gwanwyn');
    await page.getByRole('button', { name: 'Create activity' }).click();
    await page.waitForURL(/\/engagement\/[^/]+\?created=1$/);
    activityPath = new URL(page.url()).pathname;
    const details = await page.getByLabel('Activity details').innerText();
    expect(details).toContain('Have your say (ages 8 to 10) (version 1)');
    expect(details).toContain('Sut mae pethau yn y gwanwyn');
    expect(details).toContain('Open');
    await expectNoAxeViolations(page);

    await page.goto(`${stack.portalUrl}/engagement?state=open`);
    expect(await page.getByRole('table').innerText()).toContain('Spring check-in');
  });

  it('an edit based on an old version is refused and keeps what was typed; saving again works', async () => {
    const first = await staff('qa@northvale.example');
    const second = await staff('senior@northvale.example');
    await first.goto(`${stack.portalUrl}${activityPath}/edit`);
    await second.goto(`${stack.portalUrl}${activityPath}/edit`);
    await expectNoAxeViolations(first);
    await second.getByLabel('Title', { exact: true }).fill('Spring check-in (schools)');
    await second.getByRole('button', { name: 'Save changes' }).click();
    await second.waitForURL(/\?saved=1$/);

    await first.getByLabel('Description (optional)').fill('Five short questions about your worker.');
    await first.getByRole('button', { name: 'Save changes' }).click();
    expect(await first.getByRole('alert').innerText()).toContain('Someone else changed this activity');
    expect(await first.getByLabel('Description (optional)').inputValue()).toBe('Five short questions about your worker.');
    await expectNoAxeViolations(first);
    await first.getByRole('button', { name: 'Save changes' }).click();
    await first.waitForURL(/\?saved=1$/);
    expect(await first.locator('main').innerText()).toContain('Five short questions about your worker.');
  });

  it('a QA officer issues a shared code and a single-use code for a case, then revokes the shared one, which then opens nothing', async () => {
    const page = await staff('qa@northvale.example');
    await page.goto(`${stack.portalUrl}${activityPath}`);
    await page.getByRole('link', { name: /^Invitation codes/ }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('group', { name: 'Kind of code' }).getByLabel('Shared').check();
    await page.getByLabel('Responses it takes (shared, optional)').fill('30');
    await page.getByLabel('Note for staff (optional)').fill('Year 5 group');
    await page.getByRole('button', { name: 'Issue code' }).click();
    const shared = await issuedCode(page);
    expect(await page.getByRole('status').innerText()).toContain(`/have-your-say/northvale/start?code=${shared}`);
    await expectNoAxeViolations(page);

    await page.getByRole('group', { name: 'Kind of code' }).getByLabel('Single use').check();
    await page.getByLabel('Case reference (single use, optional)').fill('NV-00007');
    await page.getByRole('button', { name: 'Issue code' }).click();
    const single = await issuedCode(page);
    const rows = await page.getByRole('table').innerText();
    expect(rows).toContain('Case NV-00007');
    expect(rows).toContain('Year 5 group');
    expect(rows).toContain(shared);
    expect(single).not.toBe(shared);

    await page.getByRole('button', { name: new RegExp(`Revoke\\s+code ${shared}`) }).click();
    await page.waitForURL(/\?revoked=/);
    expect(await page.getByRole('status').innerText()).toContain(`Code ${shared} revoked`);
    const child = await codeRefusedPage();
    await child.goto(`${stack.portalUrl}/have-your-say/northvale/start?code=${shared}`);
    await child.waitForURL(/\/problem\/code-revoked$/);
    expect(await h1(child)).toBe('This code does not work any more');
  });
});

describe('a practitioner and a family', () => {
  it('a practitioner issues a single-use code for their case, and a family that stops half-way carries on where they left off', async () => {
    const page = await staff('practitioner@northvale.example');
    await page.goto(`${stack.portalUrl}/engagement/nv-engage-ages-8-10/codes`);
    expect(await page.getByRole('group', { name: 'Kind of code' }).count()).toBe(0);
    await page.getByLabel('Case reference (single use, optional)').fill('NV-00003');
    await page.getByRole('button', { name: 'Issue code' }).click();
    const code = await issuedCode(page);

    const first = await family({ javaScriptEnabled: false });
    await startWithCode(first, { portalUrl: stack.portalUrl!, slug: 'northvale', code, lang: 'en' });
    await first.getByRole('link', { name: 'Start' }).click();
    // On a page of one question each answer is a button that saves it and goes on.
    await first.getByRole('group', { name: 'I feel safe' }).locator('button[value="yes"]').click();
    await first.waitForURL(/\/answer\/2$/);
    await first.context().close();

    // Another day, another phone: the same code comes back to the same answers.
    const later = await family({ javaScriptEnabled: false });
    await startWithCode(later, { portalUrl: stack.portalUrl!, slug: 'northvale', code: code.toLowerCase(), lang: 'en' });
    expect(await later.locator('main').innerText()).toContain('Welcome back. Your answers so far are saved.');
    await later.getByRole('link', { name: 'Carry on' }).click();
    await later.waitForURL(/\/answer\/2$/);
    await later.getByRole('link', { name: 'Back' }).click();
    expect(await later.locator('button.choice--chosen').getAttribute('value')).toBe('yes');
  });

  it('roles without engagement are refused, and practitioners cannot create activities or see alerts', async () => {
    const nav = async (page: Page) => {
      await page.goto(`${stack.portalUrl}/`);
      return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    };
    const practitioner = await staff('practitioner@northvale.example');
    expect(await nav(practitioner)).toContain('Engagement');
    expect(await nav(practitioner)).not.toContain('Alerts');
    expect(await nav(await staff('manager@northvale.example'))).toEqual(expect.arrayContaining(['Engagement', 'Alerts']));
    expect((await practitioner.goto(`${stack.portalUrl}/engagement/new`))?.status()).toBe(403);
    expect((await practitioner.goto(`${stack.portalUrl}/alerts`))?.status()).toBe(403);
    const admin = await staff('admin@northvale.example');
    expect(await nav(admin)).not.toContain('Engagement');
    expect((await admin.goto(`${stack.portalUrl}/engagement`))?.status()).toBe(403);
  });
});

describe('codes that will not open the questions', () => {
  it('an unknown code is explained beside the box, and so is a code of another authority, either way', async () => {
    const page = await codeRefusedPage();
    for (const [slug, code] of [
      ['northvale', 'ABCD-EFGH'],
      ['northvale', 'SM47-SAYS'],
      ['southmoor', 'NV47-SAYS'],
    ] as const) {
      await page.goto(`${stack.portalUrl}/have-your-say/${slug}`);
      await page.getByLabel('Your code').fill(code);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.locator('.error-message, [id$="-error"]').filter({ hasText: 'We cannot find that code' }).first().waitFor();
      expect(new URL(page.url()).pathname).toBe(`/have-your-say/${slug}`);
      expect(await page.locator('main').innerText()).toContain('We cannot find that code');
      expect(await page.getByLabel('Your code').inputValue()).toBe(code);
    }
    expect(await page.locator('header').innerText()).toContain('Southmoor Borough Council');
  });

  it('a session opened in one authority’s area opens nothing in another’s', async () => {
    const page = await family();
    await startWithCode(page, { portalUrl: stack.portalUrl!, slug: 'northvale', code: 'NV47-SAYS', lang: 'en' });
    await page.goto(`${stack.portalUrl}/have-your-say/southmoor/answer/1`);
    await page.waitForURL(/\/have-your-say\/southmoor\/problem\/session-expired$/);
    expect(await h1(page)).toBe('You were away for a while');
    const cookies = await page.context().cookies(`${stack.portalUrl}/have-your-say/southmoor/answer`);
    expect(cookies.map((c) => c.name)).not.toContain('hys_session');
    const own = await page.context().cookies(`${stack.portalUrl}/have-your-say/northvale/answer`);
    expect(own.find((c) => c.name === 'hys_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/have-your-say/northvale' });
  });

  it('too many tries with one code shows its own page', async () => {
    const issued = await stack.api('qa@northvale.example', '/v1/engagement/activities/nv-engage-ages-8-10/codes', {
      method: 'POST',
      body: JSON.stringify({ kind: 'single-use', expiresOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) }),
    });
    expect(issued.status).toBe(201);
    const { code } = (await issued.json()) as { code: string };
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i++) {
      status = (await stack.api(null, '/v1/public/northvale/sessions', { method: 'POST', body: JSON.stringify({ code }) })).status;
    }
    expect(status).toBe(429);
    const page = await codeRefusedPage();
    await page.goto(`${stack.portalUrl}/have-your-say/northvale/start?code=${code}`);
    await page.waitForURL(/\/problem\/too-many-responses$/);
    expect(await h1(page)).toBe('Too many tries');
  });
});
