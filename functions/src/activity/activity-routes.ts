/** `/v1/activity`: the authority's change log, newest first, for QA officers, senior managers and admins. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ListCasesQuery } from '@waypoint/shared/cases/case-schemas';
import { ACTIVITY_READERS } from '@waypoint/shared/tenancy/roles';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { nextCursor } from '../openapi/resource-fields.ts';
import { listActivity } from '../platform/activity/activity-log.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readQuery } from '../platform/http/validation.ts';
import { getUserNames } from '../users/user-store.ts';

/** Paging takes the same bounded `limit` and opaque `cursor` as every other list. */
export const ListActivityQuery = v.object({ limit: ListCasesQuery.entries.limit, cursor: ListCasesQuery.entries.cursor });

export const activityRoutes = new Hono<AppEnv>();

activityRoutes.get('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_READERS);
  const query = readQuery(c, ListActivityQuery);
  const page = await listActivity({ tenant, limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor });
  // One BatchGet for the page's distinct actors rather than a read per entry.
  const names = await getUserNames(tenant, page.items.map((entry) => entry.actorId));
  return c.json({
    items: page.items.map(({ actorId, ...entry }) => ({
      id: entry.id,
      at: entry.at,
      actor: { id: actorId, name: names.get(actorId) ?? null },
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      versionBefore: entry.versionBefore,
      versionAfter: entry.versionAfter,
      changes: entry.changes,
    })),
    nextCursor: page.nextCursor,
  });
});

const ActivityItem = v.pipe(
  v.object({
    id: v.string(),
    at: v.pipe(v.string(), v.isoTimestamp()),
    actor: v.object({ id: v.string(), name: v.pipe(v.nullable(v.string()), v.description('Null when the user record no longer exists')) }),
    action: v.picklist(['created', 'updated', 'deleted']),
    entity: v.pipe(v.string(), v.description('What kind of thing changed: case, team, user, settings')),
    entityId: v.string(),
    versionBefore: v.nullable(v.pipe(v.number(), v.integer())),
    versionAfter: v.pipe(v.number(), v.integer()),
    changes: v.pipe(v.array(v.string()), v.description('Names of the fields that changed; values are not kept')),
  }),
  v.title('ActivityEntry'),
);

export const activityRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/activity',
    tag: 'Activity',
    summary: 'Read the authority’s change log, newest first',
    access: ACTIVITY_READERS,
    query: ListActivityQuery,
    queryNotes: { limit: 'Page size, 1 to 100; 25 when absent' },
    success: { status: 200, description: 'A page of changes', schema: v.object({ items: v.array(ActivityItem), nextCursor }) },
  },
]);
