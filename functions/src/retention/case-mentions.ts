/**
 * When retention deletes a case, records that are not the case's own but name it must stop
 * naming it: monthly samples (their candidates, draw, picks and swaps), records compliance
 * draws, thematic reviews (their cohort and the cases the draw matched), safety alerts,
 * invitation codes linked to it, queued or sent emails about it, and an import's refused rows
 * or problems quoting it. Each is found by its own way in, as a reference change finds them
 * (`cases/case-reference-move.ts`), never through the case (which may already be gone).
 *
 * What happens to each:
 * - a record that exists only for the case goes: an audit's safeguarding alert (its audit goes
 *   with the case), an email about it, an import problem or refused row quoting it, anything
 *   whose key names it;
 * - a record that must stay keeps its shape with the reference replaced by a stand-in,
 *   `DELETED-<id>` (the retention log entry's id, which holds no personal data), so a sample's
 *   size, a review's cohort and findings, and every count built from them stay true;
 * - an optional link (an invitation code's case, a have-your-say alert's case) is removed.
 *
 * Safe to repeat: a record already rewritten no longer names the case and is not found again.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { deletedCaseStandIn } from '@waypoint/shared/cases/deleted-case';
import type { TenantContext } from '../platform/auth/caller.ts';
import { queryEveryPage } from '../platform/database/partition-queries.ts';

type Item = Record<string, unknown>;

const KEY_ATTRIBUTE = /^(PK|SK|GSI\dPK|GSI\dSK)$/;

const partition = (tenant: TenantContext, pk: string) => queryEveryPage(tenant, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } });
const onIndex = (tenant: TenantContext, pk: string) => queryEveryPage(tenant, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': pk } });

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a reference as a whole word (not "NV-1" inside "NV-10"), in any letter case. */
function mentionPattern(refs: readonly string[]): RegExp {
  return new RegExp(`(?<![A-Za-z0-9-])(${refs.map(escape).join('|')})(?![A-Za-z0-9-])`, 'gi');
}

function replaced(value: unknown, pattern: RegExp, standIn: (ref: string) => string): unknown {
  if (typeof value === 'string') return value.replace(pattern, (ref) => standIn(ref));
  if (Array.isArray(value)) return value.map((v) => replaced(v, pattern, standIn));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Set)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaced(v, pattern, standIn)]));
  }
  return value;
}

/** What to do with one item that names a deleted case. */
export function withoutMentions(item: Item, refs: readonly string[], standIns: ReadonlyMap<string, string>): { delete: true } | { put: Item } | undefined {
  const pattern = mentionPattern(refs);
  const text = JSON.stringify(item);
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return undefined;
  const pk = String(item.PK);
  const sk = String(item.SK);
  // Records that exist only for the case.
  for (const [name, value] of Object.entries(item)) if (KEY_ATTRIBUTE.test(name) && typeof value === 'string' && mentionPattern(refs).test(value)) return { delete: true };
  if (pk.includes('#OUTBOX') || (pk.includes('#IMPORT#') && /^(PROBLEM|REFUSED)#/.test(sk))) return { delete: true };
  if (sk === 'ALERT' && item.source === 'audit') return { delete: true };
  const standIn = (ref: string) => standIns.get(ref.toUpperCase()) ?? deletedCaseStandIn('0');
  const next = replaced(item, mentionPattern(refs), standIn) as Item;
  // An optional link to the case is dropped rather than pointed at a stand-in.
  const isLink = (sk === 'ALERT' || sk.startsWith('CODE#')) && typeof next.caseRef === 'string' && [...standIns.values()].includes(next.caseRef);
  if (isLink) delete next.caseRef;
  return { put: next };
}

/** Months from `from` to `extra` months after `to` (YYYY-MM), both included. */
function monthsBetween(from: string, to: string, extra = 0): string[] {
  const n = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = n(from); i <= n(to) + extra; i++) months.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

/** Every partition (by key) that may hold a record naming one of the cases; each found by its own way in. */
async function partitionsToSearch(tenant: TenantContext, firstMonth: string, thisMonth: string): Promise<string[]> {
  const k = tenant.keys;
  const pks = new Set<string>([k.compliancePartition(), k.outboxPartition(), k.openActionsPartition(), k.shadowingActionsPartition()]);
  // Samples of every month since the first case came into Waypoint, and next month's: one partition a month.
  for (const month of monthsBetween(firstMonth < thisMonth ? firstMonth : thisMonth, thisMonth, 1)) pks.add(`${k.root}#PROGRAMME#${month}`);
  for (const review of await onIndex(tenant, k.reviewsOfAuthority().GSI1PK)) pks.add(String(review.PK));
  for (const alert of await onIndex(tenant, `${k.root}#ALERTS`)) pks.add(String(alert.PK));
  for (const activity of await onIndex(tenant, k.engagementActivities().GSI1PK)) pks.add(String(activity.PK));
  for (const record of await onIndex(tenant, k.importsOfAuthority().GSI1PK)) pks.add(String(record.PK));
  return [...pks];
}

/**
 * Rewrites or deletes every record of the authority naming one of `cases` (reference → stand-in
 * id); returns how many it touched. `firstMonth` (YYYY-MM) is the earliest any of them came into
 * Waypoint, `thisMonth` today's.
 */
export async function removeMentionsOfCases(tenant: TenantContext, cases: readonly { ref: string; standInId: string }[], firstMonth: string, thisMonth: string): Promise<number> {
  if (!cases.length) return 0;
  const refs = cases.map((c) => c.ref);
  const standIns = new Map(cases.map((c) => [c.ref.toUpperCase(), deletedCaseStandIn(c.standInId)]));
  let touched = 0;
  for (const pk of await partitionsToSearch(tenant, firstMonth, thisMonth)) {
    for (const item of await partition(tenant, pk)) if (await rewrite(tenant, item, refs, standIns)) touched += 1;
  }
  return touched;
}

/**
 * One record, written only if it is still as read (its version, when it has one), so an edit
 * made meanwhile (a swap in a sample, say) is never overwritten: it is read again and redone.
 */
async function rewrite(tenant: TenantContext, read: Item, refs: readonly string[], standIns: ReadonlyMap<string, string>): Promise<boolean> {
  let item: Item | undefined = read;
  for (let attempt = 0; item && attempt < 8; attempt++) {
    const outcome = withoutMentions(item, refs, standIns);
    if (!outcome) return attempt > 0;
    const unchanged = typeof item.version === 'number' ? { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': item.version } } : {};
    try {
      if ('delete' in outcome) await tenant.db.send(new DeleteCommand({ TableName: tenant.tableName, Key: { PK: item.PK, SK: item.SK }, ...unchanged }));
      else await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: outcome.put, ...unchanged }));
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      item = (await tenant.db.send(new GetCommand({ TableName: tenant.tableName, Key: { PK: item.PK, SK: item.SK } }))).Item;
    }
  }
  if (item) throw new Error('A record naming a deleted case kept changing; the next run finishes it');
  return true;
}
