/** `/v1/platform/activity`: what operators did to which authority, newest first; names of fields, never their values. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { PLATFORM_ACTIONS } from '@waypoint/shared/tenancy/tenant-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { nextCursor } from '../openapi/resource-fields.ts';
import { listPlatformActivity } from '../platform/activity/platform-activity-log.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readQuery } from '../platform/http/validation.ts';
import { getTenantEntry } from './tenant-directory.ts';
import { ListTenantsQuery, platformStore } from './tenant-routes.ts';

export const platformActivityRoutes = new Hono<AppEnv>();

platformActivityRoutes.get('/', async (c) => {
  const platform = platformStore(c.var.deps);
  const query = readQuery(c, ListTenantsQuery);
  const page = await listPlatformActivity({ platform, limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor });
  // Each authority by the name it has now, read once per page.
  const ids = [...new Set(page.items.map((entry) => entry.tenantId))];
  const names = new Map(await Promise.all(ids.map(async (id) => [id, (await getTenantEntry(platform, id))?.name ?? null] as const)));
  return c.json({
    items: page.items.map(({ actorId, tenantId, ...entry }) => ({ ...entry, actor: { id: actorId }, tenant: { id: tenantId, name: names.get(tenantId) ?? null } })),
    nextCursor: page.nextCursor,
  });
});

const PlatformActivityItem = v.pipe(
  v.object({
    id: v.string(),
    at: v.pipe(v.string(), v.isoTimestamp()),
    actor: v.object({ id: v.pipe(v.string(), v.description('The operator’s sign-in subject')) }),
    action: v.picklist(PLATFORM_ACTIONS),
    tenant: v.object({ id: v.string(), name: v.pipe(v.nullable(v.string()), v.description('The authority’s name as it is now; null if it is no longer listed')) }),
    changes: v.pipe(v.array(v.string()), v.description('Names of the fields given or changed; values are not kept')),
  }),
  v.title('PlatformActivityEntry'),
);

export const platformActivityRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/platform/activity',
    tag: 'Authorities',
    summary: 'Read what operators did, newest first',
    access: 'operator',
    query: ListTenantsQuery,
    queryNotes: { limit: 'Page size, 1 to 100; 25 when absent' },
    success: { status: 200, description: 'A page of operator actions', schema: v.object({ items: v.array(PlatformActivityItem), nextCursor }) },
  },
]);
