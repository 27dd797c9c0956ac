/**
 * The imports function's Lambda entry point: the import job with its CSV and XLSX readers, a
 * function of its own so the jobs function stays small. Invoked asynchronously with
 * `{ tenantId, importId }` when a person moves an import on (and by itself to go on with a
 * long file), and by its schedule with `{ "job": "imports" }` for the sweep (import-runs.ts).
 * New staff in a file get a Cognito account, as when an admin adds them under Users.
 */
import { randomUUID } from 'node:crypto';
import { cognitoSignInAccounts } from '../platform/accounts/cognito-sign-in-accounts.ts';
import { getStringFromEnv, readApiConfig } from '../platform/config.ts';
import { deployedClients } from '../platform/database/deployed-clients.ts';
import { runWithLogContext, setLogTenant } from '../platform/logging/log-context.ts';
import { logger } from '../platform/logging/logger.ts';
import { deployedObjectStore } from '../storage/deployed-object-store.ts';
import type { JobDependencies } from '../jobs/job-registry.ts';
import { importWorkRequest, runOneImport, startWaitingImports } from './import-runs.ts';
import { lambdaImportWork } from './lambda-import-work.ts';

/** Kept back from a run's time for the chunk under way to be applied and its checkpoint saved. */
export const RUN_MARGIN_MS = 2 * 60 * 1000;

const config = readApiConfig();
const clients = deployedClients(config);
const userPoolId = process.env.USER_POOL_ID;
const deps: JobDependencies = {
  tableName: clients.tableName,
  platformClient: clients.platformClient,
  dataClientFor: (tenantId) => {
    setLogTenant(tenantId);
    return clients.dataClientFor(tenantId);
  },
  objects: deployedObjectStore(config),
  portalUrl: config.portalUrl,
  // Without a user pool, new staff in a file are refused with a reason rather than half-added.
  ...(userPoolId ? { accounts: cognitoSignInAccounts({ userPoolId, region: config.region }) } : {}),
};
// Lambda names the function it runs in; the next run of a long file is started on the same one.
const startRun = lambdaImportWork({ functionName: getStringFromEnv({ key: 'AWS_LAMBDA_FUNCTION_NAME', defaultValue: 'waypoint-imports' }), region: config.region });

export async function handler(event: unknown, context?: { awsRequestId?: string; getRemainingTimeInMillis?: () => number }) {
  return runWithLogContext({ requestId: context?.awsRequestId ?? randomUUID(), tenantId: null }, async () => {
    const request = importWorkRequest(event);
    if (request) {
      const deadline = Date.now() + Math.max(0, (context?.getRemainingTimeInMillis?.() ?? 10 * 60 * 1000) - RUN_MARGIN_MS);
      const result = await runOneImport(deps, request, { deadline, startNext: startRun });
      logger.info('import run finished', { importId: request.importId, run: request.run, ...result });
      return result;
    }
    if ((event as { job?: unknown } | null)?.job === 'imports') {
      const result = await startWaitingImports(deps, startRun);
      setLogTenant('all');
      logger.info('import sweep finished', result);
      return result;
    }
    throw new Error('Unknown imports event');
  });
}
