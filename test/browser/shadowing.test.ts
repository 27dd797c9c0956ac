/**
 * Work shadowing in the browser, axe on every page: a manager books shadowing of a
 * practitioner's visit, the practitioner agrees, the family's consent is recorded, the manager
 * writes what they saw and both give feedback; each reads the other's only once both have
 * written. Leaders read the themes and what practitioners said leaders should change, without
 * names. The family's withdrawal stops it and removes what was seen. A post on a page read
 * before the other person's change shows the conflict and changes nothing. Pages are refused to
 * those they are not for, and the practitioner's steps work from the keyboard alone. Walked
 * once: the portal sends no script and its policy forbids any, and the axe check refuses a page
 * that carries one, so this walk is also the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { jsonInit, nv, sm } from '../api/api-client.ts';
import { fillDate, londonDay } from './audits-steps.ts';

useBrowserStack();

const PRACTITIONER_NAME = 'Priya Shah';
const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });
const main = (page: Page) => page.locator('main').innerText();

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${stack.portalUrl}${path}`);
  await expectNoAxeViolations(page);
}

const pageAs = reusedPages();

async function managerName(): Promise<string> {
  const response = await stack.api(nv('manager'), '/v1/me');
  return ((await response.json()) as { user: { name: string } }).user.name;
}

describe('a shadowing from booking to feedback', () => {
  const managerFeedback = 'You listened before you spoke';
  const practitionerAbout = 'You asked before you joined in';
  const forLeaders = 'Give us back the afternoon lost to forms';

  it('runs, with each side’s feedback kept from the other until both have written', async () => {
    const manager = await pageAs(nv('manager'));
    const practitioner = await pageAs(nv('practitioner'));
    const shadower = await managerName();
    const today = londonDay();

    // The manager books it; a blank form names every problem first.
    await open(manager, '/shadowing');
    await manager.getByRole('link', { name: 'Book shadowing' }).click();
    await expectNoAxeViolations(manager);
    await manager.getByRole('button', { name: 'Ask to shadow' }).click();
    await expect(errorSummary(manager).innerText()).resolves.toContain('Choose the practitioner whose work you will shadow');
    await expect(manager.title()).resolves.toMatch(/^Error: /);
    await expectNoAxeViolations(manager);
    await manager.getByLabel('Whose work will you shadow?').selectOption('nv-practitioner');
    await manager.getByLabel('A visit').check();
    await fillDate(manager, 'date', today);
    await manager.getByLabel('What time? (optional)').fill('9.30');
    await manager.getByLabel('What is the work?').fill('A home visit to review the plan');
    await manager.getByRole('button', { name: 'Ask to shadow' }).click();
    await manager.waitForURL(/\/shadowing\/[^/?]+\?booked$/);
    const path = new URL(manager.url()).pathname;
    await expect(main(manager)).resolves.toContain('Your request has been sent');
    await expect(main(manager)).resolves.toContain('at 09:30');
    await expectNoAxeViolations(manager);

    // The practitioner finds it waiting and agrees.
    await open(practitioner, '/shadowing');
    const waitingForMe = await practitioner.locator('table').first().innerText();
    expect(waitingForMe).toContain('Agree or decline');
    expect(waitingForMe).toContain(`${shadower} (shadowing you)`);
    await open(practitioner, path);
    await practitioner.getByRole('button', { name: 'Send your answer' }).click();
    await expect(errorSummary(practitioner).innerText()).resolves.toContain('Choose whether you agree to be shadowed');
    await expectNoAxeViolations(practitioner);
    await practitioner.getByLabel('Yes, I agree to be shadowed').check();
    await practitioner.getByRole('button', { name: 'Send your answer' }).click();
    await expect(main(practitioner)).resolves.toContain('You agreed to be shadowed');
    await expectNoAxeViolations(practitioner);

    // The family's consent: who (not a name), how, when.
    await practitioner.getByRole('link', { name: /Record consent/ }).click();
    await expectNoAxeViolations(practitioner);
    await practitioner.getByRole('button', { name: 'Record consent' }).click();
    await expect(errorSummary(practitioner).innerText()).resolves.toContain('Choose how consent was given');
    await expectNoAxeViolations(practitioner);
    await practitioner.getByLabel('Who agreed?').fill('The child’s father');
    await practitioner.getByLabel('In person').check();
    await fillDate(practitioner, 'givenOn', today);
    await practitioner.getByRole('button', { name: 'Record consent' }).click();
    await expect(main(practitioner)).resolves.toContain('in person, by: The child’s father');

    // The manager records what they saw, then their feedback.
    await open(manager, path);
    await manager.getByRole('link', { name: 'Record what you saw' }).click();
    await expectNoAxeViolations(manager);
    await manager.getByRole('button', { name: 'Save what you saw' }).click();
    await expect(errorSummary(manager).innerText()).resolves.toContain('Answer “What strengths did you see?”');
    await expectNoAxeViolations(manager);
    await manager.getByLabel('What strengths did you see?').fill('Warm and clear with everyone');
    await manager.getByLabel('What did you learn?', { exact: true }).fill('The visit form takes an hour');
    await manager.getByLabel('What did the child experience?').fill('They showed us their drawings');
    await manager.getByLabel('Yes', { exact: true }).check();
    await manager.getByLabel('Recording').check();
    await manager.getByRole('button', { name: 'Save what you saw' }).click();
    await expect(main(manager)).resolves.toContain('What you saw is saved');
    await manager.getByRole('link', { name: 'Give your feedback' }).click();
    await expectNoAxeViolations(manager);
    await expect(main(manager)).resolves.toContain(`You will see ${PRACTITIONER_NAME}’s feedback once you have both written`);
    await manager.getByLabel(`Your feedback for ${PRACTITIONER_NAME}`).fill(managerFeedback);
    await manager.getByRole('button', { name: 'Send your feedback' }).click();
    await expect(main(manager)).resolves.toContain('Your feedback is saved');
    await expect(main(manager)).resolves.toContain(managerFeedback);
    await expectNoAxeViolations(manager);

    // The practitioner cannot read it yet: only that it was written, and when they will.
    await open(practitioner, path);
    const waiting = await main(practitioner);
    expect(waiting).toContain(`${shadower} wrote theirs on`);
    expect(waiting).toMatch(/You will see it once you have both written your feedback, or on \d+ \w+ \d{4}/);
    expect(waiting).not.toContain(managerFeedback);
    expect(waiting).not.toContain('Warm and clear with everyone');
    await practitioner.getByRole('link', { name: 'Give your feedback' }).click();
    await expectNoAxeViolations(practitioner);
    await practitioner.getByRole('button', { name: 'Send your feedback' }).click();
    await expect(errorSummary(practitioner).innerText()).resolves.toContain('Say what leaders should change');
    await expectNoAxeViolations(practitioner);
    await practitioner.getByLabel(`How was being shadowed by ${shadower}?`).fill(practitionerAbout);
    await practitioner.getByLabel('What should leaders change?').fill(forLeaders);
    await practitioner.getByRole('button', { name: 'Send your feedback' }).click();

    // Both have written: each reads the other's.
    const revealed = await main(practitioner);
    expect(revealed).toContain('You can both read each other’s feedback');
    expect(revealed).toContain(managerFeedback);
    expect(revealed).toContain('Warm and clear with everyone');
    await expectNoAxeViolations(practitioner);
    await open(manager, path);
    await expect(main(manager)).resolves.toContain(practitionerAbout);
    await expect(main(manager)).resolves.toContain(forLeaders);

    // Leaders read the practitioner's words without a name.
    const senior = await pageAs(nv('senior'));
    await open(senior, '/shadowing/learning');
    const learning = await main(senior);
    expect(learning).toContain(forLeaders);
    expect(learning).not.toContain(PRACTITIONER_NAME);
    await senior.getByLabel('Period').selectOption('3');
    await senior.getByRole('button', { name: 'Show' }).click();
    await senior.waitForURL(/\?months=3$/);
    await expect(senior.getByLabel('Period').inputValue()).resolves.toBe('3');
    await expect(main(senior)).resolves.toContain(forLeaders);
    await expectNoAxeViolations(senior);
    await open(senior, '/shadowing/all');
    await senior.getByRole('link', { name: 'What shadowing teaches us' }).click();
    await senior.getByRole('link', { name: 'Raise an action on recording' }).click();
    await expectNoAxeViolations(senior);
    await senior.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(senior).innerText()).resolves.toContain('Select the team the action is for');
    await expectNoAxeViolations(senior);
    await senior.getByLabel('Child in Need').check();
    await senior.getByRole('button', { name: 'Continue' }).click();
    await senior.getByLabel('What must happen?').fill('One visit form, not three');
    await senior.getByLabel('Owner', { exact: true }).selectOption({ label: PRACTITIONER_NAME });
    await fillDate(senior, 'dueDate', londonDay(14));
    await senior.getByRole('button', { name: 'Raise action' }).click();
    await senior.waitForURL(/\/actions\/[^/?]+\?raised/);
    await expect(main(senior)).resolves.toContain('Work shadowing: recording');
    await expectNoAxeViolations(senior);
  });

  it('records the family’s withdrawal, which stops the shadowing and removes what was seen', async () => {
    const today = londonDay();
    const send = (email: string, path: string, method: 'POST' | 'PUT', body: unknown, version: number) => stack.api(email, path, jsonInit(method, body, { 'if-match': `"${version}"` }));
    const booked = await stack.api(nv('manager'), '/v1/shadowing', jsonInit('POST', { practitionerId: 'nv-practitioner', work: 'visit', date: today.iso, description: 'A visit' }));
    const { id } = (await booked.json()) as { id: string };
    expect((await send(nv('practitioner'), `/v1/shadowing/${id}/answer`, 'POST', { answer: 'agree' }, 1)).status).toBe(200);
    expect((await send(nv('practitioner'), `/v1/shadowing/${id}/consent`, 'PUT', { givenBy: 'The child’s mother', how: 'phone', givenOn: today.iso }, 2)).status).toBe(200);
    const seen = { strengths: { strengths: 'Seen before the withdrawal' }, learning: { learning: 'x' }, child: { childExperience: 'y' } };
    expect((await send(nv('manager'), `/v1/shadowing/${id}/observation`, 'PUT', { answers: seen, tags: [] }, 3)).status).toBe(200);
    const manager = await pageAs(nv('manager'));
    await open(manager, `/shadowing/${id}`);
    await expect(main(manager)).resolves.toContain('Seen before the withdrawal');
    await manager.getByRole('link', { name: /Record a withdrawal/ }).click();
    await expectNoAxeViolations(manager);
    await expect(main(manager)).resolves.toContain('stops the shadowing for good');
    await manager.getByRole('button', { name: 'Record the withdrawal' }).click();
    await expect(errorSummary(manager).innerText()).resolves.toContain('Choose how consent was withdrawn');
    await expectNoAxeViolations(manager);
    await manager.getByLabel('By phone').check();
    await fillDate(manager, 'withdrawnOn', today);
    await manager.getByRole('button', { name: 'Record the withdrawal' }).click();
    await manager.waitForURL(/\?withdrawn$/);
    const stopped = await main(manager);
    expect(stopped).toContain('Stopped: consent withdrawn');
    expect(stopped).not.toContain('Seen before the withdrawal');
    await expectNoAxeViolations(manager);
  });

  it('shows a conflict and changes nothing when the other person changed it first', async () => {
    const booked = await stack.api(nv('manager'), '/v1/shadowing', jsonInit('POST', { practitionerId: 'nv-practitioner', work: 'meeting', date: londonDay(3).iso, description: 'A core group' }));
    expect(booked.status).toBe(201);
    const { id } = (await booked.json()) as { id: string };
    const practitioner = await pageAs(nv('practitioner'));
    // The answer form as it stands is checked with axe in the first test; here only the conflict page is.
    await practitioner.goto(`${stack.portalUrl}/shadowing/${id}`);
    // The manager cancels while the practitioner is reading.
    expect((await stack.api(nv('manager'), `/v1/shadowing/${id}/cancel`, jsonInit('POST', {}, { 'if-match': '"1"' }))).status).toBe(200);
    await practitioner.getByLabel('Yes, I agree to be shadowed').check();
    await practitioner.getByRole('button', { name: 'Send your answer' }).click();
    await expect(practitioner.getByRole('alert').filter({ hasText: 'Someone else changed this shadowing' }).count()).resolves.toBe(1);
    await expect(main(practitioner)).resolves.toContain('Cancelled');
    await expectNoAxeViolations(practitioner);
  });
});

describe('who may open the shadowing pages', () => {
  async function status(email: string, path: string): Promise<number | undefined> {
    const page = await pageAs(email);
    return (await page.goto(`${stack.portalUrl}${path}`))?.status();
  }

  it('gives a student and an admin the 403 page, and practitioners no booking or leaders’ pages', async () => {
    for (const role of ['student', 'admin'] as const) expect(await status(nv(role), '/shadowing'), role).toBe(403);
    for (const path of ['/shadowing/new', '/shadowing/all', '/shadowing/learning', '/shadowing/learning/action?theme=recording']) expect(await status(nv('practitioner'), path), path).toBe(403);
  });

  it('answers "Page not found" to another authority’s staff and to a colleague who is neither of its two people', async () => {
    for (const path of ['/shadowing/nv-shadowing-1', '/shadowing/nv-shadowing-1/consent', '/shadowing/nv-shadowing-1/observation', '/shadowing/nv-shadowing-1/feedback']) {
      expect(await status(sm('manager'), path), path).toBe(404);
      expect(await status(nv('senior'), path), path).toBe(404);
    }
  });
});

describe('keyboard only', () => {
  /** Presses Tab until the element matching `selector` has focus, as someone without a mouse would. */
  async function tabTo(page: Page, selector: string): Promise<void> {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('lets the practitioner agree and record the family’s consent from the keyboard alone', async () => {
    const booked = await stack.api(nv('manager'), '/v1/shadowing', jsonInit('POST', { practitionerId: 'nv-practitioner', work: 'visit', date: londonDay(2).iso, description: 'A visit (keyboard)' }));
    const { id } = (await booked.json()) as { id: string };
    const page = await pageAs(nv('practitioner'));
    await page.goto(`${stack.portalUrl}/shadowing/${id}`);
    await tabTo(page, '#answer');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?agreed$/);
    await tabTo(page, 'a[href$="/consent"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/consent$/);
    await tabTo(page, '#givenBy');
    await page.keyboard.type('The child’s grandmother');
    await tabTo(page, '#how');
    await page.keyboard.press('Space');
    const today = londonDay();
    await tabTo(page, '#givenOn');
    await page.keyboard.type(today.day);
    await page.keyboard.press('Tab');
    await page.keyboard.type(today.month);
    await page.keyboard.press('Tab');
    await page.keyboard.type(today.year);
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?consent$/);
    await expect(main(page)).resolves.toContain('by: The child’s grandmother');
  });
});
