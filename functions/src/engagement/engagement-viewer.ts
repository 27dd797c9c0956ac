/**
 * Which activities, codes and alerts a member of staff reaches. QA officers and senior
 * managers reach the whole authority; managers and practitioners their own teams and the
 * activities for the whole authority. Out of reach is answered like "does not exist".
 */
import type { EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import { ACTIVITY_EDITORS } from '@waypoint/shared/engagement/engagement-roles';
import type { StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import { getUser } from '../users/user-store.ts';

export interface EngagementViewer {
  caller: StaffCaller;
  /** QA officers and senior managers. */
  wholeAuthority: boolean;
  teamIds: string[];
}

export async function engagementViewer(tenant: TenantContext, caller: StaffCaller): Promise<EngagementViewer> {
  const wholeAuthority = caller.role === 'qa' || caller.role === 'senior';
  const teamIds = wholeAuthority ? [] : ((await getUser(tenant, caller.userId))?.teamIds ?? []);
  return { caller, wholeAuthority, teamIds };
}

export function canSeeActivity(viewer: EngagementViewer, activity: Pick<EngagementActivity, 'teamId'>): boolean {
  return viewer.wholeAuthority || activity.teamId === undefined || viewer.teamIds.includes(activity.teamId);
}

/** Managers change only their own teams' activities; an authority-wide one is for QA and senior managers. */
export function canEditActivity(viewer: EngagementViewer, activity: Pick<EngagementActivity, 'teamId'>): boolean {
  if (!ACTIVITY_EDITORS.includes(viewer.caller.role)) return false;
  return viewer.wholeAuthority || (activity.teamId !== undefined && viewer.teamIds.includes(activity.teamId));
}

export function inViewerTeams(viewer: EngagementViewer, teamId: string | undefined): boolean {
  return viewer.wholeAuthority || (teamId !== undefined && viewer.teamIds.includes(teamId));
}
