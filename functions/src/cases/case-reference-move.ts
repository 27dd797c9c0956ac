/**
 * Changing a case's reference. Many records carry it, in their keys or their fields: the case's
 * own partition (profile, journey), its audits (and their index by case), its actions (and the
 * open-actions list), records compliance checks (keyed by month and reference) and their totals
 * markers, samples that listed it, thematic reviews' cohorts, invitation codes linked to it,
 * safety alerts, and activity-log entries about it. Evidence files are filed under their
 * audit, action or reflection by id, and totals by team and case type, so neither names it.
 *
 * DynamoDB here has no multi-item transactions (dynalite has none), so the move is a
 * sequence of steps each safe to repeat, driven by a marker in `CASE-RENAMES`:
 *  1. the marker says `moving` (old → new, which import);
 *  2. the new reference's lookup is claimed (refused if another case has it);
 *  3. the case's profile is marked `referenceMovingTo` in one conditional write that also moves
 *     its version on: every change to the case is refused from then on with a 409 saying the
 *     reference is being changed (`refuseWhileMoving`), and an edit read before it fails its If-Match;
 *  4. every record naming the old reference is found by its own way in (not through the case),
 *     and rewritten: in place where its key stays, or written under its new key and then the old
 *     one deleted, each write conditional on the item being as read, so an edit that lands in
 *     between (an audit's answers, say) is read again and moved, never lost;
 *  5. the old reference's lookup is pointed at the new reference, so an old link still finds
 *     the case, and the old reference stays taken; then the profile moves, last;
 *  6. the old reference is swept again until nothing names it (a change that began before the
 *     mark and wrote after its record was read), then the mark comes off the moved profile;
 *  7. the marker says `done`;
 *  8. the next nightly reconcile sweeps the old reference once more (case-reference-late-sweep.ts):
 *     a request that read the case before the mark and wrote after step 6 is caught there.
 * A move that stops anywhere is finished by running it again: what was moved is no longer found
 * under the old reference, what was copied is not copied twice, and nothing is deleted before
 * its copy exists.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clock } from '@waypoint/shared/time/clock';
import type { TenantContext } from '../platform/auth/caller.ts';
import { queryEveryPage } from '../platform/database/partition-queries.ts';
import { getItem } from '../platform/database/versioned-items.ts';
import { itemUnderNewRef, namesRef } from './case-reference-values.ts';

export interface CaseRename {
  /** The old reference as the case had it. */
  from: string;
  to: string;
  importId: string;
  state: 'moving' | 'done';
  startedAt: string;
  /** When the move itself finished (the clock's time, not the import's). */
  finishedAt?: string;
  /** When the nightly sweep last looked under the old reference (case-reference-late-sweep.ts). */
  sweptAgainAt?: string;
}

type Item = Record<string, unknown>;

export class ReferenceTaken extends Error {}

const partition = (tenant: TenantContext, pk: string) => queryEveryPage(tenant, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } });
const onIndex = (tenant: TenantContext, index: 'GSI1' | 'GSI3', pk: string) => queryEveryPage(tenant, { IndexName: index, KeyConditionExpression: `${index}PK = :pk`, ExpressionAttributeValues: { ':pk': pk } });

/** Every rename the authority has made, by old reference in upper case. */
export async function readRenames(tenant: TenantContext): Promise<Map<string, CaseRename>> {
  const items = await partition(tenant, tenant.keys.caseRenamesPartition());
  return new Map(items.map((i) => [String(i.from).toUpperCase(), i as unknown as CaseRename]));
}

export function getRename(tenant: TenantContext, oldRef: string): Promise<CaseRename | undefined> {
  return getItem<CaseRename>(tenant, tenant.keys.caseRename(oldRef));
}

/** Months from `from` (YYYY-MM) to `to`, both included, at most 240. */
function monthsBetween(from: string, to: string): string[] {
  const n = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = Math.max(n(from), n(to) - 239); i <= n(to); i++) months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

