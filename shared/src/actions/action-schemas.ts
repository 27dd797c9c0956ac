/**
 * Remedial actions raised from findings: what must happen, who owns it, by when, and the
 * evidence that it was done, verified by someone other than its owner.
 */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { CaseRef, EntityId, type CaseType } from '../cases/case-schemas.ts';
import { IsoDate } from '../audits/audit-dates.ts';
import { ActivityId } from '../engagement/activity-schemas.ts';
import { PartId } from '../templates/template-schemas.ts';
import { SHADOWING_THEMES } from '../shadowing/shadowing-themes.ts';
import { COMPLIANCE_ITEMS } from '../compliance/compliance-checklist.ts';

/** Raised `open`; see `action-lifecycle.ts` for the moves between states. */
export const ACTION_STATES = ['open', 'in-progress', 'done', 'verified', 'cancelled'] as const;
export type ActionState = (typeof ACTION_STATES)[number];
export const ACTION_STATE_LABELS: Record<ActionState, string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done', verified: 'Verified', cancelled: 'Cancelled' };
/** States in which an action still counts towards "open" and "overdue". */
export const OPEN_ACTION_STATES: readonly ActionState[] = ['open', 'in-progress'];

export const ACTION_PRIORITIES = ['high', 'medium', 'low'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];
export const ACTION_PRIORITY_LABELS: Record<ActionPriority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/**
 * Where an action came from: a section of an audit, or a sent response of a feedback
 * activity (a comment staff read). Reviews and compliance audits later, as more variants.
 */
export const ActionSource = v.variant('type', [
  v.strictObject({ type: v.literal('audit'), auditId: EntityId, sectionId: PartId }),
  v.strictObject({ type: v.literal('feedback'), activityId: ActivityId, responseId: EntityId }),
  /** A theme of the shadowing learning view: about the service, for the team chosen. */
  v.strictObject({ type: v.literal('shadowing'), theme: v.picklist(SHADOWING_THEMES, 'Choose a theme from the list') }),
  /** An item a records compliance check answered "no": about the case, for its holder by default. */
  v.strictObject({ type: v.literal('compliance'), checkId: EntityId, item: v.picklist(COMPLIANCE_ITEMS, 'Choose an item of the checklist') }),
  /** A recommendation of a thematic review: about the service, for the team chosen, tracked by the review. */
  v.strictObject({ type: v.literal('review'), reviewId: EntityId, recommendationId: EntityId }),
]);
export type ActionSource = v.InferOutput<typeof ActionSource>;
export type ActionSourceType = ActionSource['type'];

export const CreateActionBody = v.strictObject({
  source: ActionSource,
  description: Text({ max: 2000, required: 'Say what must happen', lines: 'many' }),
  /** Why: the finding the action answers. */
  finding: v.optional(Text({ max: 2000, lines: 'many' })),
  ownerId: EntityId,
  /** Today or later (Europe/London). */
  dueDate: IsoDate,
  priority: v.optional(v.picklist(ACTION_PRIORITIES), 'medium'),
  /**
   * For an action from the feedback of an activity for the whole authority, from work
   * shadowing or from a thematic review's recommendation: the team it is for. An audit's action takes its case's team, a team activity's its own.
   */
  teamId: v.optional(EntityId),
});
export type CreateActionBody = v.InferOutput<typeof CreateActionBody>;

const Reason = Text({ max: 2000, required: 'Give a reason', lines: 'many' });

/** Done: what was done (the evidence) and the day it was done (not in the future, not before the action was raised). */
export const CompleteActionBody = v.strictObject({
  evidence: Text({ max: 4000, required: 'Say what was done and where the evidence is', lines: 'many' }),
  doneOn: IsoDate,
});
export type CompleteActionBody = v.InferOutput<typeof CompleteActionBody>;

/** Verified by the owner's manager or the auditor, with an optional note. */
export const VerifyActionBody = v.strictObject({ note: v.optional(Text({ max: 2000, lines: 'many' })) });
export const ReopenActionBody = v.strictObject({ reason: Reason });
export const CancelActionBody = v.strictObject({ reason: Reason });

/** The re-audit's question about each of the previous audit's actions: did it make a difference for the child? */
export const ACTION_DIFFERENCES = ['yes', 'partly', 'no', 'too-early'] as const;
export type ActionDifference = (typeof ACTION_DIFFERENCES)[number];
export const ACTION_DIFFERENCE_LABELS: Record<ActionDifference, string> = { yes: 'Yes', partly: 'Partly', no: 'No', 'too-early': 'Too early to tell' };

