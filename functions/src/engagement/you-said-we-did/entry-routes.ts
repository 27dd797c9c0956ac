/**
 * "You said, we did": staff publish and withdraw entries at `/v1/engagement/you-said-we-did`;
 * families read them at `/v1/public/{slug}/you-said-we-did` without a code, the authority
 * found from its address and nothing else.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { ACTIVITY_READERS } from '@waypoint/shared/engagement/engagement-roles';
import { EntryId, publicEntry, PublishEntryBody, type YouSaidWeDidEntry } from '@waypoint/shared/engagement/you-said-we-did';
import { clock } from '@waypoint/shared/time/clock';
import * as v from 'valibot';
import type { AppEnv } from '../../api/app-env.ts';
import { recordActivity } from '../../platform/activity/activity-log.ts';
import { requireRole } from '../../platform/auth/caller.ts';
import { ApiError, notFound } from '../../platform/http/api-error.ts';
import { readJsonBody, readParam, readQuery } from '../../platform/http/validation.ts';
import { Slug } from '../../public/public-slug.ts';
import { limitPublicRequest } from '../../public/public-limits.ts';
import { tenantAtSlug } from '../../public/public-tenant.ts';
import { deleteEntry, listEntries, putEntry } from './entry-store.ts';

/** Publishing speaks for the whole authority, so it is for QA officers and senior managers. */
export const ENTRY_PUBLISHERS = ['qa', 'senior'] as const;
export const PublicEntriesQuery = v.object({ lang: v.optional(v.picklist(['en', 'cy', 'easy', 'pl', 'ur'])) });

export const entryRoutes = new Hono<AppEnv>();
export const publicEntryRoutes = new Hono<AppEnv>();

entryRoutes.get('/', async (c) => {
  requireRole(c.var.staff, ACTIVITY_READERS);
  return c.json({ items: await listEntries(c.var.tenant) });
});

entryRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, [...ENTRY_PUBLISHERS]);
  const body = await readJsonBody(c, PublishEntryBody);
  if (body.doneOn > londonDate(clock.now())) throw new ApiError('validation', 'The entry has 1 problem', { errors: [{ path: 'doneOn', message: 'Say what was done, so the date cannot be in the future' }] });
  const at = clock.nowIso();
  const entry: YouSaidWeDidEntry = { id: ulid(clock.now().getTime()), ...body, publishedBy: staff.userId, publishedAt: at };
  await putEntry(tenant, entry);
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'you-said-we-did', entityId: entry.id, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).sort() });
  c.header('Location', `/v1/engagement/you-said-we-did/${entry.id}`);
  return c.json(entry, 201);
});

entryRoutes.delete('/:id', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, [...ENTRY_PUBLISHERS]);
  const id = readParam(c, 'id', EntryId);
  if (!(await deleteEntry(tenant, id))) throw notFound('entry');
  await recordActivity({ tenant, actor: staff, action: 'deleted', entity: 'you-said-we-did', entityId: id, versionBefore: 1, versionAfter: 2, at: clock.nowIso(), changes: [] });
  return c.json({ id, withdrawn: true });
});

publicEntryRoutes.get('/:slug/you-said-we-did', async (c) => {
  const slug = readParam(c, 'slug', Slug);
  const { lang } = readQuery(c, PublicEntriesQuery);
  const tenant = await tenantAtSlug(c.var.deps, slug);
  await limitPublicRequest(c, tenant);
  return c.json({ items: (await listEntries(tenant)).map((e) => publicEntry(e, lang ?? 'en')) });
});
