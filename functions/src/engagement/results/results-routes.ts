/**
 * Engagement results for staff: `/v1/engagement/results` across activities and
 * `/v1/engagement/activities/{id}/results` for one (both also as CSV), free-text comments
 * to tag with the authority's themes, and the theme list itself.
 */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { ACTIVITY_EDITORS, ACTIVITY_READERS } from '@waypoint/shared/engagement/engagement-roles';
import { PutThemesBody, ResultsQuery, TagResponseBody, type FeedbackComment } from '@waypoint/shared/engagement/results/result-schemas';
import { resultsCsv } from '@waypoint/shared/engagement/results/results-csv';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../../api/app-env.ts';
import { requireRole } from '../../platform/auth/caller.ts';
import { ApiError, notFound } from '../../platform/http/api-error.ts';
import { readJsonBody, readParam, readQuery } from '../../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../../platform/http/versioning.ts';
import { getTemplateVersion } from '../../templates/template-store.ts';
import { recordFeedbackTotals } from '../../totals/feedback-totals.ts';
import { findVisibleActivity } from '../activity-routes.ts';
import { engagementViewer } from '../engagement-viewer.ts';
import { commentQuestions, commentsOf } from './feedback-comments.ts';
import { resultsAcross, resultsFor } from './results-reading.ts';
import { getThemes, putThemes, sentResponses, tagResponse } from './results-store.ts';

export const resultsRoutes = new Hono<AppEnv>();
export const activityResultsRoutes = new Hono<AppEnv>();

const csv = (c: Context, body: string, filename: string) => c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` });

resultsRoutes.get('/results', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_READERS);
  return c.json(await resultsAcross(tenant, await engagementViewer(tenant, staff), readQuery(c, ResultsQuery), clock.now()));
});

resultsRoutes.get('/results.csv', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_READERS);
  return csv(c, resultsCsv(await resultsAcross(tenant, await engagementViewer(tenant, staff), readQuery(c, ResultsQuery), clock.now())), 'engagement-results.csv');
});

resultsRoutes.get('/themes', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_READERS);
  const list = await getThemes(tenant);
  setEtag(c, list.version);
  return c.json(list);
});

resultsRoutes.put('/themes', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ['qa', 'senior']);
  const expected = requireIfMatch(c);
  const body = await readJsonBody(c, PutThemesBody);
  const list = await putThemes(tenant, body.themes, expected);
  setEtag(c, list.version);
  return c.json(list);
});

async function activityResults(c: Context<AppEnv>) {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_READERS);
  const viewer = await engagementViewer(tenant, staff);
  const activity = await findVisibleActivity(tenant, viewer, readParam(c, 'id', ActivityId));
  return resultsFor(tenant, viewer, activity, readQuery(c, ResultsQuery), clock.now());
}

activityResultsRoutes.get('/:id/results', async (c) => c.json(await activityResults(c)));
activityResultsRoutes.get('/:id/results.csv', async (c) => csv(c, resultsCsv(await activityResults(c)), 'activity-results.csv'));

/** Free text from sent responses, for those who run activities to read and tag. */
activityResultsRoutes.get('/:id/comments', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_EDITORS);
  const activity = await findVisibleActivity(tenant, await engagementViewer(tenant, staff), readParam(c, 'id', ActivityId));
  const form = await getTemplateVersion(tenant, activity.templateId, activity.templateVersion);
  if (!form) throw notFound('form');
  const questions = commentQuestions(form);
  // In id order, which is random, never by time: the list must not help anyone work out who wrote what.
  const responses = (await sentResponses(tenant, activity.id, clock.now())).sort((a, b) => a.id.localeCompare(b.id));
  const items: FeedbackComment[] = responses.flatMap((r) => commentsOf(r, questions));
  return c.json({ items });
});

activityResultsRoutes.put('/:id/responses/:responseId/themes', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_EDITORS);
  const activity = await findVisibleActivity(tenant, await engagementViewer(tenant, staff), readParam(c, 'id', ActivityId));
  const responseId = readParam(c, 'responseId', EntityId);
  const body = await readJsonBody(c, TagResponseBody);
  const { themes } = await getThemes(tenant);
  const unknown = body.themes.filter((t) => !themes.includes(t));
  if (unknown.length) throw new ApiError('validation', 'Use the authority’s themes', { errors: unknown.map((t) => ({ path: 'themes', message: `No theme called ${t}` })) });
  const tagged = await tagResponse(tenant, activity.id, responseId, [...new Set(body.themes)]);
  if (!tagged) throw notFound('sent response');
  await recordFeedbackTotals(tenant, activity, tagged);
  return c.json({ responseId, themes: [...new Set(body.themes)] });
});

export const ResponseIdParam = v.pipe(EntityId, v.description('A sent response of the activity'));
