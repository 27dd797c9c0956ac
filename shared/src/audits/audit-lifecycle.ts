/**
 * The audit lifecycle: planned → in progress → completed, or cancelled; completed →
 * reopened (back to in progress). Any other move is refused (409 at the API).
 */
import type { AuditState } from './audit-schemas.ts';

export const AUDIT_EVENTS = ['save', 'complete', 'cancel', 'reopen'] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** From each state, where each event leads; a missing entry is a forbidden move. */
export const AUDIT_TRANSITIONS: Record<AuditState, Partial<Record<AuditEvent, AuditState>>> = {
  planned: { save: 'planned', cancel: 'cancelled' },
  'in-progress': { save: 'in-progress', complete: 'completed', cancel: 'cancelled' },
  completed: { reopen: 'in-progress' },
  cancelled: {},
};

/** The state after `event`, or undefined when the lifecycle forbids it. */
export function nextAuditState(from: AuditState, event: AuditEvent): AuditState | undefined {
  return AUDIT_TRANSITIONS[from][event];
}

/** Saving answers starts a planned audit; saving only its details (date, people) does not. */
export function stateAfterSave(from: AuditState, changesAnswers: boolean): AuditState | undefined {
  const next = nextAuditState(from, 'save');
  return next === 'planned' && changesAnswers ? 'in-progress' : next;
}

export function isEditable(state: AuditState): boolean {
  return nextAuditState(state, 'save') !== undefined;
}
