/**
 * The child's journey in DynamoDB: one versioned document per case (`JOURNEY`, beside the
 * case profile), and a frozen copy in an audit's partition when the audit completes.
 * Order rules span the whole journey, so the document is the unit of change: one item,
 * one version, one conditional write, and no transaction is ever needed.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RecordedJourneyEvent } from '@waypoint/shared/journey/journey-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getItem } from '../platform/database/versioned-items.ts';
import { ApiError } from '../platform/http/api-error.ts';

export interface StoredJourney {
  caseRef: string;
  events: RecordedJourneyEvent[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What an audit keeps of the journey when it completes. */
export interface JourneySnapshot {
  auditId: string;
  caseRef: string;
  events: RecordedJourneyEvent[];
  /** The London date the audit completed: timescales are judged as of then. */
  asOf: string;
  journeyVersion: number;
  takenAt: string;
}

/** Events by date, then by when they were recorded, so the journey reads as a story. */
export function inJourneyOrder(events: readonly RecordedJourneyEvent[]): RecordedJourneyEvent[] {
  return [...events].sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));
}

export function getJourney(tenant: TenantContext, caseRef: string): Promise<StoredJourney | undefined> {
  return getItem<StoredJourney>(tenant, tenant.keys.journey(caseRef));
}

/**
 * Writes the next version of a case's journey: created when `expectedVersion` is 0,
 * otherwise only if nobody changed it since that version was read (412 when they did).
 */
export async function saveJourney(options: { tenant: TenantContext; caseRef: string; expectedVersion: number; events: RecordedJourneyEvent[]; createdAt?: string; at: string }): Promise<StoredJourney> {
  const { tenant } = options;
  const journey: StoredJourney = { caseRef: options.caseRef, events: inJourneyOrder(options.events), version: options.expectedVersion + 1, createdAt: options.createdAt ?? options.at, updatedAt: options.at };
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        Item: { ...journey, ...tenant.keys.journey(options.caseRef) },
        ConditionExpression: options.expectedVersion === 0 ? 'attribute_not_exists(PK)' : '#version = :expected',
        ...(options.expectedVersion === 0 ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': options.expectedVersion } }),
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    throw new ApiError('precondition-failed', 'The journey was changed by someone else; read it again and reapply your change');
  }
  return journey;
}

/** Overwrites: the key is the audit's, so completing again (after a reopening) replaces the copy. */
export async function putJourneySnapshot(tenant: TenantContext, snapshot: JourneySnapshot): Promise<void> {
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...snapshot, ...tenant.keys.auditJourney(snapshot.auditId) } }));
}
