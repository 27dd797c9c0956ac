/**
 * Remedial actions raised from findings: what must happen, who owns it, by when. This
 * is the first slice (raise and read); the full lifecycle follows in its own issue.
 */
import * as v from 'valibot';
import { EntityId } from '../cases/case-schemas.ts';
import { IsoDate } from '../audits/audit-dates.ts';
import { PartId } from '../templates/template-schemas.ts';

/** The whole lifecycle, so stored items never change shape; for now actions are raised `open`. */
export const ACTION_STATES = ['open', 'in-progress', 'done', 'verified', 'cancelled'] as const;
export type ActionState = (typeof ACTION_STATES)[number];
export const ACTION_STATE_LABELS: Record<ActionState, string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done', verified: 'Verified', cancelled: 'Cancelled' };
/** States in which an action still counts towards "open" and "overdue". */
export const OPEN_ACTION_STATES: readonly ActionState[] = ['open', 'in-progress'];

export const ACTION_PRIORITIES = ['high', 'medium', 'low'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];
export const ACTION_PRIORITY_LABELS: Record<ActionPriority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** Where an action came from. Audits now; reviews, compliance audits and feedback later, as more variants. */
export const ActionSource = v.variant('type', [v.strictObject({ type: v.literal('audit'), auditId: EntityId, sectionId: PartId })]);
export type ActionSource = v.InferOutput<typeof ActionSource>;

export const CreateActionBody = v.strictObject({
  source: ActionSource,
  description: v.pipe(v.string(), v.trim(), v.minLength(1, 'Say what must happen'), v.maxLength(2000, 'Use at most 2000 characters')),
  /** Why: the finding the action answers. */
  finding: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000, 'Use at most 2000 characters'))),
  ownerId: EntityId,
  /** Today or later (Europe/London). */
  dueDate: IsoDate,
  priority: v.optional(v.picklist(ACTION_PRIORITIES), 'medium'),
});
export type CreateActionBody = v.InferOutput<typeof CreateActionBody>;

export interface Action {
  id: string;
  source: ActionSource;
  description: string;
  finding?: string;
  ownerId: string;
  dueDate: string;
  priority: ActionPriority;
  state: ActionState;
  /** The case the finding was about, and its team when the action was raised. */
  caseRef: string;
  teamId: string;
  raisedById: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
