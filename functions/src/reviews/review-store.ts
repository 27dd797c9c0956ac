/**
 * Thematic reviews in DynamoDB: the review in its own partition, beside the cases its draw
 * matched (so the draw replays) and a pointer per action raised from a recommendation; one
 * Query reads them all. The authority's reviews are listed on GSI1, tens a year.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { EligibleCase } from '@waypoint/shared/reviews/cohort-criteria';
import type { Review } from '@waypoint/shared/reviews/review-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem, updateVersioned, withoutKeys } from '../platform/database/versioned-items.ts';

export interface ReviewActionPointer {
  actionId: string;
  recommendationId: string;
}

export interface ReviewPartition {
  review: Review;
  /** The cases the criteria matched when the cohort was drawn, in reference order. */
  eligible: EligibleCase[];
  actionPointers: ReviewActionPointer[];
}

export async function getReviewPartition(tenant: TenantContext, id: string): Promise<ReviewPartition | undefined> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(new QueryCommand({ TableName: tenant.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.reviewPartition(id) }, ExclusiveStartKey: start }));
    items.push(...(result.Items ?? []));
    start = result.LastEvaluatedKey;
  } while (start);
  const review = items.find((i) => i.SK === 'REVIEW');
  if (!review) return undefined;
  const candidates = items.find((i) => i.SK === 'COHORT-CANDIDATES') as { eligible?: EligibleCase[] } | undefined;
  return {
    review: withoutKeys<Review>(review),
    eligible: candidates?.eligible ?? [],
    actionPointers: items.filter((i) => String(i.SK).startsWith('ACTION#')).map((i) => withoutKeys<ReviewActionPointer>(i)),
  };
}

export async function putNewReview(tenant: TenantContext, review: Review): Promise<void> {
  await createItem({ tenant, key: tenant.keys.review(review.id), item: { ...review, ...tenant.keys.reviewIndexEntries(review) }, what: 'review' });
}

/** Applies `changes` if the review is still at `expectedVersion` (412 otherwise); an unchanged review is not written. */
export async function updateReview(options: { tenant: TenantContext; current: Review; expectedVersion: number; changes: Partial<Record<keyof Review, unknown>>; at: string }) {
  return updateVersioned<Review>({ tenant: options.tenant, key: options.tenant.keys.review(options.current.id), expectedVersion: options.expectedVersion, changes: options.changes, at: options.at, what: 'review', current: options.current });
}

/** Written before the cohort is saved on the review; a later draw overwrites it. */
export async function putCohortCandidates(tenant: TenantContext, reviewId: string, eligible: readonly EligibleCase[]): Promise<void> {
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...tenant.keys.reviewCandidates(reviewId), eligible } }));
}

/** Written after the action itself, keyed by its id, so a retry writes the same pointer. */
export async function putReviewActionPointer(tenant: TenantContext, reviewId: string, pointer: ReviewActionPointer): Promise<void> {
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...tenant.keys.reviewAction(reviewId, pointer.actionId), ...pointer } }));
}

/** Every review of the authority, newest first. */
export async function listReviews(tenant: TenantContext): Promise<Review[]> {
  const found: Review[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': tenant.keys.reviewsOfAuthority().GSI1PK },
        ScanIndexForward: false,
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(result.Items ?? []).map((item) => withoutKeys<Review>(item)));
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}
