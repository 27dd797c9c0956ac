/**
 * Every staff page reflows at 320 CSS pixels wide (which is also 1280 px at 400 % zoom, WCAG
 * 1.4.10): nothing scrolls sideways, no table caption runs on past its frame, and no words are drawn smaller than 12px to make them fit. Each route under portal/src/routes/(staff) is opened as
 * a role that may use it, with real ids from the demo data, and a route added without a row
 * here fails the first test.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { jsonInit } from '../api/api-client.ts';
import { deletedAuthority } from '../api/offboarding-support.ts';

const STAFF_ROUTES = fileURLToPath(new URL('../../portal/src/routes/(staff)', import.meta.url));
const NARROW = { width: 320, height: 640 };

const MANAGER = 'manager@northvale.example';
const PRACTITIONER = 'practitioner@northvale.example';
const QA = 'qa@northvale.example';
const SENIOR = 'senior@northvale.example';
const ADMIN = 'admin@northvale.example';
const OPERATOR = 'operator@waypoint.example';
const ACTIVITY = 'nv-engage-parents-carers';
const TEMPLATE = 'journey-of-the-child';

useBrowserStack();

/** The routes as SvelteKit names them ("/audits/[id]"), from the folders that hold a page. */
function staffRoutes(dir = STAFF_ROUTES, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === '+page.svelte' ? [prefix || '/'] : [];
    return entry.isDirectory() ? staffRoutes(`${dir}/${entry.name}`, `${prefix}/${entry.name}`) : [];
  });
}

/** The smallest words a reader is shown, in screen pixels: an SVG's text counts at its drawn size. */
const MIN_TEXT_PX = 12;

/**
 * Runs in the page, so the checks of a route take one round trip: how wide the document is
 * against its window, the captions of tables that run on past their scrolling frame, and the
 * smallest words shown.
 */
function layoutAtThisWidth(): { widths: { scroll: number; client: number }; clipped: string[]; smallest: { size: number; text: string } } {
  const widths = { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth };
  const clipped = [...document.querySelectorAll('.table-wrapper caption')]
    .filter((c) => c.checkVisibility() && !c.closest('.visually-hidden'))
    .filter((c) => {
      const frame = c.closest('.table-wrapper')!.getBoundingClientRect();
      const box = c.getBoundingClientRect();
      return box.width > 1 && (box.left < frame.left - 1 || box.right > frame.right + 1);
    })
    .map((c) => c.textContent!.trim());
  let smallest = { size: Infinity, text: '' };
  for (const el of document.body.querySelectorAll('*')) {
    const text = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent!.trim())
      .join(' ')
      .trim();
    if (!text || el.closest('title, desc, [hidden], .visually-hidden, .skip-link')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || !el.checkVisibility({ visibilityProperty: true })) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      if (m) size *= Math.hypot(m.a, m.b);
    }
    if (size < smallest.size) smallest = { size, text: text.slice(0, 40) };
  }
  return { widths, clipped, smallest };
}

const routePattern = (route: string) => new RegExp(`^${route.replace(/\[[^\]]+\]/g, '[^/]+')}$`);

/** Narrow pages, one per person, reused across the table so each signs in once. */
const pages = new Map<string, Promise<Page>>();
function narrowPageAs(email: string): Promise<Page> {
  let page = pages.get(email);
  if (!page) {
    page = signedIn.pageAs(email).then(async (p) => {
      await p.setViewportSize(NARROW);
      return p;
    });
    pages.set(email, page);
  }
  return page;
}

/** The first link on a page whose address matches, for ids only a page lists (a section, a comment, a journey event). */
async function firstHref(email: string, path: string, matching: RegExp): Promise<string> {
  const page = await narrowPageAs(email);
  await page.goto(`${stack.portalUrl}${path}`);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => matching.test(h.split('?')[0]!));
  if (!href) throw new Error(`no link matching ${matching} on ${path}`);
  return href;
}

interface Audit {
  id: string;
  state: string;
  auditorId: string;
  caseHolderId?: string;
  sectionGrades: Record<string, string>;
  reauditOf?: string;
  caseRef: string;
}

