/**
 * An action raised from a feedback response. The response must be a sent one whose comment
 * the caller could read on the activity's comments page (same roles, same activities);
 * anything else is a 404, like any response out of reach. The action is about the service:
 * it never takes the case a response's code was linked to, nor that case's team, because
 * the comments page keeps who wrote what to itself and an action must show no more.
 */
import type { ActionSource } from '@waypoint/shared/actions/action-schemas';
import { ACTIVITY_EDITORS } from '@waypoint/shared/engagement/engagement-roles';
import { clock } from '@waypoint/shared/time/clock';
import { findVisibleActivity } from '../engagement/activity-routes.ts';
import { engagementViewer, inViewerTeams } from '../engagement/engagement-viewer.ts';
import { commentQuestions, commentsOf } from '../engagement/results/feedback-comments.ts';
import { getResponse } from '../engagement/response-store.ts';
import { requireRole, type StaffCaller, type TenantContext } from '../platform/auth/caller.ts';
import { notFound, type FieldError } from '../platform/http/api-error.ts';
import { getTeam } from '../teams/team-store.ts';
import { getTemplateVersion } from '../templates/template-store.ts';
import type { ActionOrigin } from './action-origin.ts';

type FeedbackSource = Extract<ActionSource, { type: 'feedback' }>;

/** The team comes from the activity, or for an authority-wide one from `requestedTeam`. */
export async function feedbackOrigin(options: { tenant: TenantContext; staff: StaffCaller; source: FeedbackSource; requestedTeam: string | undefined }): Promise<ActionOrigin> {
  const { tenant, staff, source, requestedTeam } = options;
  requireRole(staff, ACTIVITY_EDITORS);
  const viewer = await engagementViewer(tenant, staff);
  const activity = await findVisibleActivity(tenant, viewer, source.activityId);
  const response = await getResponse(tenant, activity.id, source.responseId, clock.now());
  const form = response?.state === 'submitted' ? await getTemplateVersion(tenant, activity.templateId, activity.templateVersion) : undefined;
  if (!response || !form || commentsOf(response, commentQuestions(form)).length === 0) throw notFound('sent response');

  const errors: FieldError[] = [];
  let teamId = activity.teamId;
  if (activity.teamId !== undefined) {
    if (requestedTeam !== undefined && requestedTeam !== activity.teamId) errors.push({ path: 'teamId', message: 'The activity is one team’s, so its actions are that team’s: leave the team out' });
  } else if (requestedTeam === undefined) {
    errors.push({ path: 'teamId', message: 'Choose the team the action is for: the activity is for the whole authority' });
  } else if (!inViewerTeams(viewer, requestedTeam) || !(await getTeam(tenant, requestedTeam))) {
    errors.push({ path: 'teamId', message: viewer.wholeAuthority ? 'No such team' : 'Choose one of your own teams' });
  } else {
    teamId = requestedTeam;
  }
  return { teamId, ...(activity.caseType ? { caseType: activity.caseType } : {}), errors };
}
