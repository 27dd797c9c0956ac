/** The report's figures as CSV, written by the same shared, formula-defusing writer the API's export uses. */
import { error } from '@sveltejs/kit';
import { reviewReportCsv } from '@waypoint/shared/reviews/review-report';
import { reviewApi } from '$lib/reviews/review-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  let report;
  try {
    report = await reviewApi(createApi(event)).report(event.params.id, [403]);
  } catch (e) {
    if (e instanceof ApiError) error(403, 'The report is shared with staff once the review is published');
    throw e;
  }
  return new Response(reviewReportCsv(report), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="thematic-review-${report.review.id}.csv"` } });
};
