/**
 * What one source item adds to the monthly totals: an audit to its programme month, a
 * moderation to its audit's month, an action to the month it was raised (so "done" and
 * "verified" read as "of the actions raised then") and, while it is open, to the day it falls
 * due in its due month (so "overdue" is read from the same items on any day), once in all and
 * once under its owner (so the team page lists open and overdue actions by owner). Pure functions
 * of the item (and, for an audit, its case's demographics), so the running totals and the
 * reconcile job count alike. Each gives a list: the buckets it adds to.
 */
import { OPEN_ACTION_STATES, type Action } from '../actions/action-schemas.ts';
import { daysToDone } from '../actions/action-lifecycle.ts';
import { londonDate } from '../audits/audit-dates.ts';
import type { Audit } from '../audits/audit-schemas.ts';
import type { CaseType } from '../cases/case-schemas.ts';
import { DEMOGRAPHIC_DIMENSIONS, demographicGroups, type CaseDemographics } from '../demographics/demographics.ts';
import type { FeedbackResponse } from '../engagement/response-schemas.ts';
import { moderationPairs } from '../moderation/moderation-agreement.ts';
import type { Moderation } from '../moderation/moderation-schemas.ts';
import { completion } from '../programme/audit-timeliness.ts';
import { GRADES } from '../templates/grade-scale.ts';
import { counter, daysToDoneBin, type Counters } from './totals-counters.ts';

/**
 * The finest totals item: a tenant's month, team and case type. Audits and actions always
 * have both; a feedback response may have neither (an authority-wide activity with no case),
 * and then counts only at the levels it has.
 */
export interface FineBucket {
  month: string;
  teamId?: string;
  caseType?: CaseType;
}

export interface Contribution {
  bucket: FineBucket;
  counters: Counters;
}

export type AuditForTotals = Pick<Audit, 'month' | 'teamId' | 'caseType' | 'state' | 'completedAt' | 'overallGrade' | 'sectionGrades' | 'reauditOf'>;

/** A cancelled audit adds nothing; any other was due in its month, and a completed one adds its grades. */
export function auditContribution(audit: AuditForTotals, demographics: CaseDemographics | undefined): Contribution[] {
  if (audit.state === 'cancelled') return [];
  const counters: Counters = { [counter.auditsDue]: 1 };
  const groups = demographicGroups(demographics);
  const add = (name: string) => (counters[name] = (counters[name] ?? 0) + 1);
  for (const dimension of DEMOGRAPHIC_DIMENSIONS) add(counter.fairness(dimension, groups[dimension], 'due'));
  const completed = completion(audit);
  if (audit.reauditOf) add(counter.reauditsDue);
  if (audit.reauditOf && completed) add(counter.reauditsCompleted);
  if (completed) {
    // The one definition of on time (audit-timeliness.ts), so the totals and every screen agree.
    const onTime = completed === 'on-time';
    add(counter.auditsCompleted);
    if (onTime) add(counter.auditsOnTime);
    if (audit.overallGrade) add(counter.overallGrade(audit.overallGrade));
    for (const [sectionId, grade] of Object.entries(audit.sectionGrades)) add(counter.sectionGrade(sectionId, grade));
    for (const dimension of DEMOGRAPHIC_DIMENSIONS) {
      if (onTime) add(counter.fairness(dimension, groups[dimension], 'ontime'));
      if (audit.overallGrade) add(counter.fairness(dimension, groups[dimension], audit.overallGrade));
    }
  }
  return [{ bucket: { month: audit.month, teamId: audit.teamId, caseType: audit.caseType }, counters }];
}

export type ModerationForTotals = Pick<Moderation, 'month' | 'teamId' | 'sections' | 'overallGrade' | 'auditorSectionGrades' | 'auditorOverallGrade'>;

/** The agreement tables' cells: every pair of auditor and moderator grades. */
export function moderationContribution(moderation: ModerationForTotals, caseType: CaseType): Contribution[] {
  const counters: Counters = { [counter.moderatedAudits]: 1 };
  const add = (name: string) => (counters[name] = (counters[name] ?? 0) + 1);
  for (const pair of moderationPairs(moderation)) add(counter.moderationGrades(GRADES[pair.auditor]!, GRADES[pair.moderator]!));
  for (const pair of moderationPairs(moderation, { overallOnly: true })) add(counter.moderationOverall(GRADES[pair.auditor]!, GRADES[pair.moderator]!));
  return [{ bucket: { month: moderation.month, teamId: moderation.teamId, caseType }, counters }];
}

export type ActionForTotals = Pick<Action, 'createdAt' | 'teamId' | 'ownerId' | 'state' | 'dueDate' | 'doneOn' | 'source' | 'impact'>;

/**
 * Counted in the month it was raised: raised, and (now) done, done on time, verified or
 * cancelled, with its days to done; and while open, on its due day in the month it is due.
 */
export function actionContribution(action: ActionForTotals, caseType: CaseType | undefined): Contribution[] {
  const raisedOn = londonDate(new Date(action.createdAt));
  const counters: Counters = { [counter.actionsRaised]: 1 };
  // One from feedback has no section; with no case type either, it counts for the authority and its team.
  if (action.source.type === 'audit') counters[counter.actionsFromSection(action.source.sectionId)] = 1;
  const done = (action.state === 'done' || action.state === 'verified') && action.doneOn !== undefined;
  if (done) {
    counters[counter.actionsDone] = 1;
    if (action.doneOn! <= action.dueDate) counters[counter.actionsDoneOnTime] = 1;
    counters[counter.daysToDone(daysToDoneBin(daysToDone(raisedOn, action.doneOn!)))] = 1;
  }
  if (action.state === 'verified') counters[counter.actionsVerified] = 1;
  if (action.state === 'cancelled') counters[counter.actionsCancelled] = 1;
  if (action.impact) counters[counter.actionDifference(action.impact.difference)] = 1;
  const type = caseType === undefined ? {} : { caseType };
  const raised: Contribution = { bucket: { month: raisedOn.slice(0, 7), teamId: action.teamId, ...type }, counters };
  if (!OPEN_ACTION_STATES.includes(action.state)) return [raised];
  return [raised, { bucket: { month: action.dueDate.slice(0, 7), teamId: action.teamId, ...type }, counters: { [counter.openDue(action.dueDate)]: 1, [counter.openOwned(action.ownerId, action.dueDate)]: 1 } }];
}

export type FeedbackForTotals = Pick<FeedbackResponse, 'state' | 'submittedAt'> & { themes?: readonly string[] };

/** Where a response counts: its activity's team and case type, or else those of the case its code was linked to. */
export interface FeedbackPlacement {
  teamId?: string;
  caseType?: CaseType;
}

/**
 * A sent response tagged with themes counts once as tagged and once under each theme, in the
 * London month it was sent; untagged or unsent, it adds nothing.
 */
export function feedbackContribution(response: FeedbackForTotals, placement: FeedbackPlacement): Contribution[] {
  const themes = [...new Set(response.themes ?? [])];
  if (response.state !== 'submitted' || !response.submittedAt || themes.length === 0) return [];
  const counters: Counters = { [counter.feedbackTagged]: 1 };
  for (const theme of themes) counters[counter.feedbackTheme(theme)] = 1;
  const month = londonDate(new Date(response.submittedAt)).slice(0, 7);
  return [{ bucket: { month, ...(placement.teamId ? { teamId: placement.teamId } : {}), ...(placement.caseType ? { caseType: placement.caseType } : {}) }, counters }];
}
