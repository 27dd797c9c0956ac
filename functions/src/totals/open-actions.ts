/**
 * The sparse list of open actions by due date (`OPEN-ACTIONS`): an entry while an action is
 * open or in progress, none once it is done, verified or cancelled. Its key comes from the
 * due date and id, so writing it after the action is safe to repeat; what falls due across
 * the authority, for the reminders, is then one range query.
 */
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { OPEN_ACTION_STATES, type Action } from '@waypoint/shared/actions/action-schemas';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import type { CaseType } from '@waypoint/shared/cases/case-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { withoutKeys } from '../platform/database/versioned-items.ts';

export interface OpenActionEntry {
  actionId: string;
  dueDate: string;
  ownerId: string;
  teamId: string;
  /** Absent for an action from feedback, which is about the service. */
  caseRef?: string;
  caseType?: CaseType;
  /** London date it was raised: which month's totals it belongs to. */
  raisedOn: string;
  /** Only for one from work shadowing, so a reminder says where it came from. */
  source?: { type: 'shadowing' };
}

export function openActionEntry(action: Action): OpenActionEntry {
  return {
    actionId: action.id,
    dueDate: action.dueDate,
    ownerId: action.ownerId,
    teamId: action.teamId,
    ...(action.caseRef === undefined ? {} : { caseRef: action.caseRef }),
    ...(action.caseType ? { caseType: action.caseType } : {}),
    raisedOn: londonDate(new Date(action.createdAt)),
    ...(action.source.type === 'shadowing' ? { source: { type: 'shadowing' as const } } : {}),
  };
}

/** Puts or removes the action's entry to match its state. */
export async function syncOpenAction(tenant: TenantContext, action: Action): Promise<void> {
  const key = tenant.keys.openAction(action.dueDate, action.id);
  if (OPEN_ACTION_STATES.includes(action.state)) {
    await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...key, ...openActionEntry(action) } }));
  } else {
    await tenant.db.send(new DeleteCommand({ TableName: tenant.tableName, Key: key }));
  }
}

/** Open actions due on or before `lastDay`, soonest first (overdue ones included). */
export async function listOpenActionsDue(tenant: TenantContext, lastDay: string): Promise<OpenActionEntry[]> {
  // Sort keys of that day's entries run on from `DUE#<day>#`; U+FFFF is above all of them.
  const upper = `${tenant.keys.openActionsDueBefore(lastDay)}\uffff`;
  const found: OpenActionEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': tenant.keys.openActionsPartition(), ':from': 'DUE#', ':to': upper },
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(result.Items ?? []).map((item) => withoutKeys<OpenActionEntry>(item)));
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}
