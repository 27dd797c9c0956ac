/**
 * Waypoint on one machine: dynalite, the local OpenID provider, the API, the portal and
 * the job timer, wired together. `npm start` runs it on fixed ports with data on disk;
 * the test suites run it on free ports in memory.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { randomBytes } from 'node:crypto';
import { startApiServer } from '../api/local-server.ts';
import type { SignInAccounts } from '../platform/accounts/sign-in-accounts.ts';
import type { JobDependencies } from '../jobs/job-registry.ts';
import { isLocalJobName, LOCAL_JOBS } from '../jobs/local-jobs.ts';
import { builtApiDescription } from '../openapi/built-api-description.ts';
import { createAccessTokenVerifier } from '../platform/auth/access-token.ts';
import { createDocumentClient, sharedClientFactory } from '../platform/database/clients.ts';
import { startLocalDatabase, type LocalDatabase } from '../platform/database/local-database.ts';
import { ensureTable } from '../platform/database/table-bootstrap.ts';
import { LOCAL_OBJECT_CREDENTIALS, startLocalObjectServer } from '../storage/local-object-server.ts';
import { s3ObjectStore } from '../storage/s3-object-store.ts';
import { standInScan } from '../files/file-scan.ts';
import { createRequestLimiter } from '../platform/limits/request-limiter.ts';
import { requestLimitsFromEnv, type RequestLimits } from '../platform/limits/request-limits.ts';
import { freePort } from './free-port.ts';
import { inProcessImportWork } from '../imports/in-process-import-work.ts';
import { inProcessExportWork } from '../offboarding/in-process-export-work.ts';
import { localPortalUrl } from './local-portal-url.ts';
import { DEMO_PASSWORD } from './identity/demo-password.ts';
import { API_AUDIENCE, PORTAL_CLIENT_ID } from './identity/waypoint-clients.ts';

export { API_AUDIENCE };
import { startCouncilProvider, type RunningCouncilProvider } from './council-identity/council-provider.ts';
import { startIdentityProvider } from './identity/identity-provider.ts';
import { localFederation } from './identity/local-federation.ts';
import { IDP_RESPONSE_PATH } from './identity/federated-sign-in.ts';
import { localSignInAccounts } from './identity/local-sign-in-accounts.ts';
import { startPortal } from './portal-process.ts';
import { seedDemoData } from './seed/seed-demo-data.ts';

const REGION = 'eu-west-2';

export interface LocalStackOptions {
  /** Folder for dynalite's files; in memory when absent. */
  dataPath?: string;
  /** Folder for the S3-compatible server's files; a temporary folder (removed on stop) when absent. */
  objectsPath?: string;
  /** `council`: the stand-in for Northvale Council's own Entra ID (0 or absent picks a free port). */
  ports: { database?: number; objects?: number; identity: number; api: number; portal?: number; council?: number };
  /** Start the built portal too. */
  portal: boolean;
  /** Run the scheduled jobs every `jobIntervalMs`. */
  jobIntervalMs?: number;
  quiet?: boolean;
  /** Request limits; from `LIMIT_*` variables or the defaults when absent. */
  limits?: RequestLimits;
  /** Note the key of every database write (`database.writtenKeys()`), so a test stack can put back what a test file changed. */
  trackWrites?: boolean;
  /** Writes the demo data; `seedDemoData` when absent (the test suites load a copy seeded once per run). */
  seed?: typeof seedDemoData;
}

