/**
 * The staff audit page (SSR) and the API calls its server load makes, for
 * `portal_audit_page_vs_api_ratio` (run.ts, and on its own portal-audit-only.ts).
 */
import { launchBrowser, signIn } from '../support/browser.ts';

type Get = (path: string, bearer: string) => Promise<void>;

/** A portal session of `email`, signed in for real in a browser, as a Cookie header. */
export async function portalCookieFor(portalUrl: string, email: string): Promise<string> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    await signIn(await context.newPage(), email, { portalUrl });
    return (await context.cookies(portalUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

/** GETs a portal page as the signed-in member of staff and reads it to the end. */
export function portalPage(portalUrl: string, cookie: string) {
  return async (path: string) => {
    const response = await fetch(`${portalUrl}${path}`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
    if (response.status !== 200) throw new Error(`portal ${path} answered ${response.status}`);
    await response.arrayBuffer();
  };
}

/**
 * The two workloads. `portal_audit_api` must mirror exactly the calls the page's server load
 * makes, in the same order and parallelism: the ratio is the page over those calls, so it
 * counts only what the portal adds (session, render, its own HTTP) and a call the mirror
 * missed or added would bend it. The layout's /me and /settings and the page's audit, teams
 * and files go out together (the page does not wait for the layout, and settings are read
 * once per request); the template version is kept by the portal after its first read, and a
 * QA officer never needs the case's current team, so neither is read again.
 */
export function portalAuditWorkloads(options: { get: Get; page: (path: string) => Promise<void>; token: string; auditId: string }) {
  const { get, page, token, auditId } = options;
  const audit = encodeURIComponent(auditId);
  return {
    portal_audit_page: () => page(`/audits/${audit}`),
    portal_audit_api: async () => {
      await Promise.all([get('/v1/me', token), get('/v1/settings', token), get(`/v1/audits/${audit}`, token), get('/v1/teams', token), get(`/v1/audits/${audit}/files`, token)]);
    },
  };
}
