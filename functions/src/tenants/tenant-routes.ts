/**
 * `/v1/platform/tenants`: the platform operator creates authorities, lists them with their
 * status and size, and suspends, resumes or offboards one. Operators see counts, never what
 * is counted: nothing here reads a case, an audit or a response.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { ListCasesQuery } from '@waypoint/shared/cases/case-schemas';
import { ChangeTenantStatusBody, CreateTenantBody, deletionDueOn, TENANT_STATUSES, type TenantEntry } from '@waypoint/shared/tenancy/tenant-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import type { ApiDependencies } from '../api/dependencies.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { nextCursor, versionedFields } from '../openapi/resource-fields.ts';
import { tenantContext } from '../platform/auth/caller.ts';
import type { ItemStore } from '../platform/database/versioned-items.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { createTenant } from './tenant-creation.ts';
import { listTenantEntries } from './tenant-directory.ts';
import { readTenantSize } from './tenant-size.ts';
import { changeTenantStatus, findTenantEntry } from './tenant-status.ts';

export const TenantId = v.pipe(v.string(), v.uuid('Use an authority’s id'), v.toLowerCase());
export const ListTenantsQuery = v.object({ limit: ListCasesQuery.entries.limit, cursor: ListCasesQuery.entries.cursor });

export const platformStore = (deps: ApiDependencies): ItemStore => ({ db: deps.platformClient, tableName: deps.tableName });

/** The entry with its size, read with the authority's own (tenant-scoped) client. */
async function withSize(deps: ApiDependencies, entry: TenantEntry) {
  const tenant = tenantContext({ tenantId: entry.id, db: deps.dataClientFor(entry.id), tableName: deps.tableName, portalUrl: deps.portalUrl });
  const deletion = entry.status === 'offboarding' && entry.leavesOn ? { deletionDueOn: deletionDueOn(entry.leavesOn) } : {};
  return { ...entry, ...deletion, size: await readTenantSize(tenant, londonDate(clock.now()).slice(0, 4)) };
}

export const tenantRoutes = new Hono<AppEnv>();

tenantRoutes.get('/', async (c) => {
  const { deps } = c.var;
  const query = readQuery(c, ListTenantsQuery);
  const page = await listTenantEntries({ platform: platformStore(deps), limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor });
  return c.json({ items: await Promise.all(page.items.map((entry) => withSize(deps, entry))), nextCursor: page.nextCursor });
});

tenantRoutes.get('/:id', async (c) => {
  const { deps } = c.var;
  const entry = await findTenantEntry(platformStore(deps), readParam(c, 'id', TenantId));
  setEtag(c, entry.version);
  return c.json(await withSize(deps, entry));
});

/** Idempotent by slug: the same request again finishes and returns the same authority (200); another authority wanting a taken slug is a 409. */
tenantRoutes.post('/', async (c) => {
  const { deps, caller } = c.var;
  const body = await readJsonBody(c, CreateTenantBody);
  const { entry, created } = await createTenant({ deps, body, actor: caller });
  setEtag(c, entry.version);
  c.header('Location', `/v1/platform/tenants/${entry.id}`);
  return c.json(await withSize(deps, entry), created ? 201 : 200);
});

tenantRoutes.patch('/:id', async (c) => {
  const { deps, caller } = c.var;
  const tenantId = readParam(c, 'id', TenantId);
  await findTenantEntry(platformStore(deps), tenantId);
  const expectedVersion = requireIfMatch(c);
  const body = await readJsonBody(c, ChangeTenantStatusBody);
  const entry = await changeTenantStatus({ platform: platformStore(deps), tenantId, expectedVersion, body, actor: caller });
  setEtag(c, entry.version);
  return c.json(await withSize(deps, entry));
});

export const TenantResource = v.pipe(
  v.object({
    id: TenantId,
    slug: v.string(),
    name: v.string(),
    region: v.optional(v.string()),
    status: v.pipe(
      v.picklist(TENANT_STATUSES),
      v.description('active; suspended (paused until resumed); offboarding (leaving: works until `leavesOn`, paused from that day, deleted after the cooling-off period); deleting (its data is being deleted); deleted'),
    ),
    leavesOn: v.optional(v.pipe(v.string(), v.isoDate(), v.description('The day an offboarding authority leaves'))),
    deletionDueOn: v.optional(v.pipe(v.string(), v.isoDate(), v.description('An offboarding authority’s deletion day: 30 days after `leavesOn`; the operator can cancel until then'))),
    deletionStartedAt: v.optional(v.pipe(v.string(), v.isoTimestamp(), v.description('When the offboarding job began deleting its data'))),
    deletedAt: v.optional(v.pipe(v.string(), v.isoTimestamp(), v.description('When its data was gone'))),
    size: v.pipe(
      v.object({ users: v.number(), cases: v.number(), auditsThisYear: v.number(), responses: v.number() }),
      v.description('Counts from the authority’s counters and monthly totals: people on record, cases, audits in this year’s programme, feedback responses sent'),
    ),
    ...versionedFields,
  }),
  v.title('Authority'),
);

export const tenantRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/platform/tenants',
    tag: 'Authorities',
    summary: 'List authorities with their status and size',
    access: 'operator',
    query: ListTenantsQuery,
    queryNotes: { limit: 'Page size, 1 to 100; 25 when absent' },
    success: { status: 200, description: 'A page of authorities', schema: v.object({ items: v.array(TenantResource), nextCursor }) },
  },
  { method: 'get', path: '/v1/platform/tenants/{id}', tag: 'Authorities', summary: 'Read an authority', access: 'operator', params: { id: TenantId }, success: { status: 200, description: 'The authority', schema: TenantResource, etag: true } },
  {
    method: 'post',
    path: '/v1/platform/tenants',
    tag: 'Authorities',
    summary: 'Create an authority and invite its first admin',
    description:
      'Claims the slug, creates the first admin’s sign-in account, the authority’s profile, default settings and built-in templates, the admin’s record (`invited`) with an invitation email, and last its directory entry. The same request again (same slug, name, region and admin email) finishes and returns the same authority with 200; a slug another authority has is a 409 (`reason: slug-taken`), as is an admin email that already has an account (`reason: email-taken`).',
    access: 'operator',
    body: CreateTenantBody,
    otherErrors: [409],
    success: { status: 201, description: 'The new authority', schema: TenantResource, etag: true, location: true },
  },
  {
    method: 'patch',
    path: '/v1/platform/tenants/{id}',
    tag: 'Authorities',
    summary: 'Suspend, resume or start offboarding an authority',
    description:
      '`suspended` pauses the authority within a minute: its staff get 403 `tenant-suspended` and its have-your-say area and codes are refused. `active` resumes it. `offboarding` (with `leavesOn`, today or later) keeps it working until that day and pauses it from then; 30 days after that day the offboarding job deletes all its data, and until that starts `active` cancels the offboarding. An authority being deleted or deleted is a 409 (`reason: tenant-deleted`).',
    access: 'operator',
    params: { id: TenantId },
    body: ChangeTenantStatusBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The authority as changed', schema: TenantResource, etag: true },
  },
]);
