/**
 * What can happen to a remedial action, and who may do it. Done needs evidence of what was
 * done; verifying is for someone other than the owner (their manager or the auditor), so
 * nobody signs off their own work; reopening and cancelling need a reason.
 */
import { OPEN_ACTION_STATES, type ActionState } from './action-schemas.ts';

export const ACTION_MOVES = ['start', 'complete', 'verify', 'reopen', 'cancel'] as const;
export type ActionMove = (typeof ACTION_MOVES)[number];

const MOVES: Record<ActionMove, { from: readonly ActionState[]; to: ActionState }> = {
  start: { from: ['open'], to: 'in-progress' },
  complete: { from: ['open', 'in-progress'], to: 'done' },
  verify: { from: ['done'], to: 'verified' },
  reopen: { from: ['done', 'verified'], to: 'open' },
  cancel: { from: ['open', 'in-progress'], to: 'cancelled' },
};

/** The state a move leads to, or null when the lifecycle forbids it from `state` (a 409). */
export function stateAfterMove(state: ActionState, move: ActionMove): ActionState | null {
  const rule = MOVES[move];
  return rule.from.includes(state) ? rule.to : null;
}

/** Moves open to an action in `state`, for offering only the buttons that can work. */
export function movesFrom(state: ActionState): ActionMove[] {
  return ACTION_MOVES.filter((move) => MOVES[move].from.includes(state));
}

/** Past its due date (a London calendar date) and not yet done. */
export function isOverdue(action: { state: ActionState; dueDate: string }, today: string): boolean {
  return OPEN_ACTION_STATES.includes(action.state) && action.dueDate < today;
}

/** Whole days from raising to done, for the days-to-done figures. */
export function daysToDone(raisedOn: string, doneOn: string): number {
  return Math.max(0, Math.round((Date.parse(`${doneOn}T00:00:00Z`) - Date.parse(`${raisedOn}T00:00:00Z`)) / 86_400_000));
}
