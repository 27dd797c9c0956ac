/**
 * Who may move an action. The owner starts and completes it; whoever oversees it (a manager
 * of its team or of the owner's teams, the auditor, whoever raised it, QA officers and senior
 * managers) may do the same and cancel it. Verifying is for the owner's manager or the
 * auditor and never the owner, so nobody signs off their own work; reopening is for those
 * who verify and for QA officers.
 */
import type { StaffRole } from '../tenancy/roles.ts';
import { ACTION_MOVES, stateAfterMove, type ActionMove } from './action-lifecycle.ts';
import type { Action } from './action-schemas.ts';

export interface ActionActor {
  userId: string;
  role: StaffRole;
  /** The actor's own teams (what makes a manager someone's manager). */
  teamIds: readonly string[];
}

export interface ActionParties {
  action: Pick<Action, 'ownerId' | 'teamId' | 'raisedById' | 'state'>;
  /** The owner's teams now, with the action's own team. */
  ownerTeamIds: readonly string[];
  /** Who ran the audit the action came from. */
  auditorId: string | undefined;
}

function managesOwner(actor: ActionActor, parties: ActionParties): boolean {
  if (actor.role !== 'manager') return false;
  return [parties.action.teamId, ...parties.ownerTeamIds].some((team) => actor.teamIds.includes(team));
}

function oversees(actor: ActionActor, parties: ActionParties): boolean {
  return actor.role === 'qa' || actor.role === 'senior' || managesOwner(actor, parties) || actor.userId === parties.auditorId || actor.userId === parties.action.raisedById;
}

/** Why this actor may not make this move (a 403), or null when they may. */
export function moveRefusal(actor: ActionActor, move: ActionMove, parties: ActionParties): string | null {
  const isOwner = actor.userId === parties.action.ownerId;
  switch (move) {
    case 'start':
    case 'complete':
      return isOwner || oversees(actor, parties) ? null : 'Only the action’s owner, or someone overseeing it, can do this';
    case 'cancel':
      return oversees(actor, parties) ? null : 'Only a manager of the team, the auditor or QA can cancel an action';
    case 'verify':
      if (isOwner) return 'You own this action, so your manager or the auditor verifies it';
      return managesOwner(actor, parties) || actor.userId === parties.auditorId ? null : 'Only the owner’s manager or the auditor can verify an action';
    case 'reopen':
      if (isOwner) return 'You own this action, so your manager, the auditor or QA reopens it';
      return managesOwner(actor, parties) || actor.userId === parties.auditorId || actor.role === 'qa' ? null : 'Only the owner’s manager, the auditor or QA can reopen an action';
  }
}

/** The moves this actor can make now: allowed by the lifecycle and by who they are. */
export function movesFor(actor: ActionActor, parties: ActionParties): ActionMove[] {
  return ACTION_MOVES.filter((move) => stateAfterMove(parties.action.state, move) !== null && moveRefusal(actor, move, parties) === null);
}
