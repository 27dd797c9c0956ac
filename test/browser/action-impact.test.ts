/**
 * The re-audit's question about each of the previous audit's actions, in the browser: the
 * manager running the demo re-audit sees which actions are not answered yet, is told when no
 * answer is chosen, answers with JavaScript off, and sees the answer on the re-audit and the
 * action. When someone else answered first, nothing is saved, what was typed is kept, and
 * saving again (now on the latest version) replaces the answer. Axe on every page with scripts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoAudits } from '@waypoint/functions/local/seed/demo-audits';
import { sourceAuditId } from '@waypoint/shared/actions/action-schemas';
import { NORTHVALE } from '../api/api-client.ts';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';

const MANAGER = 'manager@northvale.example';
const DEMO = demoAudits(NORTHVALE, new Date());
const INADEQUATE = DEMO.audits.find((a) => a.overallGrade === 'inadequate')!;
const REAUDIT = `re-${INADEQUATE.id}`;
const [FIRST, SECOND] = DEMO.actions.filter((a) => sourceAuditId(a) === INADEQUATE.id);

useBrowserStack();

const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });
const followUp = (page: Page) => page.getByRole('region', { name: 'The audit this re-audit follows up' });
const rowOf = (page: Page, description: string) => followUp(page).getByRole('row').filter({ hasText: description });
const formPath = (actionId: string) => `/audits/${REAUDIT}/actions/${actionId}/impact`;

describe('did the previous audit’s actions make a difference', () => {
  it('lists each action on the re-audit with its answer, and asks for one when none is chosen', async () => {
    expect(FIRST && SECOND).toBeTruthy();
    const page = await signedIn.pageAs(MANAGER);
    await page.goto(`${stack.portalUrl}/audits/${REAUDIT}`);
    await expect(followUp(page).getByRole('columnheader', { name: 'Difference for the child' }).count()).resolves.toBe(1);
    await expect(rowOf(page, FIRST!.description).innerText()).resolves.toContain('Not answered yet');
    await expectNoAxeViolations(page);

    await rowOf(page, FIRST!.description)
      .getByRole('link', { name: /^Answer/ })
      .click();
    await page.waitForURL(`**${formPath(FIRST!.id)}`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Did it make a difference for the child?');
    await expect(page.getByRole('group', { name: 'Did the action make a difference for the child?' }).getByRole('radio').count()).resolves.toBe(4);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save the answer' }).click();
    await expect(errorSummary(page).innerText()).resolves.toContain('Say whether it made a difference for the child');
    await expect(page.title()).resolves.toMatch(/^Error: /);
    await expectNoAxeViolations(page);
  });

  it('saves an answer with JavaScript off, shown on the re-audit and on the action', async () => {
    const page = await signedIn.pageAs(MANAGER, { javaScriptEnabled: false });
    await page.goto(`${stack.portalUrl}${formPath(FIRST!.id)}`);
    await page.getByLabel('Partly').check();
    await page.getByLabel('What makes you say so? (optional)').fill('The father is now in the plan, but the school has not been asked.');
    await page.getByRole('button', { name: 'Save the answer' }).click();
    await page.waitForURL(new RegExp(`/audits/${REAUDIT}\\?impact`));
    await expect(page.getByRole('status').innerText()).resolves.toContain('Your answer about the action has been saved');
    await expect(rowOf(page, FIRST!.description).innerText()).resolves.toContain('Partly');
    await expect(
      rowOf(page, FIRST!.description)
        .getByRole('link', { name: /^Change the answer/ })
        .count(),
    ).resolves.toBe(1);
    await page.goto(`${stack.portalUrl}/actions/${FIRST!.id}`);
    await expect(page.locator('.summary-list').innerText()).resolves.toContain('Partly: The father is now in the plan, but the school has not been asked.');
  });

  it('keeps what was typed when someone else answered first, and saves it on a second try', async () => {
    const [mine, theirs] = await Promise.all([signedIn.pageAs(MANAGER, { javaScriptEnabled: false }), signedIn.pageAs('qa@northvale.example', { javaScriptEnabled: false })]);
    await Promise.all([mine.goto(`${stack.portalUrl}${formPath(SECOND!.id)}`), theirs.goto(`${stack.portalUrl}${formPath(SECOND!.id)}`)]);
    await theirs.getByLabel('Yes').check();
    await theirs.getByRole('button', { name: 'Save the answer' }).click();
    await theirs.waitForURL(/\?impact/);

    await mine.getByLabel('Too early to tell').check();
    await mine.getByLabel('What makes you say so? (optional)').fill('The new plan started last week.');
    await mine.getByRole('button', { name: 'Save the answer' }).click();
    await expect(mine.getByRole('alert').filter({ hasText: 'Someone else changed this action' }).count()).resolves.toBe(1);
    await expect(mine.getByLabel('Too early to tell').isChecked()).resolves.toBe(true);
    await expect(mine.getByLabel('What makes you say so? (optional)').inputValue()).resolves.toBe('The new plan started last week.');
    await expect(mine.locator('.summary-list').innerText()).resolves.toContain('Answer saved');

    await mine.getByRole('button', { name: 'Save the answer' }).click();
    await mine.waitForURL(/\?impact/);
    await expect(rowOf(mine, SECOND!.description).innerText()).resolves.toContain('Too early to tell');
  });
});
