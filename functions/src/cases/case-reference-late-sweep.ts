/**
 * The last look under a changed reference. A move sweeps the old reference until nothing names
 * it, but a request that read the case before the move marked it can still write afterwards,
 * for as long as a request lives: its record would sit under the old reference, out of sight
 * of the case. No request lives anywhere near REQUEST_LIFETIME_MS (API Gateway gives up after
 * 30 s), so one more sweep that long after the move finds every such record; the nightly
 * reconcile runs it, and each move is swept again once.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { londonDate } from '@waypoint/shared/time/calendar-dates';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getItem } from '../platform/database/versioned-items.ts';
import { itemsNaming, moveItem, readRenames, type CaseRename } from './case-reference-move.ts';

/** Far longer than any request can run, so a move this old has no request left that read the case before it. */
export const REQUEST_LIFETIME_MS = 15 * 60_000;

/** The most renames one chain can have: a reference changed, then changed again. */
const MOST_RENAMES_IN_A_CHAIN = 20;

/** Where a reference leads now: through every later finished move of the same case. */
function currentReference(renames: Map<string, CaseRename>, ref: string): string {
  let current = ref;
  for (let n = 0; n < MOST_RENAMES_IN_A_CHAIN; n++) {
    const next = renames.get(current.toUpperCase());
    if (next?.state !== 'done') break;
    current = next.to;
  }
  return current;
}

/** Moves what late requests left under old references; returns how many records it moved. */
export async function sweepFinishedMoves(tenant: TenantContext, now: Date): Promise<number> {
  const renames = await readRenames(tenant);
  const due = [...renames.values()].filter((r) => r.state === 'done' && !r.sweptAgainAt && now.getTime() - Date.parse(r.finishedAt ?? r.startedAt) >= REQUEST_LIFETIME_MS);
  let moved = 0;
  for (const rename of due) {
    const to = currentReference(renames, rename.to);
    const profile = await getItem<{ createdAt?: string }>(tenant, tenant.keys.case(to));
    const late = await itemsNaming(tenant, rename.from, to, londonDate(now), profile?.createdAt);
    for (const item of late) await moveItem(tenant, item, rename.from, to);
    moved += late.length;
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.caseRename(rename.from),
        UpdateExpression: 'SET sweptAgainAt = :at',
        ExpressionAttributeValues: { ':at': now.toISOString() },
      }),
    );
  }
  return moved;
}
