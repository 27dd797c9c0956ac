/**
 * Printable invitation cards: the A4 sheet and a single card show the code and the short
 * address, with a QR code drawn on the server as SVG; the QR, screenshotted as the browser
 * draws it and decoded, holds the start link with the code. axe runs on both.
 */
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expectNoAxeViolations } from '../support/browser.ts';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';

const ACTIVITY = 'nv-engage-ages-11-18';

useBrowserStack();

describe('invitation cards', () => {
  it('a sheet of cards carries each code, the short address and a QR code that decodes to the start link with the code', async () => {
    const page = await signedIn.pageAs('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/engagement/${ACTIVITY}/cards`);
    const card = page.locator('.card').filter({ hasText: 'NVTN-SAYS' });
    expect(await card.innerText()).toContain(`${new URL(stack.portalUrl!).host}/have-your-say/northvale`);
    const qr = card.locator('svg.qr');
    expect(await qr.count()).toBe(1);
    const png = PNG.sync.read(await qr.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`${stack.portalUrl}/have-your-say/northvale/start?code=NVTN-SAYS`);
    await expectNoAxeViolations(page);

    await page.goto(`${stack.portalUrl}/engagement/${ACTIVITY}/cards?code=NVTNSAYS`);
    expect(await page.locator('.card').count()).toBe(1);
    await expectNoAxeViolations(page);
  });
});
