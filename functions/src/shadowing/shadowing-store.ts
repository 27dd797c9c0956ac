/**
 * Work shadowing in DynamoDB: one item per shadowing in its own partition, indexed by the
 * person shadowing (GSI1), the practitioner (GSI2) and the authority (GSI3), each by the day
 * of the work; and a pointer per action raised from the learning view.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Shadowing } from '@waypoint/shared/shadowing/shadowing-schemas';
import type { ShadowingTheme } from '@waypoint/shared/shadowing/shadowing-themes';
import type { TenantContext } from '../platform/auth/caller.ts';
import { readAllWithPrefix } from '../platform/database/partition-queries.ts';
import { createItem, getItem, updateVersioned, withoutKeys } from '../platform/database/versioned-items.ts';

export async function getShadowing(tenant: TenantContext, id: string): Promise<Shadowing | undefined> {
  return getItem<Shadowing>(tenant, tenant.keys.shadowing(id));
}

export async function putNewShadowing(tenant: TenantContext, shadowing: Shadowing): Promise<void> {
  await createItem({ tenant, key: tenant.keys.shadowing(shadowing.id), item: { ...shadowing, ...tenant.keys.shadowingIndexEntries(shadowing) }, what: 'shadowing' });
}

/** Applies `changes` if the shadowing is still at `expectedVersion` (412 otherwise). */
export async function updateShadowing(options: { tenant: TenantContext; current: Shadowing; expectedVersion: number; changes: Partial<Record<keyof Shadowing, unknown>>; at: string }): Promise<Shadowing> {
  const { after } = await updateVersioned<Shadowing>({
    tenant: options.tenant,
    key: options.tenant.keys.shadowing(options.current.id),
    expectedVersion: options.expectedVersion,
    changes: options.changes,
    at: options.at,
    what: 'shadowing',
    current: options.current,
  });
  return after;
}

type IndexKeys = Record<string, string>;

async function queryIndex(tenant: TenantContext, index: 'GSI1' | 'GSI2' | 'GSI3', partition: IndexKeys, range?: { from: string; to: string }): Promise<Shadowing[]> {
  const found: Shadowing[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: index,
        KeyConditionExpression: range ? '#pk = :pk AND #sk BETWEEN :from AND :to' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': `${index}PK`, ...(range ? { '#sk': `${index}SK` } : {}) },
        ExpressionAttributeValues: { ':pk': partition[`${index}PK`], ...(range ? { ':from': range.from, ':to': `${range.to}#~` } : {}) },
        ScanIndexForward: false,
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(result.Items ?? []).map((item) => withoutKeys<Shadowing>(item)));
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}

/** A person's shadowing, newest work first: as the one shadowing, as the one shadowed, or both. A person takes part in tens a year. */
export async function listShadowingOf(tenant: TenantContext, userId: string, as?: 'shadower' | 'practitioner'): Promise<Shadowing[]> {
  const [shadowing, shadowed] = await Promise.all([as === 'practitioner' ? [] : queryIndex(tenant, 'GSI1', tenant.keys.shadowingByShadower(userId)), as === 'shadower' ? [] : queryIndex(tenant, 'GSI2', tenant.keys.shadowingByPractitioner(userId))]);
  return [...shadowing, ...shadowed].sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
}

/** The authority's shadowing whose work falls between two London dates (both included). */
export async function listShadowingBetween(tenant: TenantContext, from: string, to: string): Promise<Shadowing[]> {
  return queryIndex(tenant, 'GSI3', tenant.keys.shadowingOfAuthority(), { from, to });
}

export interface ShadowingActionPointer {
  actionId: string;
  theme: ShadowingTheme;
}

/** Written after the action itself, with a key from its id, so a retry writes the same pointer. */
export async function putShadowingActionPointer(tenant: TenantContext, pointer: ShadowingActionPointer): Promise<void> {
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...tenant.keys.shadowingAction(pointer.actionId), ...pointer } }));
}

export async function listShadowingActionPointers(tenant: TenantContext): Promise<ShadowingActionPointer[]> {
  return readAllWithPrefix<ShadowingActionPointer>(tenant, { PK: tenant.keys.shadowingActionsPartition(), SK: 'ACTION#' });
}
