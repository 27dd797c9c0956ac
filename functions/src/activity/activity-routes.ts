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
import { activitySubjects, peopleNamedBy } from './activity-subjects.ts';
import { PUBLIC_ACTOR } from '../alerts/alert-raising.ts';
import { RETENTION_ACTOR } from '../retention/activity-anonymising.ts';

/** Paging takes the same bounded `limit` and opaque `cursor` as every other list. */
export const ListActivityQuery = v.object({ limit: ListCasesQuery.entries.limit, cursor: ListCasesQuery.entries.cursor });

export const activityRoutes = new Hono<AppEnv>();

activityRoutes.get('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_READERS);
  const query = readQuery(c, ListActivityQuery);
  const page = await listActivity({ tenant, limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor });
  // One BatchGet for the page's distinct actors and the people it is about rather than a read per entry.
  const names = await getUserNames(
    tenant,
    page.items.flatMap((entry) => [entry.actorId, ...peopleNamedBy(entry)]),
  );
  const subjects = await activitySubjects(tenant, page.items, names);
  return c.json({
    items: page.items.map(({ actorId, ...entry }) => ({
      id: entry.id,
      at: entry.at,
      actor: { id: actorId, name: actorId === PUBLIC_ACTOR ? null : actorId === RETENTION_ACTOR ? 'Retention (automatic)' : (names.get(actorId) ?? null), public: actorId === PUBLIC_ACTOR },
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      subject: subjects.get(entry.id) ?? null,
      versionBefore: entry.versionBefore,
      versionAfter: entry.versionAfter,
      changes: entry.changes,
      ...(entry.reason === undefined ? {} : { reason: entry.reason }),
    })),
    nextCursor: page.nextCursor,
  });
});

const ActivityItem = v.pipe(
  v.object({
    id: v.string(),
    at: v.pipe(v.string(), v.isoTimestamp()),
    actor: v.object({
      id: v.string(),
      name: v.pipe(v.nullable(v.string()), v.description('Null when the user record no longer exists, or for a change made by a child or family member’s answer')),
      public: v.pipe(v.boolean(), v.description('True when the change came from an answer in the public have-your-say area (a safety alert), not a member of staff')),
    }),
    action: v.picklist(['created', 'updated', 'deleted']),
    entity: v.pipe(v.string(), v.description('What kind of thing changed: case, team, user, settings')),
    entityId: v.string(),
    subject: v.pipe(v.nullable(v.string()), v.description('What changed, by the name people know it by (“the audit of case NV-00003, December 2026”, a person’s or team’s name); null when it no longer exists')),
    versionBefore: v.nullable(v.pipe(v.number(), v.integer())),
    versionAfter: v.pipe(v.number(), v.integer()),
    changes: v.pipe(v.array(v.string()), v.description('Names of the fields that changed; values are not kept')),
    reason: v.optional(v.pipe(v.string(), v.description('Why it was done, where the change needs one: the reason given for a subject access export'))),
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
