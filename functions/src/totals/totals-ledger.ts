/**
 * Keeping the monthly totals right without transactions. Each source (an audit, its
 * moderation, an action, a feedback response's theme tags, a records compliance check, an audit's grade views) has a marker beside it recording what it has added to the totals
 * and at which version. A change is applied in three steps:
 *
 * 1. the marker records the change as pending (conditional on the marker's revision);
 * 2. the difference between what was added and what should be is added to each totals item
 *    with UpdateItem ADD, conditional on the item not carrying this source's mark at this
 *    version yet, so a step repeated after a crash is refused by the item itself;
 * 3. the marker records the change as applied; the marks are then removed.
 *
 * Whoever next touches the source (a retry, the next change) first finishes a pending
 * change, so a crash after step 1 never loses or doubles a count. A crash between the
 * source's own write and step 1 leaves the totals short until the source next changes or the
 * reconcile job rebuilds them.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Contribution } from '@waypoint/shared/dashboards/totals-contributions';
import { totalsDelta } from '@waypoint/shared/dashboards/totals-rollups';
import type { Key } from '@waypoint/shared/tenancy/keys';
import type { TenantContext } from '../platform/auth/caller.ts';
import { logger } from '../platform/logging/logger.ts';
import { addToTotals, removeMarks, type ChangeMark } from './totals-store.ts';

export type SourceKind = 'audit' | 'moderation' | 'action' | 'feedback' | 'compliance' | 'grade-views';

export interface SourceChange {
  kind: SourceKind;
  id: string;
  /** A feedback response's activity, whose partition holds the response and its marker. */
  activityId?: string;
  /** The source's version this contribution was computed from. */
  version: number;
  /** The buckets the source adds to now (none for, say, a cancelled audit). */
  contribution: Contribution[];
}

export interface TotalsMarker {
  kind: SourceKind;
  sourceId: string;
  activityId?: string;
  /** The source version whose contribution the totals hold. */
  version: number;
  applied: Contribution[];
  pending?: { version: number; contribution: Contribution[] };
  /** Bumped on every write, so two writers never both move the marker on. */
  revision: number;
}

const ATTEMPTS = 5;

type SourceRef = Pick<SourceChange, 'kind' | 'id' | 'activityId'>;

function markerKey(tenant: TenantContext, source: SourceRef): Key {
  return tenant.keys.totalsMarker(source);
}

const sourceOf = (marker: Pick<TotalsMarker, 'kind' | 'sourceId' | 'activityId'>): SourceRef => ({ kind: marker.kind, id: marker.sourceId, ...(marker.activityId ? { activityId: marker.activityId } : {}) });

async function readMarker(tenant: TenantContext, source: SourceRef): Promise<TotalsMarker> {
  const { Item } = await tenant.db.send(new GetCommand({ TableName: tenant.tableName, Key: markerKey(tenant, source), ConsistentRead: true }));
  if (!Item) return { kind: source.kind, sourceId: source.id, ...(source.activityId ? { activityId: source.activityId } : {}), version: 0, applied: [], revision: 0 };
  const { PK: _pk, SK: _sk, ...marker } = Item;
  return marker as TotalsMarker;
}

/** Writes the marker if nobody else has since `expectedRevision`; false when someone has. */
async function writeMarker(tenant: TenantContext, marker: TotalsMarker, expectedRevision: number): Promise<boolean> {
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        Item: { ...marker, ...markerKey(tenant, sourceOf(marker)) },
        ConditionExpression: expectedRevision === 0 ? 'attribute_not_exists(PK)' : '#revision = :revision',
        ...(expectedRevision === 0 ? {} : { ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: { ':revision': expectedRevision } }),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

const markerOf = (marker: TotalsMarker): Pick<TotalsMarker, 'kind' | 'sourceId' | 'activityId'> => ({ kind: marker.kind, sourceId: marker.sourceId, ...(marker.activityId ? { activityId: marker.activityId } : {}) });

/** A marker's mark on the totals items, naming the source (never a counter name). */
export function changeMark(marker: Pick<TotalsMarker, 'kind' | 'sourceId'>, version: number): ChangeMark {
  return { name: `v.${marker.kind}.${marker.sourceId}`, version };
}

/** Steps 2 and 3 for the marker's pending change; false when another writer moved the marker first. */
async function finishPending(tenant: TenantContext, marker: TotalsMarker): Promise<boolean> {
  const pending = marker.pending!;
  const rows = totalsDelta(marker.applied, pending.contribution);
  const mark = changeMark(marker, pending.version);
  await addToTotals(tenant, rows, mark);
  const applied: TotalsMarker = { ...markerOf(marker), version: pending.version, applied: pending.contribution, revision: marker.revision + 1 };
  if (!(await writeMarker(tenant, applied, marker.revision))) return false;
  await removeMarks(tenant, rows, mark);
  return true;
}

/** Brings the totals to what `change` says its source adds now. Safe to repeat, and to run alongside another change. */
export async function applySourceChange(tenant: TenantContext, change: SourceChange): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let marker = await readMarker(tenant, change);
    if (marker.pending) {
      if (!(await finishPending(tenant, marker))) continue;
      marker = { ...marker, version: marker.pending.version, applied: marker.pending.contribution, pending: undefined, revision: marker.revision + 1 };
    }
    if (marker.version >= change.version) return;
    if (totalsDelta(marker.applied, change.contribution).length === 0) return;
    const pending: TotalsMarker = { ...marker, pending: { version: change.version, contribution: change.contribution }, revision: marker.revision + 1 };
    if (!(await writeMarker(tenant, pending, marker.revision))) continue;
    if (await finishPending(tenant, pending)) return;
  }
  throw new Error(`The totals marker of ${change.kind} ${change.id} kept changing`);
}

/**
 * What the write paths call after the source is saved. The source is the record; totals
 * are derived, so a failure here is logged rather than failing a change already made, and
 * the next change or the reconcile job puts it right.
 */
export async function recordSourceChange(tenant: TenantContext, change: () => Promise<SourceChange | undefined>): Promise<void> {
  try {
    const resolved = await change();
    if (resolved) await applySourceChange(tenant, resolved);
  } catch (error) {
    logger.warn('monthly totals not updated; the next change or the reconcile job will', { error: error instanceof Error ? error.name : 'unknown' });
  }
}

/** The marker as the reconcile job leaves it: everything the source adds, applied. */
export function reconciledMarker(change: SourceChange, revision: number): TotalsMarker {
  return { kind: change.kind, sourceId: change.id, ...(change.activityId ? { activityId: change.activityId } : {}), version: change.version, applied: change.contribution, revision };
}
