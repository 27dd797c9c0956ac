/**
 * Everything Waypoint holds about one member of staff: their record, the audits they took part
 * in (as auditor, case holder or student) with the reflections they wrote, their learning record,
 * the actions they own, the work shadowing they were part of and what the activity log says they did.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Action } from '@waypoint/shared/actions/action-schemas';
import type { Reflection } from '@waypoint/shared/audits/reflection-schemas';
import type { PractitionerLearning } from '@waypoint/shared/dashboards/learning-schemas';
import type { Shadowing } from '@waypoint/shared/shadowing/shadowing-schemas';
import type { User } from '@waypoint/shared/users/user-schemas';
import { listActionsOwnedBy } from '../actions/action-store.ts';
import type { AuditPartition } from '../audits/audit-store.ts';
import type { ActivityEntry } from '../platform/activity/activity-log.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { withoutKeys } from '../platform/database/versioned-items.ts';
import { learningOf } from '../practitioners/learning-view.ts';
import { listShadowingOf } from '../shadowing/shadowing-store.ts';
import { readAuditPartitions } from './case-subject-records.ts';

export interface StaffSubjectRecords {
  person: User;
  /** The audits they took part in, with every reflection on each (theirs are also listed on their own). */
  audits: AuditPartition[];
  reflections: Reflection[];
  learning: PractitionerLearning;
  actions: Action[];
  shadowing: Shadowing[];
  activity: ActivityEntry[];
}

async function queryAll(tenant: TenantContext, input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(new QueryCommand({ ...input, TableName: tenant.tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every audit they took part in, from their participant entries (GSI1). */
async function auditIdsOfPerson(tenant: TenantContext, userId: string): Promise<string[]> {
  const items = await queryAll(tenant, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.auditsByPerson(userId).GSI1PK }, ProjectionExpression: 'auditId' });
  return [...new Set(items.map((item) => String(item.auditId)))];
}

/**
 * What they did, from the activity log. The log is one partition read whole with a filter: an
 * export is rare, and this keeps every write from needing a second entry by person.
 */
async function activityOf(tenant: TenantContext, userId: string): Promise<ActivityEntry[]> {
  const items = await queryAll(tenant, { KeyConditionExpression: 'PK = :pk', FilterExpression: 'actorId = :me', ExpressionAttributeValues: { ':pk': tenant.keys.activityPartition(), ':me': userId } });
  return items.map((item) => withoutKeys<ActivityEntry>(item));
}

export async function staffSubjectRecords(tenant: TenantContext, person: User): Promise<StaffSubjectRecords> {
  const [auditIds, learning, actions, shadowing, activity] = await Promise.all([auditIdsOfPerson(tenant, person.id), learningOf(tenant, person), listActionsOwnedBy(tenant, person.id), listShadowingOf(tenant, person.id), activityOf(tenant, person.id)]);
  const audits = (await readAuditPartitions(tenant, auditIds)).sort((a, b) => a.audit.month.localeCompare(b.audit.month) || a.audit.id.localeCompare(b.audit.id));
  const reflections = audits.flatMap((p) => p.reflections.filter((r) => r.authorId === person.id));
  return { person, audits, reflections, learning, actions, shadowing, activity };
}