export interface LocalStack {
  issuer: string;
  apiUrl: string;
  portalUrl: string | null;
  databaseEndpoint: string;
  /** The local S3-compatible server (`S3_PORT` under `npm start`). */
  objectsEndpoint: string;
  /** The database alone, so fault tests can stop it under a running API. */
  database: LocalDatabase;
  tableName: string;
  jobDependencies: JobDependencies;
  /** The local identity provider's accounts, as the API manages them. */
  accounts: SignInAccounts;
  /** The stand-in for a council's own provider, with what its admin types into the connect screen. */
  council: Omit<RunningCouncilProvider, 'close'>;
  stop(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const tableName = 'waypoint';
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const database = await startLocalDatabase({ path: options.dataPath, port: options.ports.database, trackWrites: options.trackWrites });
    stops.push(database.close);
    const db = createDocumentClient({ endpoint: database.endpoint, region: REGION });
    const objectServer = await startLocalObjectServer({ directory: options.objectsPath, port: options.ports.objects });
    stops.push(objectServer.close);
    const objects = s3ObjectStore({ bucket: objectServer.bucket, region: REGION, endpoint: objectServer.endpoint, credentials: LOCAL_OBJECT_CREDENTIALS });
    await ensureTable(db, tableName);
    const portalPort = options.portal ? options.ports.portal || (await freePort()) : undefined;
    const portalUrl = portalPort ? `http://localhost:${portalPort}` : null;
    // Links in emails: the portal started here, or where `npm start` would serve it.
    const linkBase = localPortalUrl(portalPort);
    const password = process.env.WAYPOINT_DEMO_PASSWORD || DEMO_PASSWORD;
    await (options.seed ?? seedDemoData)({ db, tableName, password, portalUrl: linkBase });
    const identity = await startIdentityProvider({
      port: options.ports.identity,
      db,
      tableName,
      portalRedirectUris: portalUrl ? [`${portalUrl}/auth/callback`] : [],
      portalPostLogoutRedirectUris: portalUrl ? [`${portalUrl}/`] : [],
      portalUrl: linkBase,
    });
    stops.push(identity.close);
    const council = await startCouncilProvider({ port: options.ports.council ?? 0, redirectUri: `${identity.issuer}${IDP_RESPONSE_PATH}`, password });
    stops.push(council.close);

    const accounts = localSignInAccounts({ db, tableName, password });
    const federation = localFederation({ db, tableName });
    const jobDependencies: JobDependencies = { tableName, platformClient: db, dataClientFor: sharedClientFactory({ endpoint: database.endpoint, region: REGION }), objects, accounts, federation, portalUrl: linkBase };
    const importWork = inProcessImportWork(jobDependencies);
    stops.push(importWork.settle);
    const exportWork = inProcessExportWork(jobDependencies);
    stops.push(exportWork.settle);
    const verifier = createAccessTokenVerifier({ issuer: identity.issuer, audience: API_AUDIENCE });
    const api = await startApiServer({
      port: options.ports.api,
      deps: {
        tableName,
        platformClient: db,
        dataClientFor: jobDependencies.dataClientFor,
        objects,
        fileScan: standInScan(objects),
        verifyAccessToken: (token) => verifier.verify(token),
        accounts,
        federation,
        clientAddress: (c) => getConnInfo(c).remote.address,
        portalUrl: linkBase,
        requestLimiter: createRequestLimiter(options.limits ?? requestLimitsFromEnv()),
        devOutbox: true,
        startImportWork: importWork.start,
        startDataExport: exportWork.start,
        apiDescription: builtApiDescription,
      },
    });
    stops.push(api.close);

    if (portalPort) {
      const portal = await startPortal({
        port: portalPort,
        quiet: options.quiet,
        env: {
          API_URL: api.url,
          OIDC_ISSUER: identity.issuer,
          OIDC_CLIENT_ID: PORTAL_CLIENT_ID,
          SESSION_SECRET: process.env.SESSION_SECRET || randomBytes(32).toString('hex'),
          DEV_OUTBOX: '1',
          UPLOAD_ORIGIN: objectServer.endpoint,
          // An evidence file (20 MB at most) comes to the portal in a form post when JavaScript is off.
          BODY_SIZE_LIMIT: String(22 * 1024 * 1024),
        },
      });
      stops.push(portal.stop);
    }

    if (options.jobIntervalMs) {
      const timer = setInterval(() => {
        for (const name of Object.keys(LOCAL_JOBS)) {
          if (isLocalJobName(name)) LOCAL_JOBS[name](jobDependencies).catch((error: unknown) => console.error(`job ${name} failed`, error));
        }
      }, options.jobIntervalMs);
      timer.unref();
      stops.push(async () => clearInterval(timer));
    }

    const { close: _close, ...councilDetails } = council;
    return { issuer: identity.issuer, apiUrl: api.url, portalUrl, databaseEndpoint: database.endpoint, objectsEndpoint: objectServer.endpoint, database, tableName, jobDependencies, accounts, council: councilDetails, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
