/**
 * The template editor: a QA officer edits the Journey of the Child with plain form posts
 * (renames a section, removes, adds and moves questions, makes one a choice with options,
 * moves a section), is asked for a missing wording, previews and publishes version 2; an
 * audit started earlier still shows version 1 and a new one version 2. axe runs on the editor
 * and the preview in that walk, and on the list, a template and the copy flow. Walked once:
 * the portal sends no script and its policy forbids any, and the axe check refuses a page that
 * carries one, so this walk is also the walk without JavaScript.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';

const QA = 'qa@northvale.example';
const TEMPLATE = 'journey-of-the-child';
const RENAMED = '1. Case summary, history and chronology';
/** An audit of the template already in progress before the new version, from the demo data. */
let startedAuditId = '';

useBrowserStack();

/** The QA officer's one page, taken from test to test. */
const reused = reusedPages();
const qaPage = () => reused(QA);

beforeAll(async () => {
  const open = (await (await stack.api(QA, '/v1/audits?state=in-progress&limit=100')).json()) as { items: { id: string; templateId: string; templateVersion: number }[] };
  startedAuditId = open.items.find((a) => a.templateId === TEMPLATE && a.templateVersion === 1)!.id;
});

const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });
const openSection = (page: Page, n: number) => page.locator(`#section-${n} > summary`).click();
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

