/**
 * Reading and writing versioned items of one tenant. Creates are conditional on absence
 * (a retry cannot duplicate), updates on the version the client read (nothing is lost
 * when two people edit). Only operations dynalite supports are used.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Key } from '@waypoint/shared/tenancy/keys';
import type { TenantContext } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';

/** Where items are read and written: a tenant's context, or the platform client for `PLATFORM#` items. */
export type ItemStore = Pick<TenantContext, 'db' | 'tableName'>;

const KEY_ATTRIBUTE = /^(PK|SK|GSI\d+PK|GSI\d+SK)$/;

/** Only names ending in K can be keys: the pattern is tested on those alone (a list reads hundreds of items). */
const isKeyAttribute = (name: string) => name.charCodeAt(name.length - 1) === 75 && KEY_ATTRIBUTE.test(name);

/** The item as the API shows it: no storage keys. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const shown: Record<string, unknown> = {};
  for (const name in item) {
    if (isKeyAttribute(name)) continue;
    // Defined rather than assigned for this one name, which assignment would take as the prototype.
    if (name === '__proto__') Object.defineProperty(shown, name, { value: item[name], enumerable: true, writable: true, configurable: true });
    else shown[name] = item[name];
  }
  return shown as T;
}

export async function getItem<T>(tenant: ItemStore, key: Key): Promise<T | undefined> {
  const { Item } = await tenant.db.send(new GetCommand({ TableName: tenant.tableName, Key: key }));
  return Item ? withoutKeys<T>(Item) : undefined;
}

export async function createItem(options: { tenant: ItemStore; key: Key; item: Record<string, unknown>; what: string }): Promise<void> {
  try {
    await options.tenant.db.send(
      new PutCommand({
        TableName: options.tenant.tableName,
        Item: { ...options.item, ...options.key },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ApiError('conflict', `That ${options.what} already exists`);
    throw error;
  }
}

export interface VersionedUpdate {
  tenant: ItemStore;
  key: Key;
  expectedVersion: number;
  /** Attributes to set; `null` or `undefined` values are removed from the item. */
  changes: Record<string, unknown>;
  at: string;
  what: string;
  /**
   * The item as this request read it. When it is at `expectedVersion` and `changes` would
   * leave it as it is, nothing is written: the version, the ETag and the activity log stay
   * as they were, so saving an untouched form changes nothing.
   */
  current?: object;
}

export interface VersionedResult<T> {
  before: T;
  after: T;
  /** False when nothing needed writing (`after` is then `before`). */
  changed: boolean;
}

/** Whether two stored values are the same, whatever order a map's keys came in. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = b as Record<string, unknown>;
  return left.length === Object.values(right).filter((value) => value !== undefined).length && left.every(([name, value]) => sameValue(value, right[name]));
}

/** Whether applying `changes` would leave `item` as it is (index keys follow the other attributes, so they are not compared). */
export function changesNothing(item: object, changes: Record<string, unknown>): boolean {
  const current = item as Record<string, unknown>;
  return Object.entries(changes).every(([name, value]) => {
    if (KEY_ATTRIBUTE.test(name)) return true;
    if (value === null || value === undefined) return current[name] === undefined || current[name] === null;
    return sameValue(current[name], value);
  });
}

/** Applies `changes` if the item is still at `expectedVersion`; returns the item before and after. */
export async function updateVersioned<T>(options: VersionedUpdate): Promise<VersionedResult<T>> {
  const current = options.current as (T & { version?: unknown }) | undefined;
  if (current && current.version === options.expectedVersion && changesNothing(current, options.changes)) return { before: current, after: current, changed: false };
  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':expected': options.expectedVersion, ':one': 1, ':at': options.at };
  const sets = ['#version = #version + :one', '#updatedAt = :at'];
  const removes: string[] = [];
  Object.entries(options.changes).forEach(([name, value], index) => {
    names[`#a${index}`] = name;
    if (value === null || value === undefined) removes.push(`#a${index}`);
    else {
      values[`:a${index}`] = value;
      sets.push(`#a${index} = :a${index}`);
    }
  });
  try {
    const { Attributes } = await options.tenant.db.send(
      new UpdateCommand({
        TableName: options.tenant.tableName,
        Key: options.key,
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_OLD',
      }),
    );
    const before = withoutKeys<Record<string, unknown>>(Attributes ?? {});
    const after = { ...before, version: options.expectedVersion + 1, updatedAt: options.at } as Record<string, unknown>;
    for (const [name, value] of Object.entries(options.changes)) {
      if (KEY_ATTRIBUTE.test(name)) continue;
      if (value === null || value === undefined) delete after[name];
      else after[name] = value;
    }
    return { before: before as T, after: after as T, changed: true };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const current = await getItem<{ version: number }>(options.tenant, options.key);
    if (!current) throw new ApiError('not-found', `No such ${options.what}`);
    throw new ApiError('precondition-failed', `The ${options.what} was changed by someone else (now version ${current.version}); read it again and reapply your change`);
  }
}

/** Names of the attributes whose values differ; values are not kept in the activity log. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const ignore = new Set(['version', 'updatedAt', 'createdAt']);
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => !ignore.has(n) && !KEY_ATTRIBUTE.test(n) && JSON.stringify(before[n]) !== JSON.stringify(after[n])).sort();
}
