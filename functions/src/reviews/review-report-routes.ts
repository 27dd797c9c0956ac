/**
 * A review's report: the cohort, grades and answers aggregated with groups under 5 hidden,
 * themes, findings and recommendations with their actions. Those who oversee reviews read it
 * at any time; every member of staff once it is published. Also as CSV.
 */
import { Hono, type Context } from 'hono';
import { buildReviewReport, reviewReportCsv, type ReviewReport } from '@waypoint/shared/reviews/review-report';
import { ReviewId } from '@waypoint/shared/reviews/review-schemas';
import { DEFAULT_GRADE_LABELS } from '@waypoint/shared/settings/settings-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { pinnedTemplate } from '../audits/audit-guards.ts';
import { getAudits } from '../audits/audit-store.ts';
import { forbidden } from '../platform/http/api-error.ts';
import { readParam } from '../platform/http/validation.ts';
import { getSettings } from '../settings/settings-store.ts';
import { getUserNames } from '../users/user-store.ts';
import { findVisibleReview, reviewActions, standingIn, teamNames } from './review-access.ts';

export const reviewReportRoutes = new Hono<AppEnv>();

async function report(c: Context<AppEnv>): Promise<ReviewReport> {
  const { tenant, staff } = c.var;
  const found = await findVisibleReview(tenant, staff, readParam(c, 'id', ReviewId));
  const { review } = found;
  if (!standingIn(review, staff).oversees && review.state !== 'published') throw forbidden('The report is shared with staff once the review is published');
  const auditIds = (review.cohort?.cases ?? []).flatMap((x) => (x.auditId ? [x.auditId] : []));
  const [template, audits, actions, teams, settings] = await Promise.all([pinnedTemplate(tenant, review), getAudits(tenant, auditIds), reviewActions(tenant, found), teamNames(tenant), getSettings(tenant)]);
  const people = Object.fromEntries(
    await getUserNames(
      tenant,
      [review.leadId, review.signOff?.byId, ...actions.map((a) => a.ownerId)].filter((id): id is string => id !== undefined),
    ),
  );
  return buildReviewReport({ review, template, audits, actions, teams, people, gradeLabels: settings?.gradeLabels ?? DEFAULT_GRADE_LABELS });
}

reviewReportRoutes.get('/:id/report', async (c) => c.json(await report(c)));

reviewReportRoutes.get('/:id/report/csv', async (c) => {
  const built = await report(c);
  return c.body(reviewReportCsv(built), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="thematic-review-${built.review.id}.csv"` });
});