/** Every item of the authority that names the case's old reference, each found by its own way in. */
export async function itemsNaming(tenant: TenantContext, from: string, to: string, today: string, createdAt: string | undefined): Promise<Item[]> {
  const k = tenant.keys;
  const found: Item[] = [];
  const keep = (items: Item[]) => found.push(...items.filter((i) => namesRef(i, from, to)));
  // Audits and actions by their index entries by case, then each one's own partition. Under the
  // new reference too: after a stop, an audit may be indexed under it while items beside it are not yet moved.
  const entries = [...(await onIndex(tenant, 'GSI3', k.auditsByCase(from).GSI3PK)), ...(await onIndex(tenant, 'GSI3', k.auditsByCase(to).GSI3PK))];
  entries.push(...(await onIndex(tenant, 'GSI3', k.actionsByCase(from).GSI3PK)), ...(await onIndex(tenant, 'GSI3', k.actionsByCase(to).GSI3PK)));
  for (const pk of new Set(entries.map((e) => String(e.PK)))) keep(await partition(tenant, pk));
  keep(await partition(tenant, k.openActionsPartition()));
  keep(await partition(tenant, k.compliancePartition()));
  // The activity log is one long partition: only entries whose record id holds the reference come back.
  keep(await queryEveryPage(tenant, { KeyConditionExpression: 'PK = :pk', FilterExpression: 'contains(entityId, :from)', ExpressionAttributeValues: { ':pk': k.activityPartition(), ':from': from } }));
  // Samples of each month since the case came into Waypoint, and next month's.
  const thisMonth = today.slice(0, 7);
  const firstMonth = (createdAt ?? today).slice(0, 7);
  for (const month of monthsBetween(firstMonth < thisMonth ? firstMonth : thisMonth, addMonth(thisMonth))) keep(await partition(tenant, `${k.root}#PROGRAMME#${month}`));
  for (const review of await onIndex(tenant, 'GSI1', k.reviewsOfAuthority().GSI1PK)) keep(await partition(tenant, String(review.PK)));
  // Alerts by their own item, not the index's copy, which may lag a moment behind.
  for (const alert of await onIndex(tenant, 'GSI1', k.alertsByStatus(true).GSI1PK)) if (namesRef(alert, from, to)) keep(await partition(tenant, String(alert.PK)));
  for (const activity of await onIndex(tenant, 'GSI1', k.engagementActivities().GSI1PK)) keep(await partition(tenant, String(activity.PK)));
  // The case's own partition last: its profile is the last thing moved.
  keep(await partition(tenant, k.case(from).PK));
  const unique = new Map(found.map((i) => [`${String(i.PK)}|${String(i.SK)}`, i]));
  return [...unique.values()];
}

function addMonth(month: string): string {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/**
 * Rewrites one item under the new reference; safe to repeat. Whatever is under the old key is
 * the record while it is there, so every write is conditional on it being as read (its version,
 * when it has one): an edit that lands between the read and the write is read again and moved
 * too, never overwritten nor left behind. A copy already made by an earlier pass is replaced
 * unless it is newer than the old item.
 */
export async function moveItem(tenant: TenantContext, read: Item, from: string, to: string): Promise<void> {
  let item: Item | undefined = read;
  for (let attempt = 0; item && attempt < 8; attempt++) {
    if (!namesRef(item, from, to)) return;
    const next = itemUnderNewRef(item, from, to);
    // An activity entry's id is its sort key, encoded.
    if (next.PK === tenant.keys.activityPartition() && typeof next.SK === 'string') next.id = Buffer.from(next.SK).toString('base64url');
    const version = typeof item.version === 'number' ? item.version : undefined;
    const asRead = version === undefined ? {} : { ConditionExpression: '#version = :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': version } };
    try {
      if (next.PK === item.PK && next.SK === item.SK) {
        await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: next, ...asRead }));
        return;
      }
      await copy(tenant, next, version);
      await tenant.db.send(new DeleteCommand({ TableName: tenant.tableName, Key: { PK: item.PK, SK: item.SK }, ...asRead }));
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Changed since it was read: read it again and move what is there now.
      item = (await tenant.db.send(new GetCommand({ TableName: tenant.tableName, Key: { PK: item.PK, SK: item.SK } }))).Item;
    }
  }
  if (item) throw new Error('A record of the case kept changing while it moved; the next pass finishes it');
}

/** The copy under the new key: over an earlier pass's copy unless that is newer; an item with no version is never rewritten. */
async function copy(tenant: TenantContext, next: Item, version: number | undefined): Promise<void> {
  const condition =
    version === undefined
      ? { ConditionExpression: 'attribute_not_exists(PK)' }
      : { ConditionExpression: 'attribute_not_exists(PK) OR #version <= :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': version } };
  try {
    await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: next, ...condition }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/**
 * Marks the case as moving, in one conditional write to its profile that also moves its version
 * on: from then on every change to the case is refused (`refuseWhileMoving`), and a change read
 * before the mark fails its If-Match. A second pass, or one after the profile moved, does nothing.
 */
