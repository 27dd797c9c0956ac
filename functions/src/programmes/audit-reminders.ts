/**
 * Reminders that the month's audits are due: a week before the month ends and on its last
 * working day, each person who runs outstanding audits (the manager, for a sample) gets one
 * message listing them. The message's reason names month, reminder and person, so a second
 * run the same day, or the next day catching up, queues nothing new. A thematic review's
 * audits are the review's to chase, not these reminders'.
 */
import { isOutstanding } from '@waypoint/shared/programme/audit-timeliness';
import { auditDueDate, reminderOwed, type ReminderKind } from '@waypoint/shared/programme/programme-dates';
import type { TenantContext } from '../platform/auth/caller.ts';
import { formatDate } from '@waypoint/shared/formatting/dates';
import { countOf } from '@waypoint/shared/formatting/plurals';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getUser } from '../users/user-store.ts';
import { listMonthAudits, type SlimAudit } from './month-audits.ts';

const OPENING: Record<ReminderKind, (due: string) => string> = {
  'week-before': (due) => `These audits are due by ${due}, a week from now:`,
  'due-today': (due) => `These audits are due today, ${due}, and are not completed yet:`,
};

/** Queues the reminders owed today; returns how many were new. */
export async function remindAuditsDue(tenant: TenantContext, today: string, at: string): Promise<number> {
  const month = today.slice(0, 7);
  const kind = reminderOwed(month, today);
  if (!kind) return 0;
  const outstanding = (await listMonthAudits(tenant, month, undefined, { programmeOnly: true })).filter((a) => isOutstanding(a.state));
  const byAuditor = new Map<string, SlimAudit[]>();
  for (const audit of outstanding) byAuditor.set(audit.auditorId, [...(byAuditor.get(audit.auditorId) ?? []), audit]);
  const due = formatDate(auditDueDate(month));
  let queued = 0;
  for (const [userId, audits] of [...byAuditor].sort(([a], [b]) => a.localeCompare(b))) {
    const person = await getUser(tenant, userId);
    if (!person?.active) continue;
    const lines = audits
      .sort((a, b) => a.caseRef.localeCompare(b.caseRef))
      .map((a) => `- Case ${a.caseRef} (${a.state === 'planned' ? 'planned' : 'in progress'}): ${portalLink(tenant, `/audits/${a.id}`)}`)
      .join('\n');
    const sent = await queueEmail({
      tenant,
      reason: `audits-due:${month}:${kind}:${userId}`,
      to: person.email,
      subject: kind === 'due-today' ? `${countOf(audits.length, 'audit')} due today` : `${countOf(audits.length, 'audit')} due by ${due}`,
      text: `Hello ${person.name},\n\n${OPENING[kind](due)}\n\n${lines}\n\nAudits not completed by the end of the month are shown as late to you and to QA.\n`,
      at,
    });
    if (sent) queued++;
  }
  return queued;
}
