/**
 * The axe check itself: it refuses a page with faults a person would meet (text too faint to
 * read, an image with no text alternative, a field with no label), naming each, and refuses a
 * page with a frame, which it would not look inside, or with a script of its own, which a
 * visitor without JavaScript would not get.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, useBrowserStack } from '../support/browser-suite.ts';

useBrowserStack();

const FAULTY = `<!doctype html><html lang="en"><head><title>Faults</title></head><body><main><h1>Faults</h1>
<p style="color:#bbb;background:#fff">Text too faint to read</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">
<form><input name="unlabelled"></form></main></body></html>`;

describe('the axe check', () => {
  it('refuses a page with faults, naming each rule it breaks', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent(FAULTY);
    const refusal = await expectNoAxeViolations(page).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(refusal).toMatch(/^axe found \d+ violation/);
    for (const rule of ['color-contrast', 'image-alt', 'label']) expect(refusal).toContain(`- ${rule} (`);
  });

  it('passes the same page with its faults put right', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent(FAULTY.replace('color:#bbb', 'color:#0b0c0c').replace('<img ', '<img alt="A dot" ').replace('<input ', '<label for="f">Name</label><input id="f" '));
    await expectNoAxeViolations(page);
  });

  it('refuses a page with a frame, which it would not look inside', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent(FAULTY.replace('</main>', '<iframe title="Inside" srcdoc="<p>Inside</p>"></iframe></main>'));
    await expect(expectNoAxeViolations(page)).rejects.toThrow(/has frames/);
  });

  it('refuses a page with a script or a noscript of its own', async () => {
    const page = await (await browser.newContext()).newPage();
    const fine = FAULTY.replace('color:#bbb', 'color:#0b0c0c').replace('<img ', '<img alt="A dot" ').replace('<input ', '<label for="f">Name</label><input id="f" ');
    for (const extra of ['<script>document.title = "Changed"</script>', '<noscript><p>Turn on JavaScript</p></noscript>']) {
      await page.setContent(fine.replace('</main>', `${extra}</main>`));
      await expect(expectNoAxeViolations(page)).rejects.toThrow(/carries script of its own/);
    }
  });
});
