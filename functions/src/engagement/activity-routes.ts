/**
 * `/v1/engagement/activities`: surveys, consultations and events. QA officers and senior
 * managers run them for the whole authority, team managers for their own teams; the
 * pinned form version never changes once the activity exists.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { ActivityId, CreateActivityBody, ListActivitiesQuery, UpdateActivityBody, type EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import { ACTIVITY_EDITORS, ACTIVITY_READERS } from '@waypoint/shared/engagement/engagement-roles';
import { feedbackFormProblems } from '@waypoint/shared/engagement/feedback-form-rules';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole, type TenantContext } from '../platform/auth/caller.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError, forbidden, notFound, type FieldError } from '../platform/http/api-error.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { getTeam } from '../teams/team-store.ts';
import { getLatestTemplateVersion } from '../templates/template-store.ts';
import { activityView, getActivity, getActivityCounts, listActivities, putNewActivity, updateActivity } from './activity-store.ts';
import { canEditActivity, canSeeActivity, engagementViewer, inViewerTeams, type EngagementViewer } from './engagement-viewer.ts';

export const activityRoutes = new Hono<AppEnv>();

const today = () => londonDate(clock.now());

function invalid(errors: FieldError[]): never {
  throw new ApiError('validation', `The activity has ${errors.length} problem${errors.length === 1 ? '' : 's'}`, { errors });
}

/** The activity if the caller may see it; otherwise the same 404 as a missing id. */
export async function findVisibleActivity(tenant: TenantContext, viewer: EngagementViewer, activityId: string): Promise<EngagementActivity> {
  const activity = await getActivity(tenant, activityId);
  if (!activity || !canSeeActivity(viewer, activity)) throw notFound('activity');
  return activity;
}

/** A manager's activity must be in one of their teams; anyone's team must exist. */
async function checkTeam(tenant: TenantContext, viewer: EngagementViewer, teamId: string | undefined, errors: FieldError[]): Promise<void> {
  if (!viewer.wholeAuthority && !inViewerTeams(viewer, teamId)) throw forbidden('Team managers run activities for their own teams; name one of them');
  if (teamId !== undefined && !(await getTeam(tenant, teamId))) errors.push({ path: 'teamId', message: 'No such team' });
}

activityRoutes.get('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_READERS);
  const query = readQuery(c, ListActivitiesQuery);
  const viewer = await engagementViewer(tenant, staff);
  const now = today();
  const page = await listActivities({
    tenant,
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    cursor: query.cursor,
    keep: (a) => canSeeActivity(viewer, a) && (query.audience === undefined || a.audience === query.audience) && (query.team === undefined || a.teamId === query.team) && (query.state === undefined || activityView(a, now).state === query.state),
  });
  return c.json({ items: page.items.map((a) => activityView(a, now)), nextCursor: page.nextCursor });
});

activityRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_EDITORS);
  const body = await readJsonBody(c, CreateActivityBody);
  const viewer = await engagementViewer(tenant, staff);
  const errors: FieldError[] = [];
  await checkTeam(tenant, viewer, body.teamId, errors);
  const form = await getLatestTemplateVersion(tenant, body.templateId);
  if (!form) errors.push({ path: 'templateId', message: 'No such form' });
  else {
    const [problem] = feedbackFormProblems(form);
    if (problem) errors.push({ path: 'templateId', message: `This form cannot be used in the public area: ${problem.message}` });
  }
  if (body.closesOn !== undefined && body.closesOn < today()) errors.push({ path: 'closesOn', message: 'The closing date cannot be in the past' });
  if (errors.length) invalid(errors);

  const at = clock.nowIso();
  const { templateId, translations, ...rest } = body;
  const activity: EngagementActivity = {
    id: ulid(clock.now().getTime()),
    ...rest,
    ...(translations && Object.keys(translations).length > 0 ? { translations } : {}),
    templateId,
    templateVersion: form!.version,
    formName: form!.name,
    createdBy: staff.userId,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await putNewActivity(tenant, activity);
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'engagement-activity', entityId: activity.id, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).sort() });
  setEtag(c, 1);
  c.header('Location', `/v1/engagement/activities/${activity.id}`);
  return c.json(activityView(activity, today()), 201);
});

activityRoutes.get('/:id', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_READERS);
  const id = readParam(c, 'id', ActivityId);
  const activity = await findVisibleActivity(tenant, await engagementViewer(tenant, staff), id);
  setEtag(c, activity.version);
  return c.json({ ...activityView(activity, today()), counts: await getActivityCounts(tenant, id) });
});

activityRoutes.patch('/:id', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ACTIVITY_EDITORS);
  const id = readParam(c, 'id', ActivityId);
  const expectedVersion = requireIfMatch(c);
  const body = await readJsonBody(c, UpdateActivityBody);
  const viewer = await engagementViewer(tenant, staff);
  const current = await findVisibleActivity(tenant, viewer, id);
  if (!canEditActivity(viewer, current)) throw forbidden('Team managers change only their own teams’ activities');
  const errors: FieldError[] = [];
  const teamId = body.teamId === undefined ? current.teamId : (body.teamId ?? undefined);
  if (body.teamId !== undefined) await checkTeam(tenant, viewer, teamId, errors);
  const opensOn = body.opensOn ?? current.opensOn;
  const closesOn = body.closesOn === undefined ? current.closesOn : (body.closesOn ?? undefined);
  if (closesOn !== undefined && closesOn < opensOn) errors.push({ path: 'closesOn', message: 'The closing date must be on or after the opening date' });
  if (errors.length) invalid(errors);

  const at = clock.nowIso();
  // `translations` replaces every language at once; an empty object clears them like null.
  const translations = body.translations && Object.keys(body.translations).length === 0 ? null : body.translations;
  const { before, after } = await updateActivity({ tenant, current, expectedVersion, changes: { ...body, ...(translations === undefined ? {} : { translations }) }, opensOn, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'engagement-activity', entityId: id, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields({ ...before }, { ...after }) });
  setEtag(c, after.version);
  return c.json(activityView(after, today()));
});
