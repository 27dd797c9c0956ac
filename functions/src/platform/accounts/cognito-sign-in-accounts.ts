/**
 * Sign-in accounts in the Cognito user pool. The tenant and role are custom attributes only
 * administrators can write; Cognito emails the new person a temporary password.
 *
 * The Cognito client is loaded on the first account change, not when the API starts: only
 * the staff-management routes use it, and every cold start would otherwise pay for loading it.
 */
import type { AttributeType, CognitoIdentityProviderClient, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { providerNameFor } from '@waypoint/shared/federation/connection-schemas';
import { AccountExistsError, AccountNotFoundError, type SignInAccounts } from './sign-in-accounts.ts';

export interface CognitoSender {
  send: CognitoIdentityProviderClient['send'];
}

type CognitoModule = typeof import('@aws-sdk/client-cognito-identity-provider');

const attribute = (attributes: AttributeType[] | undefined, name: string) => attributes?.find((a) => a.Name === name)?.Value;

const named = (error: unknown, name: string) => (error as Error | undefined)?.name === name;

/** Users ListUsers returns in one page (Cognito's most). */
const LIST_PAGE = 60;

/** A value ListUsers' filter can quote as it is: ids and provider names never hold quotes or backslashes. */
const FILTER_SAFE = /^[\w.:@-]{1,128}$/;

/**
 * Whether a user belongs to the tenant: the tenant attribute an admin's account carries, or, for
 * someone Cognito made when they signed in through the council's provider, that provider's name
 * (`<provider>_<their id there>`), which is the tenant's alone.
 */
const ownedBy = (user: UserType, tenantId: string) => attribute(user.Attributes, 'custom:tenant_id') === tenantId || (user.Username ?? '').startsWith(`${providerNameFor(tenantId)}_`);

export function cognitoSignInAccounts(options: { userPoolId: string; region: string; cognito?: CognitoSender }): SignInAccounts {
  const UserPoolId = options.userPoolId;
  let loaded: Promise<{ sdk: CognitoModule; cognito: CognitoSender }> | undefined;
  const load = () =>
    (loaded ??= import('@aws-sdk/client-cognito-identity-provider').then((sdk) => ({
      sdk,
      cognito: options.cognito ?? new sdk.CognitoIdentityProviderClient({ region: options.region }),
    })));

  /** The account's subject, if it exists and belongs to `tenantId`. */
  async function accountIn(email: string, tenantId: string): Promise<string | undefined> {
    const {
      sdk: { AdminGetUserCommand, UserNotFoundException },
      cognito,
    } = await load();
    try {
      const user = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: email }));
      if (attribute(user.UserAttributes, 'custom:tenant_id') !== tenantId) return undefined;
      return attribute(user.UserAttributes, 'sub');
    } catch (error) {
      if (error instanceof UserNotFoundException || (error as Error).name === 'UserNotFoundException') return undefined;
      throw error;
    }
  }

  /** Deletes the user; false if Cognito had none by that name (already deleted by an earlier run). */
  async function deleteUser(Username: string): Promise<boolean> {
    const { sdk, cognito } = await load();
    try {
      await cognito.send(new sdk.AdminDeleteUserCommand({ UserPoolId, Username }));
      return true;
    } catch (error) {
      if (error instanceof sdk.UserNotFoundException || named(error, 'UserNotFoundException')) return false;
      throw error;
    }
  }

  return {
    signInAdvice: 'You will receive a separate email with a temporary password; sign in with it and choose your own.',
    async create(account) {
      const {
        sdk: { AdminCreateUserCommand, UsernameExistsException },
        cognito,
      } = await load();
      try {
        const { User } = await cognito.send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: account.email,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: account.email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: account.name },
              { Name: 'custom:tenant_id', Value: account.tenantId },
              { Name: 'custom:role', Value: account.role },
            ],
          }),
        );
        const sub = attribute(User?.Attributes, 'sub');
        if (!sub) throw new Error('Cognito created the account but returned no subject');
        return { userId: sub, created: true };
      } catch (error) {
        if (!(error instanceof UsernameExistsException)) throw error;
        const existing = await accountIn(account.email, account.tenantId);
        if (!existing) throw new AccountExistsError({ cause: error });
        return { userId: existing, created: false };
      }
    },
    async resendInvitation(account) {
      if (!(await accountIn(account.email, account.tenantId))) throw new AccountNotFoundError();
      const {
        sdk: { AdminCreateUserCommand, UnsupportedUserStateException },
        cognito,
      } = await load();
      try {
        // RESEND mails a fresh temporary password to someone who has not signed in yet.
        await cognito.send(new AdminCreateUserCommand({ UserPoolId, Username: account.email, MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] }));
      } catch (error) {
        // They have set their own password already: our email still reminds them where to sign in.
        if (!(error instanceof UnsupportedUserStateException || (error as Error).name === 'UnsupportedUserStateException')) throw error;
      }
    },
    async remove({ tenantId, email, userId }) {
      if (await accountIn(email, tenantId)) return deleteUser(email);
      // Not an account an admin made: someone who signed in through the council's provider, found by their subject.
      if (!FILTER_SAFE.test(userId)) return false;
      const { sdk, cognito } = await load();
      const { Users } = await cognito.send(new sdk.ListUsersCommand({ UserPoolId, Filter: `sub = "${userId}"`, Limit: 1 }));
      const user = Users?.[0];
      return user?.Username && ownedBy(user, tenantId) ? deleteUser(user.Username) : false;
    },
    async removeProviderAccounts(providerName) {
      if (!FILTER_SAFE.test(providerName)) return 0;
      const { sdk, cognito } = await load();
      // Always the first page: the users deleted from it are gone, so the next call sees the next ones.
      const { Users } = await cognito.send(new sdk.ListUsersCommand({ UserPoolId, Filter: `username ^= "${providerName}_"`, Limit: LIST_PAGE }));
      let removed = 0;
      for (const user of Users ?? []) if (user.Username?.startsWith(`${providerName}_`) && (await deleteUser(user.Username))) removed++;
      return removed;
    },
    async update(change) {
      if (!(await accountIn(change.email, change.tenantId))) throw new AccountNotFoundError();
      const { sdk, cognito } = await load();
      const { AdminDisableUserCommand, AdminEnableUserCommand, AdminUpdateUserAttributesCommand, AdminUserGlobalSignOutCommand } = sdk;
      if (change.role !== undefined) {
        await cognito.send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username: change.email, UserAttributes: [{ Name: 'custom:role', Value: change.role }] }));
      }
      if (change.active === false) {
        await cognito.send(new AdminDisableUserCommand({ UserPoolId, Username: change.email }));
        // Refresh tokens stop working at once; access tokens run out within the hour.
        await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: change.email }));
      }
      if (change.active === true) await cognito.send(new AdminEnableUserCommand({ UserPoolId, Username: change.email }));
    },
  };
}
