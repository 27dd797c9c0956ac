/**
 * Waiting for an import's job from its page. While the job works the page offers "Check
 * progress" (reloading it, as someone without JavaScript would, shows how far it has got).
 * The wait asks the API how the import stands, which costs the machine far less than a page
 * load, and reloads the page once the job is done; the page must then no longer offer the link.
 * Reloading every quarter of a second instead loaded the page some sixty times a file, in the
 * same two cores the job itself runs on.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestStack } from '../support/stack.ts';

const WORKING = ['reading', 'checking', 'importing'];

export async function waitForImportJob(page: Page, stack: TestStack, email: string): Promise<void> {
  const progress = page.getByRole('link', { name: 'Check progress' });
  if ((await progress.count()) === 0) return;
  const id = new URL(page.url()).pathname.split('/').pop()!;
  for (let i = 0; ; i++) {
    const response = await stack.api(email, `/v1/imports/${encodeURIComponent(id)}`);
    expect(response.status, `reading import ${id}`).toBe(200);
    const { status } = (await response.json()) as { status: string };
    if (!WORKING.includes(status)) break;
    if (i === 1200) throw new Error(`the import never finished (still ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await page.reload();
  expect(await progress.count(), 'the finished import still offers “Check progress”').toBe(0);
}
