/**
 * Sign-in accounts on one machine: items the local OpenID provider reads. A new account
 * gets the demo password, so a person an admin adds can sign in at once during development.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import { ulid } from 'ulid';
import { AccountExistsError, AccountNotFoundError, type SignInAccounts } from '../../platform/accounts/sign-in-accounts.ts';
import { accountItem, findAccount } from './account-store.ts';
import { hashPassword } from './passwords.ts';

export function localSignInAccounts(options: { db: DynamoDBDocumentClient; tableName: string; password: string }): SignInAccounts {
  const { db, tableName } = options;
  return {
    signInAdvice: 'On this development machine, sign in with your email address and the demo password.',
    async create(account) {
      const existing = await findAccount({ db, tableName, email: account.email });
      if (existing) {
        if (existing.tenantId !== account.tenantId) throw new AccountExistsError();
        return { userId: existing.userId, created: false };
      }
      const userId = ulid();
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...accountItem({ ...account, userId, passwordHash: await hashPassword(options.password) }) },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (error) {
        // Someone else created it between our read and write: decide again from what is there now.
        if (error instanceof ConditionalCheckFailedException) return this.create(account);
        throw error;
      }
      return { userId, created: true };
    },
    // Accounts made through a council's provider are keyed by the person's email too, so one way serves both.
    async remove({ tenantId, email }) {
      const existing = await findAccount({ db, tableName, email });
      if (!existing || existing.tenantId !== tenantId) return false;
      try {
        await db.send(new DeleteCommand({ TableName: tableName, Key: platformKeys.account(existing.email), ConditionExpression: 'tenantId = :tenant', ExpressionAttributeValues: { ':tenant': tenantId } }));
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    // The outbox email is the whole invitation here: the demo password needs no resending.
    async resendInvitation() {},
    async update(change) {
      const existing = await findAccount({ db, tableName, email: change.email });
      if (!existing || existing.tenantId !== change.tenantId) throw new AccountNotFoundError();
      const sets: string[] = [];
      const values: Record<string, unknown> = {};
      if (change.role !== undefined) {
        sets.push('#role = :role');
        values[':role'] = change.role;
      }
      if (change.active !== undefined) {
        sets.push('active = :active');
        values[':active'] = change.active;
      }
      if (sets.length === 0) return;
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: platformKeys.account(change.email),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'tenantId = :tenant',
          ExpressionAttributeNames: change.role !== undefined ? { '#role': 'role' } : undefined,
          ExpressionAttributeValues: { ...values, ':tenant': change.tenantId },
        }),
      );
    },
  };
}
