/** The jobs' Lambda entry point: EventBridge schedules invoke it with `{ "job": "<name>" }`. */
import { readApiConfig } from '../platform/config.ts';
import { deployedClients } from '../platform/database/deployed-clients.ts';
import { logger } from '../platform/logging/logger.ts';
import { isJobName, JOBS } from './job-registry.ts';
import { readSesDeliveryConfig, sesDelivery } from '../platform/email/ses-delivery.ts';
import { deployedObjectStore } from '../storage/deployed-object-store.ts';

const config = readApiConfig();
const deps = deployedClients(config);
const objects = deployedObjectStore(config);
const emailConfig = readSesDeliveryConfig();
const deliverEmail = emailConfig ? sesDelivery(emailConfig) : undefined;

export async function handler(event: { job?: string }) {
  const name = event.job ?? '';
  if (!isJobName(name)) throw new Error(`Unknown job "${name}"`);
  const result = await JOBS[name]({ tableName: deps.tableName, platformClient: deps.platformClient, dataClientFor: deps.dataClientFor, objects, portalUrl: config.portalUrl, deliverEmail });
  logger.info('job finished', { job: name, ...result });
  return result;
}
