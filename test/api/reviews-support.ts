/** A thematic review started over HTTP with hand-picked cases, for tests of what its audits touch. */
import type { ReviewView } from '@waypoint/shared/reviews/review-schemas';
import type { TestStack } from '../support/stack.ts';
import { expectJson, jsonInit, nv, readVersioned } from './api-client.ts';

export async function startedReview(stack: TestStack, options: { reviewerIds: string[]; caseRefs: string[]; casesDueBy: string }): Promise<ReviewView> {
  const created = await expectJson<ReviewView>(
    await stack.api(nv('qa'), '/v1/reviews', jsonInit('POST', { title: 'Hearing children in need', question: 'How well do we hear children in need?', scope: 'Open cases', casesDueBy: options.casesDueBy, reviewerIds: options.reviewerIds })),
    201,
  );
  const step = async (path: string, body: unknown) => {
    const { etag } = await readVersioned(stack, nv('qa'), `/v1/reviews/${created.id}`);
    return expectJson<ReviewView>(await stack.api(nv('qa'), `/v1/reviews/${created.id}${path}`, jsonInit('POST', body, { 'if-match': etag })));
  };
  await step('/cohort', { method: 'hand', cases: options.caseRefs.map((caseRef) => ({ caseRef, reason: 'Chosen for the test' })) });
  return step('/start', {});
}
