/**
 * Lists of actions. Each view and status maps to index ranges, read in order with one
 * cursor: my open actions are my owner range `OPEN#` (due date order, so overdue ones come
 * first); a team's open ones read every team's overdue range first, then every team's
 * current range, so overdue actions lead across teams too; closed ones read `CLOSED#`
 * newest first; a case's read its whole GSI3 partition, grouped by audit.
 */
import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { OPEN_ACTION_STATES, type Action, type ActionListStatus, type ActionListView, type ActionPage } from '@waypoint/shared/actions/action-schemas';
import { today } from '../audits/audit-checks.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { withoutKeys } from '../platform/database/versioned-items.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { decodeCursor, encodeCursor, requireCursorIn, type Cursor } from '../platform/http/pagination.ts';
import { getUserNames } from '../users/user-store.ts';
import { viewOf } from './action-scope.ts';

/** One sort-key range of one index partition. */
export interface ActionRange {
  index: 'GSI1' | 'GSI2' | 'GSI3';
  partition: string;
  /** Inclusive bounds; both absent reads the whole partition. */
  from?: string;
  to?: string;
  newestFirst: boolean;
}

/** `#` sorts just before `$`, so `OPEN$` is above every `OPEN#…` key. */
const AFTER_OPEN = 'OPEN$';
const AFTER_CLOSED = 'CLOSED$';

export function rangesFor(tenant: TenantContext, options: { view: ActionListView; status?: ActionListStatus; userId: string; teamIds: readonly string[]; caseRef?: string; on: string }): ActionRange[] {
  const k = tenant.keys;
  const open = (index: 'GSI1' | 'GSI2', partition: string, from: string, to: string): ActionRange => ({ index, partition, from, to, newestFirst: false });
  const closed = (index: 'GSI1' | 'GSI2', partition: string): ActionRange => ({ index, partition, from: 'CLOSED#', to: AFTER_CLOSED, newestFirst: true });
  switch (options.view) {
    case 'mine': {
      const partition = k.actionsByOwner(options.userId).GSI1PK;
      return [options.status === 'closed' ? closed('GSI1', partition) : open('GSI1', partition, 'OPEN#', AFTER_OPEN)];
    }
    case 'team': {
      const partitions = options.teamIds.map((team) => k.actionsByTeam(team).GSI2PK);
      if (options.status === 'closed') return partitions.map((p) => closed('GSI2', p));
      // `OPEN#<today>` is above every entry due before today and below every entry due today.
      return [...partitions.map((p) => open('GSI2', p, 'OPEN#', `OPEN#${options.on}`)), ...partitions.map((p) => open('GSI2', p, `OPEN#${options.on}`, AFTER_OPEN))];
    }
    case 'case':
      return [{ index: 'GSI3', partition: k.actionsByCase(options.caseRef!).GSI3PK, newestFirst: false }];
  }
}

function keepForStatus(status: ActionListStatus | undefined, action: Action): boolean {
  if (status === undefined) return true;
  return OPEN_ACTION_STATES.includes(action.state) === (status === 'open');
}

export async function listActions(options: { tenant: TenantContext; ranges: ActionRange[]; status?: ActionListStatus; filterStatus: boolean; limit: number; cursor?: string }): Promise<ActionPage> {
  const { tenant, ranges } = options;
  const on = today();
  let position: Cursor | undefined = decodeCursor(options.cursor, tenant.keys.root) ?? { part: 0 };
  const found: Action[] = [];
  for (let queries = 0; position && (position.part ?? 0) < ranges.length && found.length < options.limit && queries < 10; queries++) {
    const part: number = position.part ?? 0;
    const r = ranges[part]!;
    const [pk, sk] = [`${r.index}PK`, `${r.index}SK`];
    const bounded = r.from !== undefined && r.to !== undefined;
    requireCursorIn(position.key, { partitionKey: pk, partitionValue: r.partition, keyNames: [pk, sk, 'PK', 'SK'] });
    // A start key outside the range would be a DynamoDB error (a 500) for what is only a bad cursor.
    if (position.key && bounded && (position.key[sk]! < r.from! || position.key[sk]! > r.to!)) throw new ApiError('validation', 'The cursor is not valid', { errors: [{ path: 'cursor', message: 'Use the nextCursor from a previous page' }] });
    const result: QueryCommandOutput = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: r.index,
        KeyConditionExpression: bounded ? '#pk = :pk AND #sk BETWEEN :from AND :to' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': pk, ...(bounded ? { '#sk': sk } : {}) },
        ExpressionAttributeValues: { ':pk': r.partition, ...(bounded ? { ':from': r.from, ':to': r.to } : {}) },
        ScanIndexForward: !r.newestFirst,
        Limit: options.limit - found.length,
        ExclusiveStartKey: position.key,
      }),
    );
    found.push(...(result.Items ?? []).map((item) => withoutKeys<Action>(item)).filter((a) => !options.filterStatus || keepForStatus(options.status, a)));
    position = result.LastEvaluatedKey ? { part, key: result.LastEvaluatedKey as Record<string, string> } : part + 1 < ranges.length ? { part: part + 1 } : undefined;
  }
  if (position && (position.part ?? 0) >= ranges.length) position = undefined;
  const named = found.flatMap((a) => [a.ownerId, a.raisedById]);
  return { items: found.map((a) => viewOf(a, on)), nextCursor: encodeCursor(position), people: Object.fromEntries(await getUserNames(tenant, named)), today: on };
}
