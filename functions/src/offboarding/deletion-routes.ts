/**
 * `GET /v1/platform/tenants/{id}/deletion`: an offboarded authority's deletion, for the platform
 * operator: its progress while the offboarding job works and, once done, the certificate of
 * deletion (counts by record type and dates, never what any record held). An authority whose
 * deletion has not started is a 404 here; its directory entry says when it is due.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { DELETION_STEPS, type TenantDeletion } from '@waypoint/shared/tenancy/offboarding-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { notFound } from '../platform/http/api-error.ts';
import { readParam } from '../platform/http/validation.ts';
import { platformStore, TenantId } from '../tenants/tenant-routes.ts';
import { findTenantEntry } from '../tenants/tenant-status.ts';
import { RECORD_TYPE_ORDER } from './record-types.ts';
import { getStoredDeletion, type StoredDeletion } from './tenant-deletion.ts';

type SignInCounts = 'accountsRemoved' | 'signInProvidersRemoved' | 'emailDomainsReleased';

/** A record kept from before accounts were deleted outright has `accountsStopped` and none of the sign-in counts. */
type KeptDeletion = Omit<StoredDeletion, SignInCounts> & Partial<Pick<StoredDeletion, SignInCounts>> & { accountsStopped?: number };

export function deletionResource(stored: KeptDeletion): TenantDeletion {
  const { counts, fileCounts, cursor: _cursor, found: _found, accountsStopped: _stopped, ...shown } = stored;
  const records = RECORD_TYPE_ORDER.filter((type) => (counts[type.name] ?? 0) > 0).map((type) => ({ type: type.name, description: type.description, count: counts[type.name] ?? 0 }));
  const files = Object.entries(fileCounts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([area, count]) => ({ area, count }));
  return {
    ...shown,
    accountsRemoved: shown.accountsRemoved ?? 0,
    signInProvidersRemoved: shown.signInProvidersRemoved ?? 0,
    emailDomainsReleased: shown.emailDomainsReleased ?? 0,
    records,
    recordsTotal: records.reduce((sum, r) => sum + r.count, 0),
    files,
    filesTotal: files.reduce((sum, f) => sum + f.count, 0),
  };
}

export const deletionRoutes = new Hono<AppEnv>();

deletionRoutes.get('/:id/deletion', async (c) => {
  const platform = platformStore(c.var.deps);
  const entry = await findTenantEntry(platform, readParam(c, 'id', TenantId));
  const stored = await getStoredDeletion(platform, entry.id);
  // A record from an earlier offboarding that was cancelled is not this authority's deletion.
  if (!stored || (entry.status !== 'deleting' && entry.status !== 'deleted')) throw notFound('deletion');
  return c.json(deletionResource(stored));
});

const Count = v.object({ type: v.string(), description: v.string(), count: v.number() });

export const DeletionResource = v.pipe(
  v.object({
    tenantId: TenantId,
    name: v.string(),
    slug: v.string(),
    leavesOn: v.pipe(v.string(), v.isoDate()),
    dueOn: v.pipe(v.string(), v.isoDate(), v.description('The leaving day plus the 30-day cooling-off period')),
    startedAt: v.pipe(v.string(), v.isoTimestamp()),
    step: v.pipe(v.picklist(DELETION_STEPS), v.description('How far the job has got; `done` makes this the certificate')),
    records: v.pipe(v.array(Count), v.description('Records found when deletion began, by type')),
    recordsTotal: v.number(),
    files: v.pipe(v.array(v.object({ area: v.string(), count: v.number() })), v.description('Stored files found when deletion began, by area')),
    filesTotal: v.number(),
    accountsRemoved: v.pipe(v.number(), v.description('Sign-in accounts deleted from the sign-in service')),
    signInProvidersRemoved: v.pipe(v.number(), v.description('The authority’s own sign-in provider (OpenID Connect or SAML), taken out of the sign-in service: 0 or 1')),
    emailDomainsReleased: v.pipe(v.number(), v.description('Email domains that signed in through that provider, let go')),
    recordsRemaining: v.optional(v.pipe(v.number(), v.description('What the last check found left: 0 once done'))),
    filesRemaining: v.optional(v.number()),
    finishedAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
    certificateNumber: v.optional(v.string()),
  }),
  v.title('TenantDeletion'),
);

export const deletionRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/platform/tenants/{id}/deletion',
    tag: 'Offboarding',
    summary: 'An authority’s deletion and its certificate',
    description: 'Progress of the deletion of an offboarded authority’s data and, once `step` is `done`, the certificate of deletion: counts by record type and dates, no content. 404 until deletion has started.',
    access: 'operator',
    params: { id: TenantId },
    success: { status: 200, description: 'The deletion', schema: DeletionResource },
  },
]);
