/**
 * The local identity provider's sign-in accounts, one DynamoDB item per email address.
 * In AWS, Cognito holds accounts; nothing else in Waypoint reads these items.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { platformKeys, type Key } from '@waypoint/shared/tenancy/keys';
import { OPERATOR_ROLE, isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';

export interface SignInAccount {
  email: string;
  userId: string;
  /** The tenant's uuid; null only for the platform operator, who belongs to none. */
  tenantId: string | null;
  role: Role;
  name: string;
  passwordHash: string;
  active: boolean;
  /** The one-time-code secret, once the person has set up an authenticator app (base32). */
  totpSecret?: string;
}

export type AccountItem = Key & SignInAccount;

export function isRole(value: unknown): value is Role {
  return value === OPERATOR_ROLE || isStaffRole(value);
}

/** Builds the item to PutItem; emails are stored lower-case so sign-in ignores case. */
export function accountItem(account: Omit<SignInAccount, 'active'> & { active?: boolean }): AccountItem {
  if (!isRole(account.role)) throw new TypeError(`Unknown role "${String(account.role)}"`);
  if ((account.role === OPERATOR_ROLE) !== (account.tenantId === null)) {
    throw new TypeError('Only the platform operator has no tenant, and the operator has none');
  }
  const email = account.email.trim().toLowerCase();
  return {
    ...platformKeys.account(email),
    email,
    userId: account.userId,
    tenantId: account.tenantId,
    role: account.role,
    name: account.name,
    passwordHash: account.passwordHash,
    active: account.active ?? true,
    ...(account.totpSecret ? { totpSecret: account.totpSecret } : {}),
  };
}

function parseAccount(item: Record<string, unknown>): SignInAccount | undefined {
  const { email, userId, tenantId, role, name, passwordHash, active, totpSecret } = item;
  if (typeof email !== 'string' || typeof userId !== 'string' || typeof name !== 'string') return undefined;
  if (typeof passwordHash !== 'string' || typeof active !== 'boolean' || !isRole(role)) return undefined;
  if (tenantId !== null && tenantId !== undefined && typeof tenantId !== 'string') return undefined;
  if (totpSecret !== undefined && typeof totpSecret !== 'string') return undefined;
  return { email, userId, tenantId: tenantId ?? null, role, name, passwordHash, active, ...(totpSecret ? { totpSecret } : {}) };
}

/**
 * The account for an email address, or undefined when there is none (or the stored item
 * is malformed: refusing to sign in is safer than guessing at its fields).
 */
export async function findAccount(options: { db: DynamoDBDocumentClient; tableName: string; email: string }): Promise<SignInAccount | undefined> {
  let key: Key;
  try {
    key = platformKeys.account(options.email.trim());
  } catch {
    return undefined; // not an identifier the key builder accepts, so no account can have it
  }
  const { Item } = await options.db.send(new GetCommand({ TableName: options.tableName, Key: key, ConsistentRead: true }));
  return Item ? parseAccount(Item) : undefined;
}

/**
 * Keeps the secret of a newly set-up authenticator app; false when the account has one already
 * (set up meanwhile in another tab), which is kept: setting up never replaces an app.
 */
export async function saveTotpSecret(options: { db: DynamoDBDocumentClient; tableName: string; email: string; secret: string }): Promise<boolean> {
  try {
    await options.db.send(
      new UpdateCommand({
        TableName: options.tableName,
        Key: platformKeys.account(options.email.trim()),
        UpdateExpression: 'SET totpSecret = :secret',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(totpSecret)',
        ExpressionAttributeValues: { ':secret': options.secret },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
