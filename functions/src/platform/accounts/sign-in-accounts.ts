/**
 * Sign-in accounts, kept by the identity provider (Cognito in AWS, the local OpenID provider
 * on one machine). A staff user's id is their account's subject, so the id in a verified
 * token is the id of their user record, and the account carries the tenant and role that
 * become the token's claims.
 */
import type { StaffRole } from '@waypoint/shared/tenancy/roles';

export class AccountExistsError extends Error {
  constructor(options?: ErrorOptions) {
    super('An account with that email address already exists', options);
    this.name = 'AccountExistsError';
  }
}

export class AccountNotFoundError extends Error {
  constructor(options?: ErrorOptions) {
    super('No account for that email address in this tenant', options);
    this.name = 'AccountNotFoundError';
  }
}

export interface NewAccount {
  tenantId: string;
  email: string;
  name: string;
  role: StaffRole;
}

export interface AccountChange {
  tenantId: string;
  email: string;
  role?: StaffRole;
  active?: boolean;
}

export interface SignInAccounts {
  /**
   * Creates the account and returns its subject. When an account with that email already
   * exists in the same tenant (a retry after a crash), returns its subject with
   * `created: false`; in another tenant, throws AccountExistsError.
   */
  create(account: NewAccount): Promise<{ userId: string; created: boolean }>;
  /** Changes the role the next token carries, or stops the person signing in. */
  update(change: AccountChange): Promise<void>;
  /**
   * Sends the provider's own invitation again, where it has one (Cognito's temporary
   * password); a person who has already chosen a password is left alone.
   */
  resendInvitation(account: { tenantId: string; email: string }): Promise<void>;
  /**
   * Deletes the account for good (an offboarded authority's deletion): the one at `email` if it
   * is the tenant's, else the one whose subject is `userId` (someone who signed in through the
   * council's provider). True if this call deleted one; false if there was none, so a repeat
   * changes and counts nothing.
   */
  remove(account: { tenantId: string; email: string; userId: string }): Promise<boolean>;
  /**
   * Deletes up to a page of the accounts the sign-in service made for people who signed in
   * through the named provider (in Cognito, users named `<provider>_...`); how many it deleted,
   * 0 once none is left. Absent where such accounts are all found through user records.
   */
  removeProviderAccounts?(providerName: string): Promise<number>;
  /** What an added person is told about signing in, for the welcome email. */
  readonly signInAdvice: string;
}
