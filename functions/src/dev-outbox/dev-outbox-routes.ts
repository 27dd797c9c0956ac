/** `/v1/dev/outbox`: on one machine, the emails Waypoint would have sent for the caller's authority. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ListCasesQuery } from '@waypoint/shared/cases/case-schemas';
import { STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { notFound } from '../platform/http/api-error.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readQuery } from '../platform/http/validation.ts';
import { listOutbox } from '../platform/outbox/outbox.ts';

export const DevOutboxQuery = v.object({ limit: ListCasesQuery.entries.limit });

export const devOutboxRoutes = new Hono<AppEnv>();

devOutboxRoutes.get('/', async (c) => {
  // In AWS the route answers like any address that does not exist.
  if (!c.var.deps.devOutbox) throw notFound('page');
  const query = readQuery(c, DevOutboxQuery);
  return c.json({ items: await listOutbox({ tenant: c.var.tenant, limit: query.limit ?? DEFAULT_PAGE_SIZE }) });
});

const OutboxMessage = v.pipe(
  v.object({
    id: v.string(),
    to: v.pipe(v.string(), v.email()),
    subject: v.string(),
    text: v.string(),
    createdAt: v.pipe(v.string(), v.isoTimestamp()),
    status: v.picklist(['queued', 'sent']),
  }),
  v.title('OutboxMessage'),
);

export const devOutboxRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/dev/outbox',
    tag: 'Development',
    summary: 'Read the emails queued for the caller’s authority',
    description: 'Only on one machine (`npm start` and the tests); 404 in AWS.',
    access: STAFF_ROLES,
    query: DevOutboxQuery,
    queryNotes: { limit: 'How many of the newest messages, 1 to 100; 25 when absent' },
    success: { status: 200, description: 'The newest messages first', schema: v.object({ items: v.array(OutboxMessage) }) },
  },
]);
