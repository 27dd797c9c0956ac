/**
 * The import job: works on every import that has work to do (reading a file's columns,
 * checking it, applying it in chunks), in every authority. Run on a schedule and, when
 * someone moves an import on, at once for that import. An import is worked on by one pass at
 * a time (a lease on the record); a pass that dies leaves the lease to run out and the next
 * pass resumes from the last checkpoint.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tenantContext, type TenantContext } from '../platform/auth/caller.ts';
import { listTenantIds } from '../tenants/tenant-directory.ts';
import type { JobDependencies, JobResult } from '../jobs/job-registry.ts';
import { logger } from '../platform/logging/logger.ts';
import { importFileSource } from './import-objects.ts';
import { getImport, listActiveImports } from './import-store.ts';
import { workOnImport, type ImportWorkOptions } from './import-work.ts';

/** Long enough for a pass over a big file's chunk; a dead pass's lease runs out after this. */
const LEASE_MS = 2 * 60 * 1000;
/** A Lambda has 15 minutes; a pass stops taking new chunks after this and the next run goes on. */
const PASS_MS = 12 * 60 * 1000;

export async function runImports(deps: JobDependencies): Promise<JobResult> {
  const result: JobResult = { imports: 0 };
  const deadline = Date.now() + PASS_MS;
  for (const tenantId of await listTenantIds(deps)) {
    const tenant = tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
    for (const record of await listActiveImports(tenant)) {
      if (Date.now() > deadline) return result;
      if (await workOnOneImport(deps, tenant, record.id, { deadline })) result.imports!++;
    }
  }
  return result;
}

/** One import, if no other pass holds it; true if this pass worked on it. */
export async function workOnOneImport(deps: JobDependencies, tenant: TenantContext, importId: string, options: ImportWorkOptions = {}): Promise<boolean> {
  const { objects } = deps;
  if (!(await takeLease(tenant, importId))) return false;
  // The lease is renewed while the pass runs, so a long file is never taken over mid-chunk.
  const renew = setInterval(() => void takeLease(tenant, importId, true).catch(() => undefined), LEASE_MS / 3);
  try {
    const record = await getImport(tenant, importId);
    if (!record) return false;
    await workOnImport(
      tenant,
      importId,
      async () => {
        const file = await importFileSource(objects, record.objectKey);
        if (!file) throw new Error('uploaded file missing');
        return file;
      },
      { accounts: deps.accounts, ...options },
    );
    return true;
  } catch (error) {
    logger.error('import pass stopped', { importId, error: error instanceof Error ? error.message : 'unknown' });
    return false;
  } finally {
    clearInterval(renew);
    await releaseLease(tenant, importId).catch(() => undefined);
  }
}

async function takeLease(tenant: TenantContext, importId: string, renewing = false): Promise<boolean> {
  const now = Date.now();
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.importRecord(importId),
        UpdateExpression: 'SET leaseUntil = :until',
        ConditionExpression: renewing ? 'attribute_exists(PK)' : 'attribute_exists(PK) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeValues: { ':until': now + LEASE_MS, ...(renewing ? {} : { ':now': now }) },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

async function releaseLease(tenant: TenantContext, importId: string): Promise<void> {
  await tenant.db.send(new UpdateCommand({ TableName: tenant.tableName, Key: tenant.keys.importRecord(importId), UpdateExpression: 'REMOVE leaseUntil', ConditionExpression: 'attribute_exists(PK)' }));
}
