/**
 * Test support: an in-memory table with a few sign-in accounts and the local identity
 * provider on a free port, for the tests of the provider, the sign-in flow and the API's
 * token verifier.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../platform/database/clients.ts';
import { startLocalDatabase } from '../../platform/database/local-database.ts';
import { ensureTable } from '../../platform/database/table-bootstrap.ts';
import { accountItem, type SignInAccount } from './account-store.ts';
import { startIdentityProvider } from './identity-provider.ts';
import { DEMO_TOTP_SECRET } from './one-time-codes.ts';
import { hashPassword, TEST_PASSWORD_COST } from './passwords.ts';

export const TEST_TENANT_ID = '0b9e1c7a-3f2d-4a8b-9c61-5d7e2f4a1b30';
export const TEST_PASSWORD = 'a test password, not the demo one';
export const PORTAL_TEST_URL = 'http://localhost:5999';

type TestAccount = Omit<SignInAccount, 'passwordHash'>;

/** All but the newcomer have set up an authenticator app already, with the demo secret. */
export const TEST_ACCOUNTS = {
  practitioner: { email: 'pat.practitioner@example.org', userId: '01JTESTPRACTITIONER0000001', tenantId: TEST_TENANT_ID, role: 'practitioner', name: 'Pat Practitioner', active: true, totpSecret: DEMO_TOTP_SECRET },
  operator: { email: 'olu.operator@example.org', userId: '01JTESTOPERATOR00000000001', tenantId: null, role: 'operator', name: 'Olu Operator', active: true, totpSecret: DEMO_TOTP_SECRET },
  inactive: { email: 'ira.inactive@example.org', userId: '01JTESTINACTIVE00000000001', tenantId: TEST_TENANT_ID, role: 'qa', name: 'Ira Inactive', active: false, totpSecret: DEMO_TOTP_SECRET },
  /** Active at start; a test deactivates it mid-session. */
  leaver: { email: 'lee.leaver@example.org', userId: '01JTESTLEAVER0000000000001', tenantId: TEST_TENANT_ID, role: 'manager', name: 'Lee Leaver', active: true, totpSecret: DEMO_TOTP_SECRET },
  /** Has never signed in, so sets up an app first. */
  newcomer: { email: 'nia.newcomer@example.org', userId: '01JTESTNEWCOMER00000000001', tenantId: TEST_TENANT_ID, role: 'qa', name: 'Nia Newcomer', active: true },
} satisfies Record<string, TestAccount>;

export interface TestIdentity {
  issuer: string;
  /** Replaces a test account's item, e.g. to deactivate it. */
  putAccount(account: TestAccount): Promise<void>;
  close(): Promise<void>;
}

/** `portalUrl`: where the provider sends people back to (a browser test serves it, so the redirect lands). */
export async function startTestIdentity(options: { portalUrl?: string } = {}): Promise<TestIdentity> {
  const portalUrl = options.portalUrl ?? PORTAL_TEST_URL;
  const tableName = 'identity-test';
  const database = await startLocalDatabase();
  const db = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
  await ensureTable(db, tableName);
  const passwordHash = await hashPassword(TEST_PASSWORD, TEST_PASSWORD_COST);
  const putAccount = async (account: TestAccount) => {
    await db.send(new PutCommand({ TableName: tableName, Item: accountItem({ ...account, passwordHash }) }));
  };
  for (const account of Object.values(TEST_ACCOUNTS)) await putAccount(account);
  const provider = await startIdentityProvider({
    port: 0,
    db,
    tableName,
    portalRedirectUris: [`${portalUrl}/auth/callback`],
    portalPostLogoutRedirectUris: [`${portalUrl}/`],
    portalUrl,
  });
  return {
    issuer: provider.issuer,
    putAccount,
    async close() {
      await provider.close();
      db.destroy();
      await database.close();
    },
  };
}

/** A loopback port nothing listens on, for testing what happens when a server is down. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
