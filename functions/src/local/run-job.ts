/** `npm run job:<name>`: runs one scheduled job once against the local database under `.data/`. */
import { fileURLToPath } from 'node:url';
import { isLocalJobName, LOCAL_JOBS } from '../jobs/local-jobs.ts';
import { createDocumentClient, sharedClientFactory } from '../platform/database/clients.ts';
import { startLocalDatabase } from '../platform/database/local-database.ts';
import { ensureTable } from '../platform/database/table-bootstrap.ts';
import { DEMO_PASSWORD } from './identity/demo-password.ts';
import { localFederation } from './identity/local-federation.ts';
import { localSignInAccounts } from './identity/local-sign-in-accounts.ts';
import { localPortalUrl } from './local-portal-url.ts';
import { LOCAL_OBJECT_BUCKET, LOCAL_OBJECT_CREDENTIALS, startLocalObjectServer } from '../storage/local-object-server.ts';
import { s3ObjectStore } from '../storage/s3-object-store.ts';

const name = process.argv[2] ?? '';
if (!isLocalJobName(name)) {
  console.error(`Unknown job "${name}". Jobs: ${Object.keys(LOCAL_JOBS).join(', ')}`);
  process.exit(2);
}

// With `npm start` running, use its database; otherwise open the files under .data/ directly.
const endpoint = process.env.DYNAMODB_ENDPOINT;
const database = endpoint ? undefined : await startLocalDatabase({ path: fileURLToPath(new URL('../../../.data/dynalite', import.meta.url)) });
const target = endpoint ?? database!.endpoint;
const region = 'eu-west-2';
const tableName = process.env.TABLE_NAME || 'waypoint';
const platformClient = createDocumentClient({ endpoint: target, region });
await ensureTable(platformClient, tableName);
// Likewise the files: `npm start`'s S3-compatible server (S3_ENDPOINT), or the files under .data/objects.
const objectServer = process.env.S3_ENDPOINT ? undefined : await startLocalObjectServer({ directory: fileURLToPath(new URL('../../../.data/objects', import.meta.url)) });
const objects = s3ObjectStore({ bucket: LOCAL_OBJECT_BUCKET, region, endpoint: process.env.S3_ENDPOINT ?? objectServer!.endpoint, credentials: LOCAL_OBJECT_CREDENTIALS });
// The local identity provider's accounts and councils' providers, which offboarding deletes and staff imports make.
const accounts = localSignInAccounts({ db: platformClient, tableName, password: process.env.WAYPOINT_DEMO_PASSWORD || DEMO_PASSWORD });
const federation = localFederation({ db: platformClient, tableName });
const result = await LOCAL_JOBS[name]({ tableName, platformClient, dataClientFor: sharedClientFactory({ endpoint: target, region }), objects, portalUrl: localPortalUrl(), accounts, federation });
console.log(
  `${name}: ${Object.entries(result)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`,
);
await database?.close();
await objectServer?.close();
