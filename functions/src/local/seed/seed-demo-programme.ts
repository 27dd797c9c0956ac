/**
 * Writes an authority's demo programme, journeys and moderations beside its demo audits.
 * Every item is created only if absent, so seeding again the same month writes nothing and
 * never overwrites what someone has changed since (an accepted sample, an edited journey).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { clock } from '@waypoint/shared/time/clock';
import { putNewAudit } from '../../audits/audit-store.ts';
import { saveJourney } from '../../journey/journey-store.ts';
import { putModeration } from '../../moderation/moderation-store.ts';
import type { TenantContext } from '../../platform/auth/caller.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { putNewSample } from '../../programmes/sample-store.ts';
import { demoAudits } from './demo-audits.ts';
import type { DemoTenant } from './demo-data.ts';
import { demoJourneys } from './demo-journeys.ts';
import { demoModerations } from './demo-moderation.ts';
import { demoProgramme } from './demo-programme.ts';

/** Runs a create; true when it wrote, false when the item was already there. */
async function created(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ApiError && (error.kind === 'conflict' || error.kind === 'precondition-failed')) return false;
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export async function seedDemoProgramme(options: { context: TenantContext; tenant: DemoTenant }): Promise<number> {
  const { context } = options;
  const now = clock.now();
  const audits = demoAudits(options.tenant, now).audits;
  const programme = demoProgramme(options.tenant, now, audits);
  const journeys = demoJourneys(options.tenant, now, audits);
  let written = 0;
  for (const audit of programme.audits) if (await created(() => putNewAudit(context, audit, { totals: false }))) written++;
  for (const sample of programme.samples) if (await created(() => putNewSample(context, sample))) written++;
  for (const journey of journeys.journeys) {
    if (await created(() => saveJourney({ tenant: context, caseRef: journey.caseRef, expectedVersion: 0, events: journey.events, at: journey.createdAt }))) written++;
  }
  for (const snapshot of journeys.snapshots) {
    const item = { ...snapshot, ...context.keys.auditJourney(snapshot.auditId) };
    if (await created(() => context.db.send(new PutCommand({ TableName: context.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' })))) written++;
  }
  for (const moderation of demoModerations(options.tenant, audits)) if (await created(() => putModeration(context, moderation, null, { totals: false }))) written++;
  return written;
}
