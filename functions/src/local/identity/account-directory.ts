/**
 * How the local identity provider checks credentials and finds a signed-in person again by
 * their user id (the token subject), re-reading the account each time so a deactivated
 * account stops getting tokens at once.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { findAccount, saveTotpSecret, type SignInAccount } from './account-store.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export interface AccountDirectory {
  /** The account, when the password is right and the account active; otherwise undefined. */
  checkCredentials(credentials: { email: string; password: string }): Promise<SignInAccount | undefined>;
  /** The active account a token subject belongs to, if it has signed in since start-up. */
  findBySubject(userId: string): Promise<SignInAccount | undefined>;
  /** Someone signed in another way (through their council's provider) is found by subject as well. */
  remember(account: Pick<SignInAccount, 'userId' | 'email'>): void;
  /** The active account at `email` as it is now (between the password and the code steps). */
  current(email: string): Promise<SignInAccount | undefined>;
  /** Keeps a newly set-up authenticator's secret; false when the account already has one. */
  enrolAuthenticator(email: string, secret: string): Promise<boolean>;
}

export function createAccountDirectory(options: { db: DynamoDBDocumentClient; tableName: string }): AccountDirectory {
  // Sessions, grants and signing keys live in memory too, so a subject unknown here
  // belongs to a session from before a restart and is rightly refused.
  const emailBySubject = new Map<string, string>();
  // Hashing for unknown emails as well keeps the answer time from revealing which exist.
  const decoyHash = hashPassword('decoy password for timing only');

  return {
    async checkCredentials({ email, password }) {
      const account = await findAccount({ ...options, email });
      const passwordMatches = await verifyPassword(password, account?.passwordHash ?? (await decoyHash));
      if (!account || !passwordMatches || !account.active) return undefined;
      emailBySubject.set(account.userId, account.email);
      return account;
    },
    remember(account) {
      emailBySubject.set(account.userId, account.email);
    },
    async current(email) {
      const account = await findAccount({ ...options, email });
      return account?.active ? account : undefined;
    },
    enrolAuthenticator: (email, secret) => saveTotpSecret({ ...options, email, secret }),
    async findBySubject(userId) {
      const email = emailBySubject.get(userId);
      if (email === undefined) return undefined;
      const account = await findAccount({ ...options, email });
      return account?.active && account.userId === userId ? account : undefined;
    },
  };
}
