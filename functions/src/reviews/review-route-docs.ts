/** How the thematic review routes appear in the OpenAPI document. */
import * as v from 'valibot';
import { CohortBody, CreateReviewBody, EmptyBody, ListReviewsQuery, RecommendationBody, ReviewId, SignOffBody, UpdateReviewBody } from '@waypoint/shared/reviews/review-schemas';
import { REVIEW_LEADS } from '@waypoint/shared/reviews/review-roles';
import { describeRoutes, type RouteDoc } from '../openapi/route-docs.ts';
import { ReviewListResource, ReviewReportResource, ReviewResource } from './review-resources.ts';

const TAG = 'Thematic reviews';
const READERS = ['student', 'practitioner', 'manager', 'qa', 'senior'] as const;
const WHO_SEES = 'QA officers and senior managers see every review, reviewers the reviews they take part in, and every member of staff a published one; to anyone else (and another authority) it is a 404.';
const ORDER = 'Checked in this order: may see it (404), If-Match sent (428), the body (400), the version quoted (412), whose step it is (403), whether it can be taken now (409).';

function step(path: string, summary: string, description: string, body: RouteDoc['body']): RouteDoc {
  return {
    method: 'post',
    path: `/v1/reviews/{id}/${path}`,
    tag: TAG,
    summary,
    description: `${description} ${ORDER}`,
    access: READERS,
    params: { id: ReviewId },
    body,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The review as the caller now reads it', schema: ReviewResource, etag: true },
  };
}

export const reviewRouteDocs = describeRoutes([
  {
    method: 'post',
    path: '/v1/reviews',
    tag: TAG,
    summary: 'Set up a thematic review',
    description:
      'A question, its scope, the day cases are due by (today or later), a lead (an active QA officer or senior manager; the caller when absent), a review template (`kind: review`; the built-in one when absent, pinned at its newest version), reviewers (active practitioners, team managers, QA officers or senior managers), and whether reviewers go through each case with its case holder. It starts `draft`. Send `Idempotency-Key` to make a retry safe.',
    access: REVIEW_LEADS,
    body: CreateReviewBody,
    success: { status: 201, description: 'The review, being set up', schema: ReviewResource, etag: true, location: true },
  },
  {
    method: 'get',
    path: '/v1/reviews',
    tag: TAG,
    summary: 'List thematic reviews',
    description: `Newest first. ${WHO_SEES} Tenant admins get 403.`,
    access: READERS,
    query: v.object(ListReviewsQuery.entries),
    success: { status: 200, description: 'The reviews the caller may see', schema: ReviewListResource },
  },
  {
    method: 'get',
    path: '/v1/reviews/{id}',
    tag: TAG,
    summary: 'Read a thematic review',
    description: `With its cohort’s cases and where each review audit stands, its recommendations’ actions, and the moves the caller can make. A reviewer who does not oversee it sees only their own cases. ${WHO_SEES}`,
    access: READERS,
    params: { id: ReviewId },
    success: { status: 200, description: 'The review', schema: ReviewResource, etag: true },
  },
  {
    method: 'patch',
    path: '/v1/reviews/{id}',
    tag: TAG,
    summary: 'Change a review, or write its findings and themes',
    description: `The lead only, until it is signed off. The template, reviewers, due day and whether case holders take part change only before it starts (409 after). ${ORDER}`,
    access: REVIEW_LEADS,
    params: { id: ReviewId },
    body: UpdateReviewBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The review', schema: ReviewResource, etag: true },
  },
  step(
    'cohort',
    'Choose the cohort',
    'The lead, before the review starts; again replaces it. `method: criteria` draws `size` cases (with `quotas` per team if given) from those matching every criterion (case types, teams, open at some time between `openFrom` and `openTo`, age bands, genders, ethnic groups, disability, closed cases only with `includeClosed`, and a journey event repeated: at least `atLeast` events of `type` within `withinMonths`), with a fresh random seed kept with the matching cases so the draw replays. No matching case is a 400 on `criteria`. `method: hand` names each case with the reason it is in the review (400 on `cases.<n>.caseRef` for one that does not exist).',
    CohortBody,
  ),
  step(
    'start',
    'Start the review',
    'The lead, once there is a cohort and at least one reviewer: the cases are shared out among the reviewers in turn, an audit of each is planned on the review template for its reviewer (in the month of `casesDueBy`), and each reviewer is emailed. Asking again once started plans any audit an interrupted start left out.',
    EmptyBody,
  ),
  step(
    'recommendations',
    'Write a recommendation',
    'The lead, while cases are being reviewed. Actions are raised from it with `POST /v1/actions` and `source: { type: review, reviewId, recommendationId }`, naming the team; the review lists them and their state.',
    RecommendationBody,
  ),
  step('sign-off', 'Sign the review off', 'A senior manager, once the lead has written findings. Findings and recommendations are then fixed.', SignOffBody),
  step('publish', 'Publish the review to staff', 'The lead or a senior manager, once signed off: every member of staff can then read it and its report. The lead and reviewers are emailed.', EmptyBody),
  {
    method: 'get',
    path: '/v1/reviews/{id}/report',
    tag: TAG,
    summary: 'The review’s report',
    description: `The cohort by team and case type, the overall grades and every choice question’s answers across the completed review audits, each count under 5 hidden (and the next smallest when one alone would be), the themes and findings, and each recommendation with its actions. Free-text answers are never included. Those who oversee reviews read it at any time; anyone else who sees the review only once it is published (403 before). ${WHO_SEES}`,
    access: READERS,
    params: { id: ReviewId },
    success: { status: 200, description: 'The report', schema: ReviewReportResource },
  },
  {
    method: 'get',
    path: '/v1/reviews/{id}/report/csv',
    tag: TAG,
    summary: 'The review’s report as CSV',
    description: 'The same figures as the report, one count a row, “fewer than 5” where hidden.',
    access: READERS,
    params: { id: ReviewId },
    success: { status: 200, description: 'A CSV file (attachment)', contentType: 'text/csv' },
  },
]);
