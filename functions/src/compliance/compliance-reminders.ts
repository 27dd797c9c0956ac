/**
 * "Checks still to do": on the audit reminder days (a week before the month ends and its last
 * working day), whoever drew the month's records compliance cases is emailed how many are not
 * checked yet, once per reminder day (the outbox reason names month, day and person).
 */
import { formatMonth } from '@waypoint/shared/formatting/dates';
import { countOf } from '@waypoint/shared/formatting/plurals';
import { reminderOwed } from '@waypoint/shared/programme/programme-dates';
import type { TenantContext } from '../platform/auth/caller.ts';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getUser } from '../users/user-store.ts';
import { getComplianceProgramme, listChecks } from './compliance-store.ts';

/** Queues the reminder owed today, if any; returns how many were new (0 or 1). */
export async function remindComplianceChecksDue(tenant: TenantContext, today: string, at: string): Promise<number> {
  const month = today.slice(0, 7);
  const kind = reminderOwed(month, today);
  if (!kind) return 0;
  const programme = await getComplianceProgramme(tenant, month);
  if (!programme) return 0;
  const checked = new Set((await listChecks(tenant, month)).map((c) => c.caseRef));
  const left = programme.teams.flatMap((t) => t.picked).filter((ref) => !checked.has(ref)).length;
  if (left === 0) return 0;
  const person = await getUser(tenant, programme.drawnById);
  if (!person?.active) return 0;
  const sent = await queueEmail({
    tenant,
    reason: `compliance-due:${month}:${kind}:${person.id}`,
    to: person.email,
    subject: `${countOf(left, 'records compliance check')} still to do for ${formatMonth(month)}`,
    text: `Hello ${person.name},\n\n${countOf(left, 'case')} drawn for the records compliance checks of ${formatMonth(month)} ${left === 1 ? 'is' : 'are'} not checked yet${kind === 'due-today' ? ', and the month ends today' : ''}.\n\n${portalLink(tenant, `/compliance/${month}`)}\n`,
    at,
  });
  return sent ? 1 : 0;
}
