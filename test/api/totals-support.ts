/** What the totals and reconcile suites share: a tenant's context on the test stack, and its totals as stored and as recounted. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { nonZero } from '@waypoint/shared/dashboards/totals-counters';
import { rowIdentity, type TotalsRow } from '@waypoint/shared/dashboards/totals-rollups';
import { tenantContext, type TenantContext } from '@waypoint/functions/platform/auth/caller';
import { recountTotals } from '@waypoint/functions/totals/totals-reconcile';
import { readAllTotals } from '@waypoint/functions/totals/totals-store';
import type { TestStack } from '../support/stack.ts';

export function contextOf(stack: TestStack, tenantId: string): TenantContext {
  return tenantContext({ tenantId, db: stack.jobDependencies.dataClientFor(tenantId), tableName: stack.tableName, portalUrl: stack.jobDependencies.portalUrl });
}

/** Rows by identity, zeros and empty rows left out, so two sets compare whatever order they were written in. */
export function normalised(rows: readonly TotalsRow[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const counters = nonZero(row.counters);
    if (Object.keys(counters).length) out[rowIdentity(row)] = Object.fromEntries(Object.entries(counters).sort(([a], [b]) => a.localeCompare(b)));
  }
  return out;
}

export async function storedTotals(tenant: TenantContext) {
  return normalised((await readAllTotals(tenant)).map((item) => item.row));
}

export async function recounted(tenant: TenantContext) {
  return normalised(await recountTotals(tenant));
}

/** Attribute names on the tenant's totals items that are neither counters nor labels: leftover retry marks. */
export async function leftoverMarks(tenant: TenantContext): Promise<string[]> {
  const { Items } = await tenant.db.send(new QueryCommand({ TableName: tenant.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.totalsPartition() } }));
  return (Items ?? []).flatMap((item) => Object.keys(item).filter((name) => name.startsWith('v.')));
}