async function json<T>(email: string, path: string): Promise<T> {
  const response = await stack.api(email, path);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** A visit today that the practitioner agreed to and the family consented to: its observation and feedback pages are open. */
async function agreedShadowingWithConsent(): Promise<string> {
  const send = async (email: string, path: string, method: string, body: unknown, version?: number) => {
    const response = await stack.api(email, path, { method, headers: { 'content-type': 'application/json', ...(version ? { 'if-match': `"${version}"` } : {}) }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
    return (await response.json()) as { id: string };
  };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const { id } = await send(MANAGER, '/v1/shadowing', 'POST', { practitionerId: 'nv-practitioner', work: 'visit', date: today, description: 'A home visit' });
  await send(PRACTITIONER, `/v1/shadowing/${id}/answer`, 'POST', { answer: 'agree' }, 1);
  await send(PRACTITIONER, `/v1/shadowing/${id}/consent`, 'PUT', { givenBy: 'The child’s mother', how: 'phone', givenOn: today }, 2);
  return id;
}

/** Each route with who opens it and where; filled from the demo data before the checks. */
const visits = new Map<string, { email: string; path: string }>();

beforeAll(async () => {
  const managerId = (await json<{ user: { id: string } }>(MANAGER, '/v1/me')).user.id;
  const practitionerId = (await json<{ user: { id: string } }>(PRACTITIONER, '/v1/me')).user.id;
  const managerTeam = (await json<{ teams: { id: string }[] }>(MANAGER, '/v1/me')).teams[0]!.id;
  const audits = (await json<{ items: Audit[] }>(QA, '/v1/audits?limit=100')).items;
  const managers = audits.filter((a) => a.auditorId === managerId && !a.reauditOf);
  const find = (found: Audit | undefined, what: string) => {
    if (!found) throw new Error(`the demo data has no ${what}`);
    return encodeURIComponent(found.id);
  };
  const inProgress = find(
    managers.find((a) => a.state === 'in-progress'),
    'audit in progress',
  );
  const planned = find(
    managers.find((a) => a.state === 'planned'),
    'planned audit',
  );
  const completed = find(
    managers.find((a) => a.state === 'completed'),
    'completed audit',
  );
  const reaudit = find(
    audits.find((a) => a.reauditOf),
    're-audit',
  );
  // A completed audit of the practitioner's case that they disagreed with one grade of: their view and the auditor's reply pages.
  const heldAudit = managers.find((a) => a.state === 'completed' && a.caseHolderId === practitionerId && Object.keys(a.sectionGrades).length > 0);
  const held = find(heldAudit, 'completed audit of the practitioner’s case');
  const gradedSection = Object.keys(heldAudit!.sectionGrades)[0]!;
  const disagreed = await stack.api(PRACTITIONER, `/v1/audits/${held}/grade-views/${gradedSection}`, jsonInit('PUT', { agrees: false, reason: 'A long reason that has to wrap on a narrow screen without scrolling sideways at all' }));
  if (!disagreed.ok) throw new Error(`giving a view answered ${disagreed.status}`);
  const action = (await json<{ items: { id: string }[] }>(MANAGER, '/v1/actions?view=team')).items[0]!.id;
  const alert = (await json<{ items: { id: string }[] }>(MANAGER, '/v1/alerts')).items[0]!.id;
  const caseRef = managers[0]!.caseRef;
  const tenantId = (await json<{ items: { id: string; slug: string }[] }>(OPERATOR, '/v1/platform/tenants?limit=100')).items.find((t) => t.slug === 'northvale')!.id;
  const shadowing = encodeURIComponent(await agreedShadowingWithConsent());

  // Two thematic reviews: one being set up (its cases still to choose), one under way with a recommendation.
  const review = async (path: string, body: unknown, etag?: string) => {
    const response = await stack.api(QA, path, jsonInit('POST', body, etag ? { 'if-match': etag } : {}));
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return { body: (await response.json()) as { id: string; recommendations: { id: string }[] }, etag: response.headers.get('etag')! };
  };
  const setUp = { title: 'Reflow review', question: 'How well do we hear children?', scope: 'Open cases', casesDueBy: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), reviewerIds: ['nv-practitioner'] };
  const draft = (await review('/v1/reviews', setUp)).body.id;
  const running = await review('/v1/reviews', setUp);
  const rv = `/v1/reviews/${running.body.id}`;
  const picked = await review(`${rv}/cohort`, { method: 'hand', cases: [{ caseRef: 'NV-00001', reason: 'A long reason that has to wrap on a narrow screen without scrolling sideways' }] }, running.etag);
  const started = await review(`${rv}/start`, {}, picked.etag);
  const recommended = await review(`${rv}/recommendations`, { text: 'Record the child’s own words in every plan review.' }, started.etag);
  const reviewPath = `/reviews/${encodeURIComponent(running.body.id)}`;
  // An import waiting for its file: its page holds the upload form.
  const importId = (await review('/v1/imports', { kind: 'cases', source: 'mosaic', format: 'csv' })).body.id;

  // The programme opens on this month: its address says which.
  const programmePage = await narrowPageAs(MANAGER);
  await programmePage.goto(`${stack.portalUrl}/programme`);
  const month = new URL(programmePage.url()).pathname.split('/')[2]!;

  // Last month's records compliance checks (demo data), one with an item answered "no".
  const lastMonth = shiftMonth(month, -1);
  const compliance = await json<{ teams: { cases: { caseRef: string; noItems: string[] }[] }[] }>(QA, `/v1/compliance/programmes/${lastMonth}`);
  const withNo = compliance.teams.flatMap((t) => t.cases).find((c) => c.noItems.length > 0);
  if (!withNo) throw new Error('the demo data has no compliance check with a “no”');
  const checkPath = `/compliance/${lastMonth}/cases/${withNo.caseRef}`;

  const rows: [route: string, email: string, path: string][] = [
    ['/', PRACTITIONER, '/'],
    ['/actions', PRACTITIONER, '/actions'],
    ['/actions/[id]', MANAGER, `/actions/${encodeURIComponent(action)}`],
    ['/actions/team', MANAGER, '/actions/team'],
    ['/activity', QA, '/activity'],
    ['/alerts', MANAGER, '/alerts'],
    ['/alerts/[id]', MANAGER, `/alerts/${encodeURIComponent(alert)}`],
    ['/audits', MANAGER, '/audits'],
    ['/audits/[id]', MANAGER, `/audits/${completed}`],
    ['/audits/[id]/actions/[actionId]/impact', MANAGER, await firstHref(MANAGER, `/audits/${reaudit}`, /\/impact$/)],
    ['/audits/[id]/actions/new', MANAGER, `/audits/${inProgress}/actions/new`],
    ['/audits/[id]/cancel', MANAGER, `/audits/${planned}/cancel`],
    ['/audits/[id]/check', MANAGER, `/audits/${inProgress}/check`],
    ['/audits/[id]/grades/[sectionId]', PRACTITIONER, `/audits/${held}/grades/${gradedSection}`],
    ['/audits/[id]/reflections/[reflectionId]', PRACTITIONER, await firstHref(PRACTITIONER, `/audits/${held}`, /\/reflections\/[^/]+$/)],
    ['/audits/[id]/grades/[sectionId]/reply/[personId]', MANAGER, `/audits/${held}/grades/${gradedSection}/reply/${practitionerId}`],
    ['/audits/[id]/conversation', MANAGER, `/audits/${inProgress}/conversation`],
    ['/audits/[id]/meeting', MANAGER, `/audits/${planned}/meeting`],
    ['/audits/[id]/reopen', QA, `/audits/${completed}/reopen`],
    ['/audits/[id]/sections/[sectionId]', MANAGER, await firstHref(MANAGER, `/audits/${inProgress}`, /\/sections\/[^/]+$/)],
    ['/audits/plan', MANAGER, '/audits/plan'],
    ['/cases', MANAGER, '/cases'],
    ['/cases/new', QA, '/cases/new'],
    ['/cases/[ref]', MANAGER, `/cases/${caseRef}`],
    ['/cases/[ref]/evidence', MANAGER, `/cases/${caseRef}/evidence`],
    ['/cases/[ref]/journey', MANAGER, `/cases/${caseRef}/journey`],
    ['/cases/[ref]/subject-access', QA, `/cases/${caseRef}/subject-access?problem=reason-missing`],
    ['/cases/[ref]/legal-hold', QA, `/cases/${caseRef}/legal-hold?saved=on`],
    ['/cases/[ref]/journey/events/[eventId]/remove', MANAGER, await firstHref(MANAGER, `/cases/${caseRef}/journey`, /\/remove$/)],
    ['/compliance/[month]', QA, `/compliance/${lastMonth}`],
    ['/compliance/[month]/cases/[ref]', QA, checkPath],
    ['/compliance/[month]/cases/[ref]/actions/new', QA, `${checkPath}/actions/new?item=${withNo.noItems[0]}`],
    ['/compliance/report', QA, '/compliance/report'],
    ['/dashboard', QA, '/dashboard'],
    ['/dashboard/print', QA, '/dashboard/print'],
    ['/dev/outbox', ADMIN, '/dev/outbox'],
    ['/engagement', QA, '/engagement'],
    ['/engagement/[id]', QA, `/engagement/${ACTIVITY}`],
    ['/engagement/[id]/cards', QA, `/engagement/${ACTIVITY}/cards`],
    ['/engagement/[id]/codes', QA, `/engagement/${ACTIVITY}/codes`],
    ['/engagement/[id]/edit', QA, `/engagement/${ACTIVITY}/edit`],
    ['/engagement/[id]/results', QA, `/engagement/${ACTIVITY}/results`],
    ['/engagement/[id]/results/comments', QA, `/engagement/${ACTIVITY}/results/comments`],
    ['/engagement/[id]/results/comments/[responseId]/action', QA, await firstHref(QA, `/engagement/${ACTIVITY}/results/comments`, /\/action$/)],
    ['/engagement/new', QA, '/engagement/new'],
    ['/engagement/results', QA, '/engagement/results'],
    ['/imports', QA, '/imports'],
    ['/imports/[id]', QA, `/imports/${importId}`],
    ['/moderation', QA, '/moderation'],
    ['/quality', QA, '/quality'],
    ['/moderation/agreement', SENIOR, '/moderation/agreement'],
    ['/moderation/audits/[id]', QA, `/moderation/audits/${completed}`],
    ['/operator', OPERATOR, '/operator'],
    ['/operator/[id]', OPERATOR, `/operator/${tenantId}`],
    ['/operator/[id]/[change=authorityChange]', OPERATOR, `/operator/${tenantId}/offboard`],
    ['/operator/[id]/certificate', OPERATOR, `/operator/${await deletedAuthority(stack, 'reflow-leaver')}/certificate`],
    ['/operator/activity', OPERATOR, '/operator/activity'],
    ['/operator/new', OPERATOR, '/operator/new'],
    ['/practitioners', MANAGER, '/practitioners'],
    ['/practitioners/[id]', PRACTITIONER, `/practitioners/${encodeURIComponent(practitionerId)}`],
    ['/programme/[month]', MANAGER, `/programme/${month}`],
    ['/programme/[month]/samples/[managerId]', MANAGER, `/programme/${month}/samples/${encodeURIComponent(managerId)}`],
    ['/programme/[month]/samples/[managerId]/swap', MANAGER, await firstHref(MANAGER, `/programme/${month}/samples/${encodeURIComponent(managerId)}`, /\/swap$/)],
    ['/records', QA, '/records?person=practitioner'],
    ['/records/staff/[id]', QA, `/records/staff/${encodeURIComponent(practitionerId)}`],
    ['/records/retention', QA, '/records/retention'],
    ['/records/retention/log', ADMIN, '/records/retention/log'],
    ['/reviews', QA, '/reviews'],
    ['/reviews/[id]', QA, reviewPath],
    ['/reviews/[id]/cohort', QA, `/reviews/${encodeURIComponent(draft)}/cohort`],
    ['/reviews/[id]/recommendations/[recommendationId]/action', QA, `${reviewPath}/recommendations/${encodeURIComponent(recommended.body.recommendations[0]!.id)}/action?team=child-in-need`],
    ['/reviews/[id]/report', QA, `${reviewPath}/report`],
    ['/reviews/new', QA, '/reviews/new'],
    ['/settings', ADMIN, '/settings'],
    ['/settings/sign-in', ADMIN, '/settings/sign-in'],
    ['/settings/data-export', ADMIN, '/settings/data-export'],
    ['/templates', QA, '/templates'],
    ['/templates/[id]', QA, `/templates/${TEMPLATE}`],
    ['/templates/[id]/copy', QA, `/templates/${TEMPLATE}/copy`],
    ['/templates/[id]/edit', QA, `/templates/${TEMPLATE}/edit`],
    ['/templates/[id]/translate', QA, `/templates/${TEMPLATE}/translate?lang=cy`],
    ['/shadowing', PRACTITIONER, '/shadowing'],
    ['/shadowing/[id]', MANAGER, '/shadowing/nv-shadowing-1'],
    ['/shadowing/[id]/consent', MANAGER, '/shadowing/nv-shadowing-1/consent'],
    ['/shadowing/[id]/feedback', PRACTITIONER, `/shadowing/${shadowing}/feedback`],
    ['/shadowing/[id]/observation', MANAGER, `/shadowing/${shadowing}/observation`],
    ['/shadowing/all', SENIOR, '/shadowing/all'],
    ['/shadowing/learning', QA, '/shadowing/learning'],
    ['/shadowing/learning/action', QA, '/shadowing/learning/action?theme=recording&team=child-in-need'],
    ['/shadowing/new', MANAGER, '/shadowing/new'],
    ['/team', MANAGER, '/team'],
    ['/team/[id]', MANAGER, '/team/child-in-need'],
    ['/team/[id]/print', MANAGER, '/team/child-in-need/print'],
    ['/teams', ADMIN, '/teams'],
    ['/teams/[id]', ADMIN, `/teams/${encodeURIComponent(managerTeam)}`],
    ['/teams/new', ADMIN, '/teams/new'],
    ['/users', ADMIN, '/users'],
    ['/users/[id]', ADMIN, `/users/${encodeURIComponent(practitionerId)}`],
    ['/users/new', ADMIN, '/users/new'],
    ['/you-said-we-did', QA, '/you-said-we-did'],
  ];
  for (const [route, email, path] of rows) visits.set(route, { email, path });
}, 120_000);

describe('every staff page at 320px wide', () => {
  it('has a row here for every staff route', () => {
    expect([...visits.keys()].sort()).toEqual(staffRoutes().sort());
  });

  it.each(staffRoutes().sort())('%s does not scroll sideways', async (route) => {
    const visit = visits.get(route);
    expect(visit, `no row for ${route}`).toBeDefined();
    const page = await narrowPageAs(visit!.email);
    const response = await page.goto(`${stack.portalUrl}${visit!.path}`);
    expect(response?.status()).toBe(200);
    // Landing elsewhere (a redirect) would check the wrong page.
    expect(new URL(page.url()).pathname).toMatch(routePattern(route));
    // What the checks below read, measured in the page in one go.
    const { widths, clipped, smallest } = await page.evaluate(layoutAtThisWidth);
    expect(widths.client).toBe(NARROW.width);
    expect(widths.scroll, `${visit!.path} is ${widths.scroll}px wide`).toBeLessThanOrEqual(widths.client);
    // A table's caption wraps to what its scrolling frame shows, rather than running on out of sight.
    expect(clipped, `captions cut off on ${visit!.path}`).toEqual([]);
    // Nor does anything shrink its words to fit (a drawing scaled down to the screen).
    expect(smallest.size, `"${smallest.text}" on ${visit!.path}`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
  });
});
