/**
 * Staying safe, end to end: a practitioner gives a family a code for their case; the child
 * answers on a 320 px phone with JavaScript off, in Welsh, says they do not feel safe and
 * sees where to get help at once; the duty contact's outbox has the alert; the team
 * manager finds it on the Alerts page, with the response and the case, and records what
 * was done until it is closed. Worrying words in free text, anonymously, alert too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formAges8To10 } from '@waypoint/shared/engagement/forms/children-forms';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { answerEveryPage, expectNoSidewaysScroll, htmlLang, phoneContext, startWithCode } from './engagement-steps.ts';

let settings: { dutyPhone: string; dutyContactEmail: string };

useBrowserStack();

/** One page per member of staff, taken from test to test; every test goes to its own first page. The child and the young person are first visits, in contexts of their own. */
const pageAs = reusedPages();

beforeAll(async () => {
  settings = (await (await stack.api('qa@northvale.example', '/v1/settings')).json()) as typeof settings;
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

describe('a child who does not feel safe', () => {
  let alertPath = '';

  it('answers in Welsh on a phone with JavaScript off and is shown help at once, before going on', async () => {
    const worker = await pageAs('practitioner@northvale.example');
    await worker.goto(`${stack.portalUrl}/engagement/nv-engage-ages-8-10/codes`);
    await worker.getByLabel('Case reference (single use, optional)').fill('NV-00004');
    await worker.getByRole('button', { name: 'Issue code' }).click();
    await worker.waitForURL(/\?issued=/);
    const code = /Code: ([A-Z2-9-]{9})/.exec(await worker.getByRole('status').innerText())![1]!;

    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const child = await context.newPage();
    await startWithCode(child, { portalUrl: stack.portalUrl!, slug: 'northvale', code, lang: 'cy' });
    await child.getByRole('link', { name: 'Dechrau' }).click();
    await child.getByRole('group', { name: 'Rwy’n teimlo’n ddiogel' }).getByRole('button', { name: 'Nac ydw', exact: true }).click();

    await child.waitForURL(/\/help\?continue=2$/);
    expect(await htmlLang(child)).toBe('cy');
    expect(await h1(child)).toBe('Mae help ar gael');
    const help = await child.locator('main').innerText();
    expect(help).toContain('Diolch am ddweud wrthon ni');
    expect(help).toContain('Os wyt ti mewn perygl nawr');
    for (const number of ['999', '0800 1111', settings.dutyPhone]) expect(await child.getByRole('link', { name: number, exact: true }).count()).toBe(1);
    expect(await child.getByRole('link', { name: '999', exact: true }).getAttribute('href')).toBe('tel:999');
    await expectNoSidewaysScroll(child);

    await child.getByRole('link', { name: 'Mynd ymlaen â’r cwestiynau' }).click();
    await child.waitForURL(/\/answer\/2$/);
    expect(await child.getByRole('complementary').innerText()).toContain('0800 1111');
    // Back to page 1, answered already, then on through the rest without answering more.
    await child.getByRole('link', { name: 'Yn ôl' }).click();
    await answerEveryPage(child, { form: formAges8To10, pageBy: 'question', lang: 'cy', pick: () => undefined });
    await child.getByRole('button', { name: 'Anfon fy atebion' }).click();
    await child.waitForURL(/\/thank-you$/);
    expect(await child.locator('main').innerText()).toContain('0800 1111');
    await context.close();
  });

  it('reaches the duty contact’s outbox at once, naming the case but not what was said', async () => {
    const response = await stack.api('qa@northvale.example', '/v1/dev/outbox?limit=50');
    const { items } = (await response.json()) as { items: { to: string; subject: string; text: string }[] };
    const message = items.find((m) => m.to === settings.dutyContactEmail && m.text.includes('case NV-00004'));
    expect(message?.subject).toBe('Safety alert: a response to “Tell us how we are doing (ages 8 to 10)”');
    alertPath = /\/alerts\/[A-Za-z0-9]+/.exec(message!.text)![0];

    const page = await pageAs('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/dev/outbox`);
    expect(await page.locator('main').innerText()).toContain('The code was given for case NV-00004.');
  });

  it('is on the team manager’s Alerts page, open and first, with the response and the case', async () => {
    const page = await pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}/alerts`);
    expect(await h1(page)).toBe('Alerts');
    const open = page.getByRole('table', { name: 'Open alerts, newest first' });
    const first = await open.getByRole('row').nth(1).innerText();
    expect(first).toContain('NV-00004');
    expect(first).toContain('Said they do not feel safe');
    expect(first).toContain('New');
    await expectNoAxeViolations(page);

    await open.getByRole('row').nth(1).getByRole('link').click();
    await page.waitForURL(new RegExp(`${alertPath}$`));
    expect(await page.getByRole('link', { name: 'Case NV-00004' }).getAttribute('href')).toBe('/cases/NV-00004');
    const details = await page.getByLabel('Alert details').innerText();
    expect(details).toContain('Welsh');
    expect(details).toContain(settings.dutyContactEmail);
    const answers = await page.getByLabel('The response').innerText();
    expect(answers).toMatch(/I feel safe\s+No\s+Said they do not feel safe/);
    await expectNoAxeViolations(page);
  });

  it('staff record what they did, every action is listed, and closing it moves it off the open list', async () => {
    const page = await pageAs('manager@northvale.example');
    await page.goto(`${stack.portalUrl}${alertPath}`);
    await page.getByRole('button', { name: 'Record' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('Say what you did');
    await expectNoAxeViolations(page);

    await page.getByLabel('What you did').fill('Phoned the family and the school; a visit is booked for this afternoon.');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.waitForURL(/\?recorded=1$/);
    expect(await page.getByLabel('Alert details').innerText()).toContain('In hand');

    await page.getByLabel('What you did').fill('Visited; the child is safe at home and a strategy discussion is arranged.');
    await page.getByRole('group', { name: 'Afterwards, the alert is' }).getByLabel('Closed').check();
    await page.getByRole('button', { name: 'Record' }).click();
    await page.waitForURL(/\?recorded=1$/);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Phoned the family and the school');
    expect(main).toContain('Visited; the child is safe at home');
    expect(main).toMatch(/Morgan Ellis\. Afterwards: In hand\./);
    expect(main).toMatch(/Morgan Ellis\. Afterwards: Closed\./);
    expect(await page.getByLabel('Alert details').innerText()).toContain('Closed');

    await page.goto(`${stack.portalUrl}/alerts`);
    const open = page.getByRole('table', { name: 'Open alerts, newest first' });
    if (await open.count()) expect(await open.innerText()).not.toContain('NV-00004');
    expect(await page.getByRole('table', { name: 'The latest closed alerts, newest first' }).innerText()).toContain('NV-00004');
  });
});

describe('worrying words, anonymously', () => {
  it('free text with a listed phrase shows help at once and raises an anonymous alert', async () => {
    const context = await browser.newContext();
    const young = await context.newPage();
    await young.goto(`${stack.portalUrl}/have-your-say/northvale`);
    await young.getByRole('button', { name: /Your say on children’s services \(ages 11 to 18\)/ }).click();
    await young.waitForURL(/\/answer$/);
    await young.goto(`${stack.portalUrl}/have-your-say/northvale/answer/4`);
    await young.getByLabel('What could be better?').fill('Honestly I am scared to go home most nights');
    await young.getByRole('button', { name: 'Next' }).click();
    await young.waitForURL(/\/help\?continue=check$/);
    expect(await h1(young)).toBe('Help is here');
    await context.close();

    const page = await pageAs('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/alerts`);
    const first = await page.getByRole('table', { name: 'Open alerts, newest first' }).getByRole('row').nth(1).innerText();
    expect(first).toContain('Wrote words that may mean they are not safe');
    expect(first).toContain('Anonymous');
  });
});
