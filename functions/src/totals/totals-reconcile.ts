/**
 * Rebuilding a tenant's monthly totals from the source items: the recount replaces every
 * totals item (marks and all), removes items nothing adds to any more, resets every
 * source's marker to what it now adds, and rebuilds the open-actions list. It is a nightly
 * job for a quiet hour: a change saved during a tenant's few seconds of rebuilding may be
 * counted once too often or not at all until the next night.
 */
import { OPEN_ACTION_STATES } from '@waypoint/shared/actions/action-schemas';
import { sumContributions, type TotalsRow } from '@waypoint/shared/dashboards/totals-rollups';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Key } from '@waypoint/shared/tenancy/keys';
import { clock } from '@waypoint/shared/time/clock';
import type { TenantContext } from '../platform/auth/caller.ts';
import { recountTenantSize } from '../tenants/tenant-size.ts';
import { openActionEntry } from './open-actions.ts';
import { reconciledMarker } from './totals-ledger.ts';
import { batchWrite, readAllTotals, totalsItem, type WriteRequest } from './totals-store.ts';
import { readTenantSources } from './totals-sources.ts';

export interface ReconcileResult {
  sources: number;
  totals: number;
  removed: number;
  openActions: number;
}

/** What the totals should be: every source's contribution, summed at every level. */
export async function recountTotals(tenant: TenantContext): Promise<TotalsRow[]> {
  const { changes } = await readTenantSources(tenant);
  return sumContributions(changes.flatMap((c) => c.contribution));
}

async function openActionKeys(tenant: TenantContext): Promise<Key[]> {
  const keys: Key[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(new QueryCommand({ TableName: tenant.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.openActionsPartition() }, ProjectionExpression: 'PK, SK', ExclusiveStartKey: start }));
    keys.push(...(result.Items ?? []).map((item) => ({ PK: String(item.PK), SK: String(item.SK) })));
    start = result.LastEvaluatedKey;
  } while (start);
  return keys;
}

export async function reconcileTenantTotals(tenant: TenantContext): Promise<ReconcileResult> {
  const { changes, actions } = await readTenantSources(tenant);
  const rows = sumContributions(changes.flatMap((c) => c.contribution));
  const wanted = new Set(rows.map((row) => tenant.keys.totals(row).SK));
  const stale = (await readAllTotals(tenant)).filter((item) => !wanted.has(item.key.SK));
  // A revision no live writer holds, so one caught mid-change re-reads rather than overwrites.
  const revision = clock.now().getTime();
  const open = actions.filter((a) => OPEN_ACTION_STATES.includes(a.state));
  const openKeys = new Set(open.map((a) => tenant.keys.openAction(a.dueDate, a.id).SK));
  const closedEntries = (await openActionKeys(tenant)).filter((key) => !openKeys.has(key.SK));
  const requests: WriteRequest[] = [
    ...rows.map((row) => ({ PutRequest: { Item: totalsItem(tenant, row) } })),
    ...stale.map((item) => ({ DeleteRequest: { Key: item.key } })),
    ...changes.map((change) => ({ PutRequest: { Item: { ...reconciledMarker(change, revision), ...tenant.keys.totalsMarker(change) } } })),
    ...open.map((action) => ({ PutRequest: { Item: { ...tenant.keys.openAction(action.dueDate, action.id), ...openActionEntry(action) } } })),
    ...closedEntries.map((Key) => ({ DeleteRequest: { Key } })),
  ];
  await batchWrite(tenant, requests);
  // The authority's size (people, cases, sent responses) is derived the same way, so it is recounted here too.
  await recountTenantSize(tenant);
  return { sources: changes.length, totals: rows.length, removed: stale.length, openActions: open.length };
}
