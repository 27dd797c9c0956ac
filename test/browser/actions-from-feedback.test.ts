/**
 * Raising an action from feedback in the browser, JavaScript off and axe on every page: a QA
 * officer reads a comment on an authority-wide activity, follows "Raise an action", is told
 * what is missing, chooses the team, owner and due date, and lands on the new action, which
 * says it was raised from feedback, links back to the results and names no case.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { nv } from '../api/api-client.ts';
import { issueCode, newActivity, saveAnswers, savedOk, startSession, submit } from '../api/engagement-support.ts';
import { fillDate, londonDay } from './audits-steps.ts';

let activityId: string;

const TITLE = 'Winter check-in';
const COMMENT = 'I never know who my worker is this month';

useBrowserStack();

beforeAll(async () => {
  activityId = (await newActivity(stack, nv('qa'), { title: TITLE })).id;
  // Through a code linked to a case: the action must still name no case.
  const code = await issueCode(stack, nv('practitioner'), activityId, { kind: 'single-use', caseRef: 'NV-00005' });
  const session = await startSession(stack, 'northvale', { code: code.code });
  await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'tell-us-more': { couldBeBetter: COMMENT } }));
  expect((await savedOk(await submit(stack, 'northvale', session.token))).state).toBe('submitted');
}, 60_000);

const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${stack.portalUrl}${path}`);
  await expectNoAxeViolations(page);
}

describe('raising an action from a comment', () => {
  const comments = () => `/engagement/${activityId}/results/comments`;
  let actionPath = '';

  it('offers it on each comment, and the form and its errors pass axe', async () => {
    const page = await signedIn.pageAs(nv('qa'));
    await open(page, comments());
    await page.locator('form.comment').filter({ hasText: COMMENT }).getByRole('link', { name: /Raise an action/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Raise an action');
    await expect(page.locator('blockquote').innerText()).resolves.toBe(COMMENT);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Raise action' }).click();
    await expect(errorSummary(page).innerText()).resolves.toContain('Say what must happen');
    await expectNoAxeViolations(page);
  });

  it('works without JavaScript, from the comments page to the new action’s page', async () => {
    const page = await signedIn.pageAs(nv('qa'), { javaScriptEnabled: false });
    await page.goto(`${stack.portalUrl}${comments()}`);
    await page.locator('form.comment').filter({ hasText: COMMENT }).getByRole('link', { name: /Raise an action/ }).click();
    await page.getByRole('button', { name: 'Raise action' }).click();
    const problems = await errorSummary(page).innerText();
    for (const message of ['Select the team the action is for', 'Say what must happen', 'Select who owns the action', 'Enter the date the action is due']) expect(problems).toContain(message);
    await expect(page.title()).resolves.toMatch(/^Error: /);

    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Child in Need' });
    await page.getByLabel('What did the feedback tell you? (optional)').fill('Children are not told when their worker changes.');
    await page.getByLabel('What must happen?').fill('Write to each child when their worker changes, with the new worker’s name and number.');
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Priya Shah (Child in Need)' });
    await fillDate(page, 'dueDate', londonDay(14));
    await page.getByLabel('High').check();
    await page.getByRole('button', { name: 'Raise action' }).click();

    await page.waitForURL(/\/actions\/[^/?]+\?raised$/);
    actionPath = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Write to each child when their worker changes, with the new worker’s name and number.');
    await expect(page.getByRole('status').innerText()).resolves.toContain('Action raised');
    await expect(page.locator('.caption').innerText()).resolves.toBe(`Raised from feedback: ${TITLE}`);
    const summary = await page.locator('.summary-list').innerText();
    expect(summary).toContain('Children are not told when their worker changes.');
    expect(summary).toContain('Priya Shah');
    expect(summary).toContain('The service, not one child’s case');
    const body = await page.locator('main').innerText();
    expect(body).not.toContain('NV-00005');
    expect(body).not.toContain(COMMENT);

    await page.locator('.caption').getByRole('link', { name: TITLE }).click();
    await page.waitForURL(new RegExp(`/engagement/${activityId}/results$`));
  });

  it('shows the new action to its owner, on a page that passes axe', async () => {
    expect(actionPath).toMatch(/^\/actions\//);
    const page = await signedIn.pageAs(nv('practitioner'));
    await open(page, actionPath);
    await expect(page.locator('.caption').innerText()).resolves.toBe(`Raised from feedback: ${TITLE}`);
    await open(page, '/actions');
    await expect(page.getByRole('link', { name: 'Write to each child when their worker changes' }).count()).resolves.toBe(1);
  });
});
