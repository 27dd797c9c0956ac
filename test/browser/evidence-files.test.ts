/**
 * Evidence files in the browser (each attach form posts the file straight to the storage
 * service, which sends the browser back to the portal to confirm it), axe on the pages: a
 * practitioner attaches a PDF to an action and records it as done; the manager opens the action,
 * sees the file, downloads it (the same bytes, under its own name) and verifies. The manager
 * attaches a file to another action: a renamed program is refused in words, and a PDF given no
 * name is called by its type and the day. The manager running an audit attaches a PDF to one of
 * its sections, and the audit's record lists it under that section. The case holder attaches a
 * named and an unnamed file to their own reflection, and the record lists them under it. Walked
 * once: the portal sends no script and its policy forbids any, and the axe check refuses a page
 * that carries one, so these walks are also the walks without JavaScript.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';
import { stack, useBrowserStack } from '../support/browser-suite.ts';
import { reusedPages } from '../support/reused-pages.ts';
import { exeBytes, pdfBytes } from '../api/files-support.ts';
import { demoAudits } from '@waypoint/functions/local/seed/demo-audits';
import { NORTHVALE } from '../api/api-client.ts';
import { fillDate, londonDay } from './audits-steps.ts';

const OWNER = 'practitioner@northvale.example';
const MANAGER = 'manager@northvale.example';
const PDF = pdfBytes('Safety plan signed by the family');
const done = { href: '', description: '' };

useBrowserStack();

/** One page per person, taken from test to test. */
const pageAs = reusedPages();

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${stack.portalUrl}${path}`);
  await expectNoAxeViolations(page);
}

/** The name the person gives the file: a page cannot read the chosen file's own name without a script. */
const nameIt = (page: Page, name: string) => page.getByLabel('Name for the file (optional)').fill(name);

const filesTable = (page: Page) => page.getByRole('table', { name: 'Files attached to this action' });

describe('evidence files', () => {
  it('lets the practitioner record an action as done with a PDF attached', async () => {
    const page = await pageAs(OWNER);
    await open(page, '/actions');
    const link = page
      .getByRole('table', { name: /My open actions/ })
      .locator('tbody tr')
      .first()
      .getByRole('link')
      .first();
    done.description = await link.innerText();
    done.href = (await link.getAttribute('href'))!;
    await open(page, done.href);
    await expect(page.getByText('No files are attached.').count()).resolves.toBe(1);
    // The file goes straight to the storage service, which sends the browser back to the action.
    await nameIt(page, 'Safety plan (signed).pdf');
    await page.getByLabel('Attach a file', { exact: true }).setInputFiles({ name: 'Safety plan (signed).pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('File attached');
    await page.getByLabel('What was done, and where is the evidence?').fill('Safety plan agreed and signed with the family; the signed copy is attached.');
    await fillDate(page, 'doneOn', londonDay());
    await page.getByRole('button', { name: 'Record as done' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('The action is recorded as done');
    const row = filesTable(page).locator('tbody tr');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.innerText()).resolves.toMatch(/Safety plan \(signed\)\.pdf\s+PDF\s+\d+ bytes\s+Ready/);
    await expectNoAxeViolations(page);
  });

  it('lets the manager open the action, download the file as it was and verify', async () => {
    const page = await pageAs(MANAGER);
    await open(page, done.href);
    const [download] = await Promise.all([page.waitForEvent('download'), filesTable(page).getByRole('link', { name: 'Safety plan (signed).pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('Safety plan (signed).pdf');
    expect((await readFile((await download.path())!)).equals(PDF)).toBe(true);
    await page.getByLabel('Note (optional)').fill('Signed plan seen.');
    await page.getByRole('button', { name: 'Verify the action' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('The action is verified');
    await expect(filesTable(page).innerText()).resolves.toContain('Safety plan (signed).pdf');
    await expectNoAxeViolations(page);
  });

  it('attaches a file to another action, refusing a renamed program in words and naming an unnamed PDF by its type and the day', async () => {
    const page = await pageAs(MANAGER);
    await page.goto(`${stack.portalUrl}/actions/team`);
    const href = (await page
      .getByRole('table', { name: /Open actions/ })
      .locator('tbody tr')
      .first()
      .getByRole('link')
      .first()
      .getAttribute('href'))!;
    await page.goto(`${stack.portalUrl}${href}`);
    await page.getByLabel('Attach a file', { exact: true }).setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: exeBytes() });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await expect(page.locator('section[aria-labelledby="evidence-files"] [role="alert"]').innerText()).resolves.toContain('Waypoint can keep PDFs, images');
    await expect(page.getByText('No files are attached.').count()).resolves.toBe(1);
    await page.getByLabel('Attach a file', { exact: true }).setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('File attached');
    // Given no name, it is called by its type and the day.
    await expect(filesTable(page).innerText()).resolves.toMatch(/PDF added \d{1,2} [A-Z][a-z]+ \d{4}\s+PDF/);
    await expect(
      filesTable(page)
        .getByRole('link', { name: /^PDF added/ })
        .getAttribute('href'),
    ).resolves.toMatch(/^\/actions\/[^/]+\/files\/[0-9A-Z]{26}$/);
  });

  it('lets the manager attach a PDF to a section of an audit in progress', async () => {
    const page = await pageAs(MANAGER);
    const inProgress = demoAudits(NORTHVALE, new Date()).audits.find((a) => a.teamId === 'child-in-need' && a.state === 'in-progress')!;
    await open(page, `/audits/${inProgress.id}/sections/planning-and-review`);
    await nameIt(page, 'Care plan review.pdf');
    await page.getByLabel('Attach a file', { exact: true }).setInputFiles({ name: 'Care plan review.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('File attached');
    const table = page.getByRole('table', { name: 'Files attached to this section' });
    await expect(table.innerText()).resolves.toMatch(/Care plan review\.pdf\s+PDF\s+\d+ bytes\s+Ready/);
    await expect(table.getByRole('link', { name: 'Care plan review.pdf' }).getAttribute('href')).resolves.toMatch(new RegExp(`^/audits/${inProgress.id}/sections/planning-and-review/files/[0-9A-Z]{26}$`));
    await expectNoAxeViolations(page);
    await open(page, `/audits/${inProgress.id}`);
    const onRecord = page.getByRole('table', { name: /Evidence files on .*Planning and review/i });
    await expect(onRecord.getByRole('link', { name: 'Care plan review.pdf' }).getAttribute('href')).resolves.toMatch(new RegExp(`^/audits/${inProgress.id}/sections/planning-and-review/files/[0-9A-Z]{26}$`));
  });

  it('wraps a long unbroken file name at 320 px without widening the page or breaking other names mid-word', async () => {
    const page = await pageAs(MANAGER);
    const inProgress = demoAudits(NORTHVALE, new Date()).audits.find((a) => a.teamId === 'child-in-need' && a.state === 'in-progress')!;
    const section = `/audits/${inProgress.id}/sections/planning-and-review`;
    await open(page, section);
    await nameIt(page, LONG_NAME);
    await page.getByLabel('Attach a file', { exact: true }).setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('File attached');
    const usual = page.viewportSize()!;
    await page.setViewportSize({ width: 320, height: 640 });
    try {
      // The section's own page and the audit's record, which lists the section's files too.
      for (const [path, table] of [
        [section, 'Files attached to this section'],
        [`/audits/${inProgress.id}`, /Evidence files on .*Planning and review/i],
      ] as const) {
        await open(page, path);
        const layout = await page.getByRole('table', { name: table }).evaluate(fileNameLayout, ['Care plan review.pdf', LONG_NAME]);
        expect(layout.pageOverflow, path).toBe(0);
        expect(layout.frameOverflow, path).toBe(0);
        expect(layout.names, path).toEqual([
          { name: 'Care plan review.pdf', brokenWords: [], insideFrame: true },
          { name: LONG_NAME, brokenWords: [LONG_NAME], insideFrame: true },
        ]);
      }
    } finally {
      // The manager's page goes on to the next test at its usual size.
      await page.setViewportSize(usual);
    }
  });
});

/** A name with nowhere to break but inside itself, wider than a 320 px screen. */
const LONG_NAME = 'SignedSafetyPlanForTheFamilyMeetingHeldOnTheThirdOfDecemberFinalVersion.pdf';

/**
 * Runs in the page, on a files table: how far the page and the table's frame scroll sideways,
 * and for each named file whether it sits inside the frame and which of its words are split
 * over two lines (a word laid out whole has one box).
 */
function fileNameLayout(table: HTMLTableElement, names: string[]) {
  const frame = table.closest('.table-wrapper')!;
  const right = frame.getBoundingClientRect().right;
  const links = [...table.querySelectorAll('a')];
  return {
    pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    frameOverflow: frame.scrollWidth - frame.clientWidth,
    names: names.map((name) => {
      const link = links.find((a) => a.textContent!.trim() === name)!;
      const text = link.firstChild!;
      const brokenWords: string[] = [];
      let at = text.textContent!.indexOf(name);
      for (const word of name.split(' ')) {
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        if (range.getClientRects().length > 1) brokenWords.push(word);
        at += word.length + 1;
      }
      return { name, brokenWords, insideFrame: link.getBoundingClientRect().right <= right + 0.5 };
    }),
  };
}

describe('evidence files on a reflection', () => {
  const mine = demoAudits(NORTHVALE, new Date()).reflections.filter((r) => r.authorId === 'nv-practitioner');

  it('lets the case holder attach a named and an unnamed PDF to their reflection, and the record lists both', async () => {
    const reflection = mine[0]!;
    const page = await pageAs(OWNER);
    await page.goto(`${stack.portalUrl}/audits/${reflection.auditId}`);
    await page.getByRole('link', { name: 'Attach a file to your reflection' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Your reflection');
    await expect(page.getByText('No files are attached.').count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
    const table = page.getByRole('table', { name: 'Files attached to this reflection' });
    // One named, one left unnamed, so it is called by its type and the day.
    await nameIt(page, 'Genogram.pdf');
    await page.getByLabel('Attach a file', { exact: true }).setInputFiles({ name: 'Genogram.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('File attached');
    await expect(table.innerText()).resolves.toMatch(/Genogram\.pdf\s+PDF\s+\d+ bytes\s+Ready/);
    await page.getByLabel('Attach a file', { exact: true }).setInputFiles({ name: 'Genogram.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('File attached');
    const unnamed = table.getByRole('link', { name: /^PDF added/ });
    await expect(unnamed.innerText()).resolves.toMatch(/^PDF added \d{1,2} [A-Z][a-z]+ \d{4}$/);
    await expect(table.innerText()).resolves.toMatch(/PDF added \d{1,2} [A-Z][a-z]+ \d{4}\s+PDF\s+\d+ bytes\s+Ready/);
    await expectNoAxeViolations(page);
    const autoName = await unnamed.innerText();
    await page.getByRole('link', { name: 'Back to the audit' }).click();
    const onRecord = page.getByRole('table', { name: 'Evidence files with this reflection' });
    for (const name of ['Genogram.pdf', autoName]) {
      await expect(onRecord.getByRole('link', { name }).getAttribute('href')).resolves.toMatch(new RegExp(`^/audits/${reflection.auditId}/reflections/${reflection.id}/files/[0-9A-Z]{26}$`));
    }
    const [download] = await Promise.all([page.waitForEvent('download'), onRecord.getByRole('link', { name: 'Genogram.pdf' }).click()]);
    expect((await readFile((await download.path())!)).equals(PDF)).toBe(true);
  });

  it('shows another reader the reflection’s files without a way to attach', async () => {
    const page = await pageAs(MANAGER);
    await open(page, `/audits/${mine[0]!.auditId}/reflections/${mine[0]!.id}`);
    await expect(page.getByRole('table', { name: 'Files attached to this reflection' }).innerText()).resolves.toContain('Genogram.pdf');
    await expect(page.getByLabel('Attach a file', { exact: true }).count()).resolves.toBe(0);
  });
});
