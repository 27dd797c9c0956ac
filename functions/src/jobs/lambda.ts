/**
 * The jobs' Lambda entry point: EventBridge schedules invoke it with `{ "job": "<name>" }`, and
 * the export routes with `{ "dataExport": { tenantId, exportId } }` to make a full export at once.
 */
import { cognitoFederation } from '../federation/cognito-federation.ts';
import { cognitoSignInAccounts } from '../platform/accounts/cognito-sign-in-accounts.ts';
import { readApiConfig } from '../platform/config.ts';
import { deployedClients } from '../platform/database/deployed-clients.ts';
import { createDocumentClient } from '../platform/database/clients.ts';
import { randomUUID } from 'node:crypto';
import { runWithLogContext, setLogTenant } from '../platform/logging/log-context.ts';
import { logger } from '../platform/logging/logger.ts';
import { isJobName, JOBS, type JobDependencies } from './job-registry.ts';
import { workOnExportNow } from '../offboarding/data-export-job.ts';
import { isDataExportRequest, type DataExportRequest } from '../offboarding/lambda-export-work.ts';
import { PASS_MS } from '../offboarding/offboarding-job.ts';
import { readSesDeliveryConfig, sesDelivery } from '../platform/email/ses-delivery.ts';
import { deployedObjectStore } from '../storage/deployed-object-store.ts';

const config = readApiConfig();
const clients = deployedClients(config);
const objects = deployedObjectStore(config);
// The function's own credentials, which may Scan for key attributes only (the offboarding job).
const keyScanClient = createDocumentClient({ endpoint: config.dynamoEndpoint, region: config.region });
const emailConfig = readSesDeliveryConfig();
const deliverEmail = emailConfig ? sesDelivery(emailConfig) : undefined;
// An offboarded authority's deletion deletes its accounts and its own provider from the user pool
// (the Cognito client is loaded only then). The portal's app client is the access tokens' audience.
const userPoolId = process.env.USER_POOL_ID;
const portalClientId = process.env.API_AUDIENCE;
const accounts = userPoolId ? cognitoSignInAccounts({ userPoolId, region: config.region }) : undefined;
const federation = userPoolId && portalClientId ? cognitoFederation({ userPoolId, portalClientId, region: config.region }) : undefined;

/** Each tenant's credentials are asked for as a job moves on to that tenant: its log lines say so from there. */
function dataClientFor(tenantId: string) {
  setLogTenant(tenantId);
  return clients.dataClientFor(tenantId);
}

export async function handler(event: { job?: string } | DataExportRequest, context?: { awsRequestId?: string }) {
  const deps: JobDependencies = { tableName: clients.tableName, platformClient: clients.platformClient, dataClientFor, objects, keyScanClient, portalUrl: config.portalUrl, deliverEmail, accounts, federation };
  if (isDataExportRequest(event)) {
    const { tenantId, exportId } = event.dataExport;
    return runWithLogContext({ requestId: context?.awsRequestId ?? randomUUID(), tenantId }, async () => {
      await workOnExportNow(deps, tenantId, exportId, Date.now() + PASS_MS);
      logger.info('data export run finished', { exportId });
      return { exports: 1 };
    });
  }
  const name = ('job' in event ? event.job : undefined) ?? '';
  if (!isJobName(name)) throw new Error(`Unknown job "${name}"`);
  return runWithLogContext({ requestId: context?.awsRequestId ?? randomUUID(), tenantId: null }, async () => {
    const result = await JOBS[name](deps);
    setLogTenant('all');
    logger.info('job finished', { job: name, ...result });
    return result;
  });
}
