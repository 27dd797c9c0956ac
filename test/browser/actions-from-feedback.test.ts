/**
 * Raising an action from feedback in the browser, axe on every page: a QA
 * officer reads a comment on an authority-wide activity, follows "Raise an action", chooses the
 * team first (and can change it), is offered only that team's staff as owner, is told what is
 * missing, and lands on the new action, which says it was raised from feedback, links back to
 * the results and names no case. An activity with a team goes straight to the details.
 * Walked once: the portal sends no script and its policy forbids any, and the axe check
 * refuses a page that carries one, so this walk is also the walk without JavaScript.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { nv } from '../api/api-client.ts';
import { issueCode, newActivity, saveAnswers, savedOk, startSession, submit } from '../api/engagement-support.ts';
import { fillDate, londonDay } from './audits-steps.ts';

let activityId: string;
let teamActivityId: string;

const TITLE = 'Winter check-in';
const COMMENT = 'I never know who my worker is this month';
const TEAM_TITLE = 'Assessment team check-in';
const TEAM_COMMENT = 'The first visit took weeks to happen';
const TEAM_QUESTION = 'Which team is the action for?';

useBrowserStack();

/** One page per person from test to test. */
const pageAs = reusedPages();

beforeAll(async () => {
  activityId = (await newActivity(stack, nv('qa'), { title: TITLE })).id;
  // Through a code linked to a case: the action must still name no case.
  const code = await issueCode(stack, nv('practitioner'), activityId, { kind: 'single-use', caseRef: 'NV-00005' });
  const session = await startSession(stack, 'northvale', { code: code.code });
  await savedOk(await saveAnswers(stack, 'northvale', session.token, { 'tell-us-more': { couldBeBetter: COMMENT } }));
  expect((await savedOk(await submit(stack, 'northvale', session.token))).state).toBe('submitted');
  teamActivityId = (await newActivity(stack, nv('qa'), { title: TEAM_TITLE, teamId: 'assessment', publicLink: true })).id;
  const teamSession = await startSession(stack, 'northvale', { activityId: teamActivityId });
  await savedOk(await saveAnswers(stack, 'northvale', teamSession.token, { 'tell-us-more': { couldBeBetter: TEAM_COMMENT } }));
  expect((await savedOk(await submit(stack, 'northvale', teamSession.token))).state).toBe('submitted');
});

/** The names a team's owner list should offer: its active staff, tenant admins aside. */
async function teamStaffNames(teamId: string): Promise<string[]> {
  const response = await stack.api(nv('qa'), `/v1/users?team=${teamId}&limit=100`);
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as { items: { name: string; active: boolean; role: string }[] };
  return items
    .filter((u) => u.active && u.role !== 'admin')
    .map((u) => u.name)
    .sort((a, b) => a.localeCompare(b));
}

async function ownerNames(page: Page): Promise<string[]> {
  const labels = await page.getByLabel('Owner', { exact: true }).locator('option').allInnerTexts();
  return labels.filter((label) => label !== 'Choose an owner').sort((a, b) => a.localeCompare(b));
}

