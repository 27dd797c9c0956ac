/**
 * Invitation codes in DynamoDB. The code record sits in its activity's partition; a small
 * lookup item keyed by the code itself, under the tenant's own root, points to it, so a
 * code resolves only within the authority whose address it is used at. Counters of
 * sessions and submissions live on the record and are updated with conditional ADDs.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { generateInvitationCode, type InvitationCode } from '@waypoint/shared/engagement/invitation-codes';
import type { TenantContext } from '../platform/auth/caller.ts';
import { queryIndexPage } from '../platform/database/index-page.ts';
import { getItem, withoutKeys } from '../platform/database/versioned-items.ts';

/** A code record as stored: the staff view plus the response a single-use code opened. */
export interface StoredCode extends InvitationCode {
  responseId?: string;
}

interface CodeLookup {
  activityId: string;
  codeId: string;
}

/** Tries a few random codes until one is free in this tenant (a clash is about one in 10^11). */
async function claimCode(tenant: TenantContext, pointer: CodeLookup, fixed?: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = fixed ?? generateInvitationCode();
    try {
      await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...pointer, ...tenant.keys.invitationLookup(code) }, ConditionExpression: 'attribute_not_exists(PK)' }));
      return code;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (fixed) return fixed;
    }
  }
  throw new Error('Could not find a free invitation code');
}

/**
 * The lookup first (conditional on absence, so two codes never share a value), then the
 * record. A crash between leaves a pointer to nothing, which reads as an unknown code.
 * `fixedCode` is for the demo seed, whose codes are printed in the README.
 */
export async function putNewCode(tenant: TenantContext, record: Omit<StoredCode, 'code'>, fixedCode?: string): Promise<StoredCode> {
  const raw = await claimCode(tenant, { activityId: record.activityId, codeId: record.id }, fixedCode);
  const stored: StoredCode = { ...record, code: `${raw.slice(0, 4)}-${raw.slice(4)}` };
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...stored, ...tenant.keys.invitationCode(record.activityId, record.id) }, ConditionExpression: 'attribute_not_exists(PK)' })).catch((error: unknown) => {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  });
  return stored;
}

export function getCode(tenant: TenantContext, activityId: string, codeId: string): Promise<StoredCode | undefined> {
  return getItem<StoredCode>(tenant, tenant.keys.invitationCode(activityId, codeId));
}

/** A normalised code (`ABCDEFGH`) to its record, looked up in this tenant only. */
export async function findCode(tenant: TenantContext, code: string): Promise<StoredCode | undefined> {
  const pointer = await getItem<CodeLookup>(tenant, tenant.keys.invitationLookup(code));
  return pointer ? getCode(tenant, pointer.activityId, pointer.codeId) : undefined;
}

/** Newest first; `keep` drops what the caller may not see. */
export async function listCodes(options: { tenant: TenantContext; activityId: string; limit: number; cursor?: string; keep: (code: StoredCode) => boolean }) {
  const { tenant } = options;
  const prefix = tenant.keys.invitationCodesPrefix(options.activityId);
  const page = await queryIndexPage<StoredCode>({ db: tenant.db, tableName: tenant.tableName, partition: prefix.PK, sortPrefix: prefix.SK, limit: options.limit, cursor: options.cursor, cursorRoot: tenant.keys.root });
  return { ...page, items: page.items.filter(options.keep) };
}

/** Revokes once: a second revoke leaves the first's time and person. */
export async function revokeCode(tenant: TenantContext, code: StoredCode, by: string, at: string): Promise<{ changed: boolean; code: StoredCode }> {
  try {
    const { Attributes } = await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.invitationCode(code.activityId, code.id),
        UpdateExpression: 'SET revokedAt = :at, revokedBy = :by, updatedAt = :at, #version = #version + :one',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':at': at, ':by': by, ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { changed: true, code: withoutKeys<StoredCode>(Attributes ?? {}) };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return { changed: false, code: (await getCode(tenant, code.activityId, code.id)) ?? code };
  }
}

/** Adds one to a counter unless it has reached `limit`; false when it had. */
export async function countWithin(tenant: TenantContext, key: { PK: string; SK: string }, counter: string, limit: number, by = 1): Promise<boolean> {
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: key,
        UpdateExpression: 'ADD #counter :by',
        ConditionExpression: 'attribute_not_exists(#counter) OR #counter < :limit',
        ExpressionAttributeNames: { '#counter': counter },
        ExpressionAttributeValues: { ':by': by, ':limit': limit },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** A single-use code's one response: the first session to ask sets it, later ones get the same. */
export async function claimResponseForCode(tenant: TenantContext, code: StoredCode, responseId: string): Promise<string> {
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.invitationCode(code.activityId, code.id),
        UpdateExpression: 'SET responseId = :rid',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(responseId)',
        ExpressionAttributeValues: { ':rid': responseId },
      }),
    );
    return responseId;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return (await getCode(tenant, code.activityId, code.id))?.responseId ?? responseId;
  }
}