export const ActionImpactBody = v.strictObject({
  /** The re-audit answering: it must follow up the audit the action came from. */
  reauditId: EntityId,
  difference: v.picklist(ACTION_DIFFERENCES, 'Say whether it made a difference for the child'),
  comment: v.optional(Text({ max: 2000, lines: 'many' })),
});
export type ActionImpactBody = v.InferOutput<typeof ActionImpactBody>;

export const ACTION_VIEWS = ['mine', 'team', 'case'] as const;
export type ActionListView = (typeof ACTION_VIEWS)[number];
export const ACTION_LIST_STATUSES = ['open', 'closed'] as const;
export type ActionListStatus = (typeof ACTION_LIST_STATUSES)[number];

/**
 * `view=mine` (the caller's own), `team` (a manager's teams, or any team for QA and senior
 * managers; `team` narrows it) or `case` (`caseRef` required). `status=open` lists open and
 * in-progress actions, overdue first then by due date; `closed` the rest, newest first.
 * Unknown parameters are refused.
 */
export const ListActionsQuery = v.strictObject({
  view: v.picklist(ACTION_VIEWS, 'Choose a view: mine, team or case'),
  status: v.optional(v.picklist(ACTION_LIST_STATUSES, 'Choose open or closed')),
  team: v.optional(EntityId),
  caseRef: v.optional(CaseRef),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'limit must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(100))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});
export type ListActionsQuery = v.InferOutput<typeof ListActionsQuery>;

export interface ActionReopening {
  at: string;
  byId: string;
  reason: string;
  /** What had been recorded as done, kept when it was reopened. */
  evidence?: string;
  doneOn?: string;
}

export interface ActionImpact {
  reauditId: string;
  difference: ActionDifference;
  comment?: string;
  byId: string;
  at: string;
}

export interface Action {
  id: string;
  source: ActionSource;
  description: string;
  finding?: string;
  ownerId: string;
  dueDate: string;
  priority: ActionPriority;
  state: ActionState;
  /**
   * The case the finding was about, and its team when the action was raised. An action
   * raised from feedback is about the service, not a child: it has no case (a response
   * never gives its case away), and its team is the activity's or the one chosen.
   */
  caseRef?: string;
  teamId: string;
  /** The case's type when raised (actions raised before it was kept take their audit's). */
  caseType?: CaseType;
  raisedById: string;
  startedAt?: string;
  startedById?: string;
  /** Done: the evidence of what was done, the day it was done, and who said so. */
  evidence?: string;
  doneOn?: string;
  completedAt?: string;
  completedById?: string;
  verifiedAt?: string;
  verifiedById?: string;
  verificationNote?: string;
  cancelledAt?: string;
  cancelledById?: string;
  cancelReason?: string;
  reopenings?: ActionReopening[];
  /** The re-audit's answer: did it make a difference for the child? */
  impact?: ActionImpact;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The audit an action was raised from; none for one from feedback. */
export function sourceAuditId(action: Pick<Action, 'source'>): string | undefined {
  return action.source.type === 'audit' ? action.source.auditId : undefined;
}

/** What an action is about, as emails and pages name it: its case, or the service for one from feedback. */
export function actionAbout(action: Pick<Action, 'caseRef'>): string {
  return action.caseRef === undefined ? 'the service' : `case ${action.caseRef}`;
}

/** Where it came from, for a sentence: "the audit of case NV-1", feedback, or work shadowing. */
export function actionOrigin(action: Pick<Action, 'caseRef'> & { source?: Pick<ActionSource, 'type'> }): string {
  if (action.source?.type === 'shadowing') return 'learning from work shadowing';
  if (action.source?.type === 'compliance') return `the records compliance check of case ${action.caseRef}`;
  if (action.source?.type === 'review') return 'a thematic review';
  return action.caseRef === undefined ? 'feedback from children and families' : `the audit of case ${action.caseRef}`;
}

/** An action in a list or on its own: with whether it is overdue today (London). */
export interface ActionView extends Action {
  overdue: boolean;
}

/** A page of actions, with the names of the people they name. */
export interface ActionPage {
  items: ActionView[];
  nextCursor: string | null;
  people: Record<string, string>;
  /** The London date `overdue` was judged on. */
  today: string;
}