const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${stack.portalUrl}${path}`);
  await expectNoAxeViolations(page);
}

describe('raising an action from a comment', () => {
  const comments = () => `/engagement/${activityId}/results/comments`;
  let actionPath = '';

  it('offers it on each comment: the team first, then only that team’s staff as owners, then the new action’s page, axe on each step and its errors', async () => {
    const page = await pageAs(nv('qa'));
    await open(page, comments());
    await page
      .locator('form.comment')
      .filter({ hasText: COMMENT })
      .getByRole('link', { name: /Raise an action/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Raise an action');
    await expect(page.locator('blockquote').innerText()).resolves.toBe(COMMENT);
    await expect(page.getByRole('group', { name: TEAM_QUESTION }).count()).resolves.toBe(1);
    await expect(page.getByLabel('Owner', { exact: true }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(page).innerText()).resolves.toContain('Select the team the action is for');
    await expect(page.title()).resolves.toMatch(/^Error: /);
    await expectNoAxeViolations(page);

    // Assessment first, then changed to Child in Need: each time the owners are that team's alone.
    await page.getByLabel('Assessment').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.summary-list').innerText()).resolves.toContain('Assessment');
    const assessment = await teamStaffNames('assessment');
    await expect(ownerNames(page)).resolves.toEqual(assessment);
    await page.getByRole('link', { name: 'Change team' }).click();
    await expect(page.getByLabel('Assessment').isChecked()).resolves.toBe(true);
    await page.getByLabel('Child in Need').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\?team=child-in-need$/);
    await expect(page.getByRole('link', { name: 'Change team' }).count()).resolves.toBe(1);
    const childInNeed = await teamStaffNames('child-in-need');
    expect(childInNeed).toContain('Priya Shah');
    expect(childInNeed).not.toEqual(assessment);
    await expect(ownerNames(page)).resolves.toEqual(childInNeed);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Raise action' }).click();
    const problems = await errorSummary(page).innerText();
    for (const message of ['Say what must happen', 'Select who owns the action', 'Enter the date the action is due']) expect(problems).toContain(message);
    expect(problems).not.toContain('Select the team the action is for');
    await expect(page.title()).resolves.toMatch(/^Error: /);
    // A failed post keeps the team chosen and its owners.
    await expect(page.locator('.summary-list').innerText()).resolves.toContain('Child in Need');
    await expect(ownerNames(page)).resolves.toEqual(childInNeed);
    await expectNoAxeViolations(page);

    await page.getByLabel('What did the feedback tell you? (optional)').fill('Children are not told when their worker changes.');
    await page.getByLabel('What must happen?').fill('Write to each child when their worker changes, with the new worker’s name and number.');
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Priya Shah' });
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

    const raised = (await (await stack.api(nv('qa'), `/v1${actionPath}`)).json()) as { teamId: string; ownerId: string };
    expect(raised).toMatchObject({ teamId: 'child-in-need', ownerId: 'nv-practitioner' });

    await page.locator('.caption').getByRole('link', { name: TITLE }).click();
    await page.waitForURL(new RegExp(`/engagement/${activityId}/results$`));
  });

  it('shows the new action to its owner, on a page that passes axe', async () => {
    expect(actionPath).toMatch(/^\/actions\//);
    const page = await pageAs(nv('practitioner'));
    await open(page, actionPath);
    await expect(page.locator('.caption').innerText()).resolves.toBe(`Raised from feedback: ${TITLE}`);
    await open(page, '/actions');
    await expect(page.getByRole('link', { name: 'Write to each child when their worker changes' }).count()).resolves.toBe(1);
  });

  it('goes straight to the details for an activity with a team, offering that team’s staff', async () => {
    const assessment = await teamStaffNames('assessment');
    expect(assessment.length).toBeGreaterThan(0);
    const page = await pageAs(nv('qa'));
    await open(page, `/engagement/${teamActivityId}/results/comments`);
    await page
      .locator('form.comment')
      .filter({ hasText: TEAM_COMMENT })
      .getByRole('link', { name: /Raise an action/ })
      .click();
    await expect(page.locator('blockquote').innerText()).resolves.toBe(TEAM_COMMENT);
    await expect(page.getByRole('group', { name: TEAM_QUESTION }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Change team' }).count()).resolves.toBe(0);
    await expect(ownerNames(page)).resolves.toEqual(assessment);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Raise action' }).click();
    const problems = await errorSummary(page).innerText();
    expect(problems).toContain('Say what must happen');
    expect(problems).not.toContain('Select the team the action is for');
    await expectNoAxeViolations(page);

    // The failed post offers the same owners, and the action is raised from it.
    await expect(ownerNames(page)).resolves.toEqual(assessment);
    await page.getByLabel('What must happen?').fill('Offer a first visit within five working days of the referral.');
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: assessment[0]! });
    await fillDate(page, 'dueDate', londonDay(21));
    await page.getByRole('button', { name: 'Raise action' }).click();
    await page.waitForURL(/\/actions\/[^/?]+\?raised$/);
    await expect(page.locator('.caption').innerText()).resolves.toBe(`Raised from feedback: ${TEAM_TITLE}`);
    await expect(page.locator('.summary-list').innerText()).resolves.toContain(assessment[0]!);
  });
});
