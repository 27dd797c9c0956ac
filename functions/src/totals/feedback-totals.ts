/**
 * After staff tag a sent response with themes: what it adds to the totals of the month it was
 * sent, at its activity's team and case type, or else those of the case its code was linked to.
 * The source's version is the response's `themesVersion`, moved on by every tag.
 */
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { feedbackContribution, type FeedbackForTotals, type FeedbackPlacement } from '@waypoint/shared/dashboards/totals-contributions';
import type { EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import { getCase } from '../cases/case-store.ts';
import { getCode } from '../engagement/code-store.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { recordSourceChange, type SourceChange } from './totals-ledger.ts';

export type TaggedForTotals = FeedbackForTotals & { id: string; codeId?: string; themesVersion?: number };

/** The activity's own team and case type first; the linked case fills in what the activity leaves open. */
export function feedbackPlacement(activity: Pick<EngagementActivity, 'teamId' | 'caseType'>, linkedCase: Pick<Case, 'teamId' | 'caseType'> | undefined): FeedbackPlacement {
  const teamId = activity.teamId ?? linkedCase?.teamId;
  const caseType = activity.caseType ?? linkedCase?.caseType;
  return { ...(teamId ? { teamId } : {}), ...(caseType ? { caseType } : {}) };
}

export function feedbackChange(activityId: string, response: TaggedForTotals, placement: FeedbackPlacement): SourceChange {
  return { kind: 'feedback', id: response.id, activityId, version: response.themesVersion ?? 0, contribution: feedbackContribution(response, placement) };
}

/** The case a single-use code was linked to, when the activity leaves the team or case type open. */
async function linkedCase(tenant: TenantContext, activity: EngagementActivity, codeId: string | undefined): Promise<Case | undefined> {
  if ((activity.teamId && activity.caseType) || !codeId) return undefined;
  const caseRef = (await getCode(tenant, activity.id, codeId))?.caseRef;
  return caseRef ? getCase(tenant, caseRef) : undefined;
}

export function recordFeedbackTotals(tenant: TenantContext, activity: EngagementActivity, response: TaggedForTotals): Promise<void> {
  return recordSourceChange(tenant, async () => feedbackChange(activity.id, response, feedbackPlacement(activity, await linkedCase(tenant, activity, response.codeId))));
}
