/**
 * The emails an action sends, through the outbox, each with a deterministic reason: the
 * owner when it is given to them, verified or reopened; the owner's managers and the auditor
 * when it is done and waits for them to verify. They name the case by reference only
 * (one from feedback names none: it is about the service).
 */
import { ACTION_PRIORITY_LABELS, actionAbout, actionOrigin, type Action } from '@waypoint/shared/actions/action-schemas';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { formatDate } from '@waypoint/shared/formatting/dates';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getUser, listUsers } from '../users/user-store.ts';

const link = (tenant: TenantContext, action: Pick<Action, 'id'>) => `Read it in Waypoint: ${portalLink(tenant, `/actions/${action.id}`)}`;

/** Every active member of staff (an authority has hundreds at most), read a page at a time. */
export async function activeStaff(tenant: TenantContext): Promise<User[]> {
  const staff: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers({ tenant, limit: 100, cursor });
    staff.push(...page.items.filter((u) => u.active));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return staff;
}

/** The managers of the action's team: the owner's managers for this action. */
export function managersOf(staff: readonly User[], action: Pick<Action, 'teamId'>): User[] {
  return staff.filter((u) => u.role === 'manager' && u.teamIds.includes(action.teamId));
}

export async function notifyActionAssigned(tenant: TenantContext, action: Action, owner: User, at: string): Promise<void> {
  await queueEmail({
    tenant,
    reason: `action-assigned:${action.id}`,
    to: owner.email,
    subject: `Action for ${actionAbout(action)}, due ${formatDate(action.dueDate)}`,
    text: `Hello ${owner.name},\n\nAn action from ${actionOrigin(action)} has been given to you, due ${formatDate(action.dueDate)} (${ACTION_PRIORITY_LABELS[action.priority].toLowerCase()} priority).\n\n${link(tenant, action)}\n`,
    at,
  });
}

const completionNumber = (action: Action) => (action.reopenings?.length ?? 0) + 1;

/** Done: whoever may verify it (the team's managers and the auditor) is asked to, once per completion. */
export async function notifyActionDone(tenant: TenantContext, action: Action, auditorId: string | undefined, at: string): Promise<void> {
  const staff = await activeStaff(tenant);
  const verifiers = [...managersOf(staff, action), ...staff.filter((u) => u.id === auditorId)].filter((u, i, all) => u.id !== action.ownerId && all.findIndex((v) => v.id === u.id) === i);
  for (const person of verifiers) {
    await queueEmail({
      tenant,
      reason: `action-done:${action.id}:${completionNumber(action)}:${person.id}`,
      to: person.email,
      subject: `Action for ${actionAbout(action)} is done and waits for you to verify it`,
      text: `Hello ${person.name},\n\nAn action from ${actionOrigin(action)} has been recorded as done on ${formatDate(action.doneOn)}, with its evidence. Please check it and verify it, or reopen it with a reason.\n\n${link(tenant, action)}\n`,
      at,
    });
  }
}

/** Verified or reopened: the owner hears, once per completion. */
export async function notifyOwner(tenant: TenantContext, action: Action, what: 'verified' | 'reopened', at: string): Promise<void> {
  const owner = await getUser(tenant, action.ownerId);
  if (!owner?.active) return;
  const number = what === 'verified' ? completionNumber(action) : (action.reopenings?.length ?? 0);
  await queueEmail({
    tenant,
    reason: `action-${what}:${action.id}:${number}:${owner.id}`,
    to: owner.email,
    subject: what === 'verified' ? `Your action for ${actionAbout(action)} has been verified` : `Your action for ${actionAbout(action)} has been reopened`,
    text:
      what === 'verified'
        ? `Hello ${owner.name},\n\nThe action from ${actionOrigin(action)} that you completed has been verified. Thank you.\n\n${link(tenant, action)}\n`
        : `Hello ${owner.name},\n\nThe action from ${actionOrigin(action)} has been reopened, with the reason given on the action. It is due ${formatDate(action.dueDate)}.\n\n${link(tenant, action)}\n`,
    at,
  });
}
