/** Steps the audit browser tests share: filling the GOV.UK date boxes and answering a section as a manager would. */
import type { Page } from 'playwright-core';

const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today, or `days` from today, in Europe/London, as the three boxes want it. */
export function londonDay(days = 0): { day: string; month: string; year: string; iso: string } {
  const iso = LONDON.format(new Date(Date.now() + days * 86_400_000));
  const [year, month, day] = iso.split('-') as [string, string, string];
  return { day: String(Number(day)), month: String(Number(month)), year, iso };
}

/** Fills a date input whose day box has `id` (the month and year boxes follow the pattern). */
export async function fillDate(page: Page, id: string, date: { day: string; month: string; year: string }): Promise<void> {
  await page.locator(`#${id}`).fill(date.day);
  await page.locator(`#${id}-month`).fill(date.month);
  await page.locator(`#${id}-year`).fill(date.year);
}

/** Evidenced, commentary, grade with its reason and the difference for the child: a Journey of the Child section. */
export async function answerGradedSection(page: Page, sectionId: string, grade: string): Promise<void> {
  await page.locator(`#answers-${sectionId}-evidenced`).check();
  await page.getByLabel('Evidence and commentary', { exact: true }).fill(`What the record shows for ${sectionId}.`);
  await page.getByRole('group', { name: 'Grade for this section' }).getByLabel(grade, { exact: true }).check();
  await page.getByLabel('Reason for the grade', { exact: true }).fill(`Why ${grade.toLowerCase()} for ${sectionId}.`);
  await page.getByLabel('What difference did this make for the child?', { exact: true }).fill(`The child's experience in ${sectionId}.`);
}

export async function saveAndContinue(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save and continue' }).click();
}

/** The path the browser is on, without the origin. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}
