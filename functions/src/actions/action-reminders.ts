/**
 * Reminders of actions that fall due within a week, and of overdue ones, to the owner and
 * the managers of the action's team, from the open-actions list. Each message's reason names
 * the action, its due date, the reminder and the person (an overdue one also the week it is
 * in), so running again the same day sends nothing new, a missed morning is caught up the
 * next, and an action still overdue is mentioned once a week.
 */
import { addDays } from '@waypoint/shared/time/calendar-dates';
import { daysToDone } from '@waypoint/shared/actions/action-lifecycle';
import { actionAbout, actionOrigin } from '@waypoint/shared/actions/action-schemas';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { formatDate } from '@waypoint/shared/formatting/dates';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { listOpenActionsDue, type OpenActionEntry } from '../totals/open-actions.ts';
import { activeStaff, managersOf } from './action-notifications.ts';

export const DUE_SOON_DAYS = 7;

/** Which reminder an open action is owed today, or null; an overdue one names its week. */
export function actionReminderOwed(dueDate: string, today: string): string | null {
  if (dueDate >= today) return dueDate <= addDays(today, DUE_SOON_DAYS) ? 'due-soon' : null;
  const daysOverdue = daysToDone(dueDate, today);
  return `overdue-w${Math.floor((daysOverdue - 1) / 7)}`;
}

function message(tenant: TenantContext, entry: OpenActionEntry, person: User, owner: User | undefined, overdue: boolean) {
  const mine = person.id === entry.ownerId;
  const whose = mine ? 'your action' : `the action owned by ${owner?.name ?? 'a member of your team'}`;
  const due = formatDate(entry.dueDate);
  return {
    subject: overdue ? `Overdue action for ${actionAbout(entry)} (was due ${due})` : `Action for ${actionAbout(entry)} is due on ${due}`,
    text: `Hello ${person.name},\n\n${overdue ? `${whose[0]!.toUpperCase()}${whose.slice(1)} from ${actionOrigin(entry)} was due on ${due} and is not done yet.` : `${whose[0]!.toUpperCase()}${whose.slice(1)} from ${actionOrigin(entry)} is due on ${due}.`} When it is done, record what was done so it can be verified.\n\nRead it in Waypoint: ${portalLink(tenant, `/actions/${entry.actionId}`)}\n`,
  };
}

/** Queues the reminders owed today; returns how many were new. */
export async function remindActionsDue(tenant: TenantContext, today: string, at: string): Promise<number> {
  const due = await listOpenActionsDue(tenant, addDays(today, DUE_SOON_DAYS));
  if (due.length === 0) return 0;
  const staff = await activeStaff(tenant);
  let queued = 0;
  for (const entry of due) {
    const kind = actionReminderOwed(entry.dueDate, today);
    if (!kind) continue;
    const owner = staff.find((u) => u.id === entry.ownerId);
    const recipients = [...(owner ? [owner] : []), ...managersOf(staff, entry).filter((m) => m.id !== entry.ownerId)];
    for (const person of recipients) {
      const sent = await queueEmail({ tenant, reason: `action-${kind}:${entry.actionId}:${entry.dueDate}:${person.id}`, to: person.email, ...message(tenant, entry, person, owner, kind !== 'due-soon'), at });
      if (sent) queued++;
    }
  }
  return queued;
}