describe('a QA officer publishes a new version', () => {
  it('edits the draft with plain form posts, is asked for what is missing, previews and publishes', async () => {
    const page = await qaPage();
    await page.goto(`${stack.portalUrl}/templates`);
    await page.getByRole('link', { name: 'Edit Journey of the Child monthly audit' }).click();
    await page.waitForURL(`**/templates/${TEMPLATE}/edit`);
    expect(await page.title()).toBe('Edit version 2 of Journey of the Child monthly audit – Templates – Waypoint');
    expect(await page.getByText('Audits in progress use version 1').count()).toBe(1);

    // Rename the first section and remove its last question: the new title survives the post.
    await openSection(page, 0);
    await expectNoAxeViolations(page);
    await page.getByLabel('Title of section 1', { exact: true }).fill(RENAMED);
    const before = await page.locator('#section-0 fieldset.draft-question').count();
    await button(page, `Remove question ${before} in section 1`).click();
    expect(await page.locator('#section-0 fieldset.draft-question').count()).toBe(before - 1);
    expect(await page.getByLabel('Title of section 1', { exact: true }).inputValue()).toBe(RENAMED);

    // Add a question and preview before writing it: the problem links to its wording.
    await button(page, `Add a question to section 1: ${RENAMED}`).click();
    expect(new URL(page.url()).hash).toBe(`#section-0-question-${before - 1}`);
    await button(page, 'Preview version 2').first().click();
    await errorSummary(page).waitFor();
    const missing = errorSummary(page).getByRole('link', { name: `Enter the wording of question ${before} in section 1` });
    expect(await missing.getAttribute('href')).toBe(`#sections-0-questions-${before - 1}-label`);

    // Word it, make it a choice, move it up: the options box appears with the choice.
    await page.getByLabel(`Wording of question ${before} in section 1`, { exact: true }).fill('Is the genogram up to date?');
    await page.getByLabel(`Type of answer to question ${before} in section 1`, { exact: true }).selectOption('choice');
    await page.getByLabel(`Question ${before} in section 1 must be answered`).check();
    await button(page, `Move up question ${before} in section 1`).click();
    const moved = before - 1;
    expect(await page.getByLabel(`Wording of question ${moved} in section 1`, { exact: true }).inputValue()).toBe('Is the genogram up to date?');
    await page.getByLabel(`Options for question ${moved} in section 1, one on each line`).fill('Yes, up to date\nOut of date\nThere is none');
    await page.getByLabel('Guidance prompts for section 1 (optional)', { exact: true }).fill('Is there a chronology, and is it up to date?\nIs there a genogram that names who matters to the child?');

    // Move the second section below the third.
    await openSection(page, 1);
    await button(page, 'Move section down (section 2: 2. Help and protection)').click();
    expect(await page.locator('#section-1 .draft-section__title').innerText()).toBe('3. Assessment');
    expect(await page.locator('#section-2 .draft-section__title').innerText()).toBe('2. Help and protection');

    await button(page, 'Preview version 2').first().click();
    await page.getByRole('heading', { level: 1, name: 'Preview version 2' }).waitFor();
    expect(await page.getByRole('heading', { level: 3, name: RENAMED }).count()).toBe(1);
    const choice = page.getByRole('group', { name: 'Is the genogram up to date?' });
    expect(await choice.getByRole('radio').count()).toBe(3);
    expect(await choice.getByRole('radio', { name: 'Out of date' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page);

    await button(page, 'Publish version 2').click();
    await page.waitForURL(`**/templates/${TEMPLATE}?published=2`);
    expect(await page.getByRole('status').innerText()).toContain('Version 2 published');
    expect(await page.getByText('Audits in progress use version 1').count()).toBe(1);
  });

  it('leaves an audit started earlier on version 1, while a new audit uses version 2', async () => {
    const page = await qaPage();
    await page.goto(`${stack.portalUrl}/audits/${startedAuditId}`);
    expect(await page.getByLabel('Audit details').innerText()).toContain('Journey of the Child monthly audit, version 1');
    expect(await page.getByRole('heading', { name: '1. Case summary and history' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: RENAMED }).count()).toBe(0);

    const planned = await stack.api(QA, '/v1/audits', { method: 'POST', body: JSON.stringify({ caseRef: 'NV-00030', templateId: TEMPLATE }) });
    expect(planned.status).toBe(201);
    const { id } = (await planned.json()) as { id: string };
    await page.goto(`${stack.portalUrl}/audits/${id}`);
    expect(await page.getByLabel('Audit details').innerText()).toContain('Journey of the Child monthly audit, version 2');
    expect(await page.getByRole('heading', { name: RENAMED }).count()).toBeGreaterThan(0);
  });
});

describe('the other template pages', () => {
  it('has no axe violations on the list, a template and the copy flow, and edits version 3 next', async () => {
    const page = await qaPage();
    await page.goto(`${stack.portalUrl}/templates`);
    await expectNoAxeViolations(page);
    await page.goto(`${stack.portalUrl}/templates/${TEMPLATE}?version=1`);
    expect(await page.title()).toBe('Journey of the Child monthly audit, version 1 – Templates – Waypoint');
    await expectNoAxeViolations(page);

    // The editor and its preview passed axe in the walk above.
    await page.goto(`${stack.portalUrl}/templates/${TEMPLATE}/edit`);
    expect(await page.title()).toBe('Edit version 3 of Journey of the Child monthly audit – Templates – Waypoint');
    expect(await button(page, 'Preview version 3').count()).toBeGreaterThan(0);

    await page.goto(`${stack.portalUrl}/templates/${TEMPLATE}/copy`);
    await page.getByLabel('Id of the new template').fill('Neglect audit');
    await button(page, 'Copy template').click();
    await errorSummary(page).waitFor();
    expect(await errorSummary(page).getByRole('link', { name: 'Use lower-case letters, digits and hyphens (at most 64)' }).getAttribute('href')).toBe('#templateId');
    await expectNoAxeViolations(page);
    await page.getByLabel('Id of the new template').fill('neglect-audit');
    await page.getByLabel('Name', { exact: true }).fill('Neglect thematic audit');
    await button(page, 'Copy template').click();
    await page.waitForURL('**/templates/neglect-audit?copied=1');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Neglect thematic audit');
    expect(await page.getByRole('heading', { level: 3, name: RENAMED }).count()).toBe(1);
    await expectNoAxeViolations(page);
  });
});
