/** The bench's page weight: every public engagement page in every language, gzipped HTML plus the same-origin CSS it links. */
import { gzipSync } from 'node:zlib';
import { ENGAGEMENT_LANGUAGES } from '@waypoint/shared/engagement/languages';

export interface PageWeight {
  language: string;
  path: string;
  bytes: number;
}

/** A tiny cookie jar: a family's browser, keeping the session cookie between requests. */
class Jar {
  private cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value = ''] = pair!.split('=');
      const gone = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (gone) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }
}

const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*>/g;

function gzipped(text: string): number {
  return gzipSync(text).length;
}

/** Fetches every engagement page in every language and weighs it; throws if a page does not answer as a family would see it. */
export async function weighEngagementPages(portalUrl: string, options: { slug: string; code: string }): Promise<PageWeight[]> {
  const origin = new URL(portalUrl).origin;
  const cssBytes = new Map<string, number>();
  const weights: PageWeight[] = [];
  const area = `/have-your-say/${options.slug}`;

  const cssWeight = async (html: string): Promise<number> => {
    let total = 0;
    for (const tag of html.match(STYLESHEET) ?? []) {
      const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
      if (!href) continue;
      const url = new URL(href.replaceAll('&amp;', '&'), `${origin}/`);
      if (url.origin !== origin) continue;
      if (!cssBytes.has(url.href)) {
        const response = await fetch(url);
        if (response.status !== 200) throw new Error(`${url.pathname} answered ${response.status}`);
        cssBytes.set(url.href, gzipped(await response.text()));
      }
      total += cssBytes.get(url.href)!;
    }
    // Every public page is styled: no stylesheet found means the page or this reading changed.
    if (total === 0) throw new Error('A page links no stylesheet');
    return total;
  };

  for (const language of ENGAGEMENT_LANGUAGES) {
    const jar = new Jar();
    const request = async (path: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> => {
      const url = `${portalUrl}${path}${path.includes('?') ? '&' : '?'}lang=${language}`;
      const response = await fetch(url, {
        method: init.method ?? 'GET',
        redirect: 'manual',
        headers: { cookie: jar.header(), origin, accept: 'text/html', ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
      });
      jar.keep(response);
      return response;
    };
    const weigh = async (path: string, response: Response, expected = 200): Promise<void> => {
      if (response.status !== expected) throw new Error(`${language} ${path} answered ${response.status}`);
      const html = await response.text();
      weights.push({ language, path, bytes: gzipped(html) + (await cssWeight(html)) });
    };
    const page = async (path: string): Promise<void> => weigh(path, await request(path));

    await page('/have-your-say');
    await page(area);
    // The code page as it comes back with a problem to fix.
    await weigh(`${area}?/code`, await request(`${area}?/code`, { method: 'POST', form: { code: 'ABC' } }), 400);
    const started = await request(`${area}?/code`, { method: 'POST', form: { code: options.code } });
    if (started.status !== 303) throw new Error(`${language}: starting with a code answered ${started.status}`);
    await page(`${area}/answer`);
    for (let step = 1; step <= 30; step++) {
      const response = await request(`${area}/answer/${step}`);
      if (response.status !== 200) break;
      await weigh(`${area}/answer/${step}`, response);
    }
    await page(`${area}/answer/check`);
    await page(`${area}/help`);
    await page(`${area}/privacy`);
    await page(`${area}/problem/code-expired`);
    await page(`${area}/you-said-we-did`);
    const sent = await request(`${area}/answer/check`, { method: 'POST', form: {} });
    if (sent.status !== 303) throw new Error(`${language}: sending answered ${sent.status}`);
    await page(`${area}/thank-you`);
  }
  return weights;
}

/** The heaviest page, in KiB. */
export function heaviestKiB(weights: readonly PageWeight[]): number {
  return Math.max(...weights.map((w) => w.bytes)) / 1024;
}
