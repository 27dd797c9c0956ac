/**
 * `/v1/public/{slug}`: the authority's public page and opening a session. The only
 * unauthenticated writes in the API; the address is resolved to its tenant once here,
 * and everything after works from the signed session (see response-routes.ts).
 */
import { Hono } from 'hono';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { activityState } from '@waypoint/shared/engagement/activity-schemas';
import { ENGAGEMENT_LANGUAGES } from '@waypoint/shared/engagement/languages';
import { publicActivity, type PublicAuthority, type PublicAuthorityPage } from '@waypoint/shared/engagement/public-views';
import { honeypotFilled, PublicFormQuery, StartSessionBody } from '@waypoint/shared/engagement/response-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { listActivities } from '../engagement/activity-store.ts';
import type { VersionedSettings } from '../settings/settings-store.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { Slug } from './public-slug.ts';
import { settingsOf, tenantAtSlug } from './public-tenant.ts';
import { decoySession, openSession } from './session-opening.ts';
import { guessingClient } from './wrong-code-limits.ts';
import { limitPublicRequest } from './public-limits.ts';

export const publicRoutes = new Hono<AppEnv>();

export function publicAuthority(slug: string, settings: VersionedSettings): PublicAuthority {
  return { slug, name: settings.name, primaryColour: settings.primaryColour, accentColour: settings.accentColour, dutyPhone: settings.dutyPhone, languages: ENGAGEMENT_LANGUAGES };
}

publicRoutes.get('/:slug', async (c) => {
  const slug = readParam(c, 'slug', Slug);
  const { lang } = readQuery(c, PublicFormQuery);
  const tenant = await tenantAtSlug(c.var.deps, slug);
  await limitPublicRequest(c, tenant);
  const settings = await settingsOf(tenant);
  const today = londonDate(clock.now());
  const { items } = await listActivities({ tenant, limit: 100, keep: (a) => a.publicLink && activityState(a, today) === 'open' });
  const page: PublicAuthorityPage = { ...publicAuthority(slug, settings), openActivities: items.map((a) => publicActivity(a, lang ?? 'en')) };
  return c.json(page);
});

publicRoutes.post('/:slug/sessions', async (c) => {
  const slug = readParam(c, 'slug', Slug);
  const body = await readJsonBody(c, StartSessionBody);
  const tenant = await tenantAtSlug(c.var.deps, slug);
  await limitPublicRequest(c, tenant);
  const now = clock.now();
  // A filled honeypot is a bot: it gets what looks like a session and nothing is read or counted.
  if (honeypotFilled(body)) return c.json(await decoySession(tenant.tenantId, slug, now), 201);
  return c.json(await openSession({ tenant, slug, body, now, client: await guessingClient(c) }), 201);
});
