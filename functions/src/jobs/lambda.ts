/** The jobs' Lambda entry point: EventBridge schedules invoke it with `{ "job": "<name>" }`. */
import { readApiConfig } from '../platform/config.ts';
import { deployedClients } from '../platform/database/deployed-clients.ts';
import { createDocumentClient } from '../platform/database/clients.ts';
import { randomUUID } from 'node:crypto';
import { runWithLogContext, setLogTenant } from '../platform/logging/log-context.ts';
import { logger } from '../platform/logging/logger.ts';
import { isJobName, JOBS } from './job-registry.ts';
import { readSesDeliveryConfig, sesDelivery } from '../platform/email/ses-delivery.ts';
import { deployedObjectStore } from '../storage/deployed-object-store.ts';

const config = readApiConfig();
const deps = deployedClients(config);
const objects = deployedObjectStore(config);
// The function's own credentials, which may Scan for key attributes only (the offboarding job).
const keyScanClient = createDocumentClient({ endpoint: config.dynamoEndpoint, region: config.region });
const emailConfig = readSesDeliveryConfig();
const deliverEmail = emailConfig ? sesDelivery(emailConfig) : undefined;

/** Each tenant's credentials are asked for as a job moves on to that tenant: its log lines say so from there. */
function dataClientFor(tenantId: string) {
  setLogTenant(tenantId);
  return deps.dataClientFor(tenantId);
}

export async function handler(event: { job?: string }, context?: { awsRequestId?: string }) {
  const name = event.job ?? '';
  if (!isJobName(name)) throw new Error(`Unknown job "${name}"`);
  return runWithLogContext({ requestId: context?.awsRequestId ?? randomUUID(), tenantId: null }, async () => {
    const result = await JOBS[name]({ tableName: deps.tableName, platformClient: deps.platformClient, dataClientFor, objects, keyScanClient, portalUrl: config.portalUrl, deliverEmail });
    setLogTenant('all');
    logger.info('job finished', { job: name, ...result });
    return result;
  });
}
