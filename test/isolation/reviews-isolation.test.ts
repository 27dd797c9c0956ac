/**
 * Thematic reviews across authorities and within one: every review route, called by each
 * Southmoor role with a Northvale review's id, answers exactly as for an id nobody has (404)
 * and changes nothing; so does a Northvale member of staff who neither oversees it nor
 * reviews it, until it is published. Another authority's people, cases and teams cannot be
 * named in a review, its cohort or an action from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewList, ReviewView } from '@waypoint/shared/reviews/review-schemas';
import { addDays } from '@waypoint/shared/time/calendar-dates';
import { startStack, type TestStack } from '../support/stack.ts';
import { ROLES, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';
import { todayInLondon } from '../api/audits-support.ts';

let stack: TestStack;
let review: ReviewView;
beforeAll(async () => {
  stack = await startStack();
  review = await expectJson<ReviewView>(await stack.api(nv('qa'), '/v1/reviews', jsonInit('POST', { title: 'Isolation', question: 'Q', scope: 'S', casesDueBy: addDays(todayInLondon(), 10), reviewerIds: ['nv-practitioner'] })), 201);
});
afterAll(async () => {
  await stack?.stop();
});

const ROUTES: { name: string; path: string; init?: () => RequestInit }[] = [
  { name: 'GET', path: '' },
  { name: 'PATCH', path: '', init: () => jsonInit('PATCH', { title: 'x' }, { 'if-match': '"1"' }) },
  { name: 'cohort', path: '/cohort', init: () => jsonInit('POST', { method: 'hand', cases: [{ caseRef: 'NV-00001', reason: 'x' }] }, { 'if-match': '"1"' }) },
  { name: 'start', path: '/start', init: () => jsonInit('POST', {}, { 'if-match': '"1"' }) },
  { name: 'recommendations', path: '/recommendations', init: () => jsonInit('POST', { text: 'x' }, { 'if-match': '"1"' }) },
  { name: 'sign-off', path: '/sign-off', init: () => jsonInit('POST', {}, { 'if-match': '"1"' }) },
  { name: 'publish', path: '/publish', init: () => jsonInit('POST', {}, { 'if-match': '"1"' }) },
  { name: 'report', path: '/report' },
  { name: 'report CSV', path: '/report/csv' },
];

async function sameAsMissing(email: string) {
  for (const route of ROUTES) {
    const theirs = await expectProblem(await stack.api(email, `/v1/reviews/${review.id}${route.path}`, route.init?.()), 404);
    const nobodys = await expectProblem(await stack.api(email, `/v1/reviews/01XXXXXXXXXXXXXXXXXXXXXXXX${route.path}`, route.init?.()), 404);
    expect({ ...theirs, instance: undefined }, route.name).toEqual({ ...nobodys, instance: undefined });
  }
}

describe('another authority’s review', () => {
  for (const role of ROLES) {
    it(`is 404 on every route for a Southmoor ${role}, as for an id nobody has`, async () => {
      await sameAsMissing(sm(role));
    });
  }

  it('is not in Southmoor’s list, and is left as it was', async () => {
    const list = await expectJson<ReviewList>(await stack.api(sm('qa'), '/v1/reviews'));
    expect(list.items.map((r) => r.id)).not.toContain(review.id);
    expect((await expectJson<ReviewView>(await stack.api(nv('qa'), `/v1/reviews/${review.id}`))).version).toBe(1);
  });

  it('cannot name another authority’s lead, reviewer, case or team', async () => {
    const created = await expectProblem(await stack.api(nv('qa'), '/v1/reviews', jsonInit('POST', { title: 'x', question: 'q', scope: 's', casesDueBy: todayInLondon(), leadId: 'sm-qa', reviewerIds: ['sm-practitioner'] })), 400);
    expect(created.errors?.map((e) => e.path)).toEqual(['leadId', 'reviewerIds.0']);
    const picked = await expectProblem(await stack.api(nv('qa'), `/v1/reviews/${review.id}/cohort`, jsonInit('POST', { method: 'hand', cases: [{ caseRef: 'SM-00001', reason: 'x' }] }, { 'if-match': '"1"' })), 400);
    expect(picked.errors).toEqual([{ path: 'cases.0.caseRef', message: 'No such case' }]);
    const drawn = await expectProblem(await stack.api(nv('qa'), `/v1/reviews/${review.id}/cohort`, jsonInit('POST', { method: 'criteria', criteria: { teamIds: ['sm-fostering'] }, size: 3 }, { 'if-match': '"1"' })), 400);
    expect(drawn.errors?.map((e) => e.path)).toEqual(['criteria']);
  });

  it('carries no tenantId in a body: it is an unknown field (400)', async () => {
    const problem = await expectProblem(await stack.api(nv('qa'), '/v1/reviews', jsonInit('POST', { title: 'x', question: 'q', scope: 's', casesDueBy: todayInLondon(), tenantId: 'x' })), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['tenantId']);
  });

  it('cannot be the source of a Southmoor action', async () => {
    await expectProblem(
      await stack.api(sm('qa'), '/v1/actions', jsonInit('POST', { source: { type: 'review', reviewId: review.id, recommendationId: 'x' }, teamId: 'sm-fostering', description: 'x', ownerId: 'sm-practitioner', dueDate: todayInLondon() })),
      404,
    );
  });
});

describe('a review not yet published, in the same authority', () => {
  for (const role of ['student', 'manager', 'admin'] as const) {
    it(`is 404 on every route for Northvale’s ${role}, who neither oversees nor reviews it`, async () => {
      await sameAsMissing(nv(role));
    });
  }

  it('is read by its reviewer, who may not change it', async () => {
    expect((await expectJson<ReviewView>(await stack.api(nv('practitioner'), `/v1/reviews/${review.id}`))).moves).toEqual([]);
    await expectProblem(await stack.api(nv('practitioner'), `/v1/reviews/${review.id}`, jsonInit('PATCH', { title: 'x' }, { 'if-match': '"1"' })), 403);
  });
});
