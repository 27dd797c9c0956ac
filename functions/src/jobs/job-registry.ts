/**
 * Scheduled jobs by name. Each is a plain async function of its dependencies, run by
 * EventBridge in AWS, by a timer under `npm start`, and once by `npm run job:<name>`.
 *
 * These are the jobs Lambda's. The import job is not among them: with its CSV and XLSX
 * readers it would make this function four times the size, so in AWS it is a function of its
 * own (imports/lambda.ts); on one machine local-jobs.ts runs it beside these.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdentityFederation } from '../federation/identity-federation.ts';
import type { SignInAccounts } from '../platform/accounts/sign-in-accounts.ts';
import type { DataClientFactory } from '../platform/database/clients.ts';
import type { DeliverEmail } from '../platform/email/ses-delivery.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { deliverQueuedEmail } from './email-delivery-job.ts';
import { runOffboarding } from '../offboarding/offboarding-job.ts';
import { sendActionReminders } from './action-reminders-job.ts';
import { escalateUnacknowledgedAlerts } from './alert-escalation-job.ts';
import { reconcileTotals } from './reconcile-job.ts';
import { sendReminders } from './reminders-job.ts';
import { removeExpiredItems } from './retention-job.ts';
import { sendShadowingReminders } from './shadowing-reminders-job.ts';

export interface JobDependencies {
  tableName: string;
  platformClient: DynamoDBDocumentClient;
  dataClientFor: DataClientFactory;
  /** Stored files (evidence, imports, exports), under `tenants/<tenantId>/` keys only. */
  objects: ObjectStore;
  /** The portal's public address, which links in reminder emails start with (`PORTAL_URL`). */
  portalUrl: string;
  /**
   * Sign-in accounts: staff imports make them (absent, new staff in a file are refused) and an
   * offboarded authority's deletion deletes them (absent, that deletion stops at that step).
   */
  accounts?: SignInAccounts;
  /**
   * The sign-in service's councils' providers, which an offboarded authority's deletion removes
   * its own from; absent, a deletion of an authority with a connected provider stops there.
   */
  federation?: IdentityFederation;
  /** Sends one email; absent on one machine, where messages stay in the dev outbox. */
  deliverEmail?: DeliverEmail;
  /**
   * The client the offboarding job learns an authority's keys with: in AWS the jobs function's
   * own credentials, which may Scan the table for PK and SK only. The platform client when
   * absent (one machine, where dynalite checks no permissions).
   */
  keyScanClient?: DynamoDBDocumentClient;
}

export type JobResult = Record<string, number>;
export type Job = (deps: JobDependencies) => Promise<JobResult>;

export const JOBS = {
  email: deliverQueuedEmail,
  reminders: sendReminders,
  'action-reminders': sendActionReminders,
  'shadowing-reminders': sendShadowingReminders,
  'alert-escalation': escalateUnacknowledgedAlerts,
  reconcile: reconcileTotals,
  retention: removeExpiredItems,
  offboarding: (deps) => runOffboarding(deps),
} satisfies Record<string, Job>;

export type JobName = keyof typeof JOBS;

export function isJobName(value: string): value is JobName {
  return Object.hasOwn(JOBS, value);
}