async function markMoving(tenant: TenantContext, from: string, to: string): Promise<void> {
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.case(from),
        UpdateExpression: 'SET #moving = :to, #version = #version + :one',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#moving)',
        ExpressionAttributeNames: { '#moving': 'referenceMovingTo', '#version': 'version' },
        ExpressionAttributeValues: { ':to': to, ':one': 1 },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** The move's end: the case takes changes again, under its new reference. */
async function unmark(tenant: TenantContext, to: string): Promise<void> {
  try {
    await tenant.db.send(new UpdateCommand({ TableName: tenant.tableName, Key: tenant.keys.case(to), UpdateExpression: 'REMOVE referenceMovingTo', ConditionExpression: 'attribute_exists(PK)' }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** At most this many sweeps after the profile moved, each finding what a late change left under the old reference. */
const SWEEPS = 5;

/**
 * Claims the new reference's lookup for this move (`renameFrom` says whose it is, so a second
 * pass finds its own claim); ReferenceTaken if any other case has it, or had it. Nothing moves
 * before the claim succeeds, so a refused claim leaves nothing to undo.
 */
async function claimNewRef(tenant: TenantContext, from: string, to: string): Promise<void> {
  const lookup = await getItem<{ renameFrom?: string }>(tenant, tenant.keys.caseRefLookup(to));
  if (lookup?.renameFrom === from) return;
  // A case stored before lookups existed has none: its profile says the reference is taken.
  if (await getItem(tenant, tenant.keys.case(to))) throw new ReferenceTaken(`${to} is already used`);
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        Item: { ...tenant.keys.caseRefLookup(to), ref: to, renameFrom: from },
        ConditionExpression: 'attribute_not_exists(PK) OR renameFrom = :from',
        ExpressionAttributeValues: { ':from': from },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ReferenceTaken(`${to} is already used`);
    throw error;
  }
}

/**
 * Moves the case with reference `from` (as stored) to `to`, for import `importId`. Returns
 * false when the marker shows another import already moved it (nothing done now).
 */
export async function moveCaseReference(tenant: TenantContext, options: { from: string; to: string; importId: string; at: string; today: string }): Promise<boolean> {
  const { from, to, importId, at, today } = options;
  const markerKey = tenant.keys.caseRename(from);
  const existing = await getRename(tenant, from);
  if (existing?.state === 'done') return existing.importId === importId;
  if (!existing) {
    // The marker before anything moves; a second pass of the same chunk finds it.
    const marker: CaseRename = { from, to, importId, state: 'moving', startedAt: at };
    try {
      await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...markerKey, ...marker }, ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  try {
    await claimNewRef(tenant, from, to);
  } catch (error) {
    // Nothing has moved: the marker goes, so the row can be put right and tried again.
    if (error instanceof ReferenceTaken) await tenant.db.send(new DeleteCommand({ TableName: tenant.tableName, Key: markerKey }));
    throw error;
  }
  await markMoving(tenant, from, to);
  const profile = await getItem<{ createdAt?: string }>(tenant, tenant.keys.case(from));
  const createdAt = profile?.createdAt ?? (await getItem<{ createdAt?: string }>(tenant, tenant.keys.case(to)))?.createdAt;
  const items = await itemsNaming(tenant, from, to, today, createdAt);
  const profileKey = tenant.keys.case(from);
  const isProfile = (i: Item) => i.PK === profileKey.PK && i.SK === profileKey.SK;
  for (const item of items.filter((i) => !isProfile(i))) await moveItem(tenant, item, from, to);
  // The old reference now leads to the new one, and stays taken; pointed there before the profile
  // moves, so a change sent to the old reference finds the case (still marked) and is told why it waits.
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...tenant.keys.caseRefLookup(from), ref: to, renamedTo: to } }));
  for (const item of items.filter(isProfile)) await moveItem(tenant, item, from, to);
  // Anything a change that began before the mark wrote under the old reference since it was read moves too.
  for (let sweep = 0; ; sweep++) {
    const late = await itemsNaming(tenant, from, to, today, createdAt);
    if (!late.length) break;
    if (sweep === SWEEPS) throw new Error('Records of the case kept appearing under its old reference; the next pass finishes the move');
    for (const item of late) await moveItem(tenant, item, from, to);
  }
  await unmark(tenant, to);
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...markerKey, from, to, importId: existing?.importId ?? importId, state: 'done', startedAt: existing?.startedAt ?? at, finishedAt: clock.nowIso() } }));
  return true;
}
