/**
 * Emails about views on grades, through the outbox. A disagreement goes to the auditor and
 * every QA officer; a reply to the person who disagreed. Each reason names the audit, section,
 * person and the document's version, so a retried request queues each message once. Emails
 * never quote the reason or the reply: Waypoint has them.
 */
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { GradeView } from '@waypoint/shared/audits/grade-view-schemas';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getUser, listUsers } from '../users/user-store.ts';

const WHO: Record<GradeView['role'], string> = { 'case-holder': 'the case holder', student: 'the student social worker' };

async function auditorAndQa(tenant: TenantContext, auditorId: string): Promise<User[]> {
  const people = new Map<string, User>();
  let cursor: string | undefined;
  do {
    const page = await listUsers({ tenant, limit: 100, cursor });
    for (const u of page.items) if (u.active && (u.role === 'qa' || u.id === auditorId)) people.set(u.id, u);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return [...people.values()];
}

export async function notifyDisagreement(tenant: TenantContext, audit: Audit, view: GradeView, sectionTitle: string, version: number, at: string): Promise<void> {
  const author = await getUser(tenant, view.personId);
  for (const person of await auditorAndQa(tenant, audit.auditorId)) {
    if (person.id === view.personId) continue;
    await queueEmail({
      tenant,
      reason: `grade-disagreed:${audit.id}:${view.sectionId}:${view.personId}:${version}:${person.id}`,
      to: person.email,
      subject: `A grade is disagreed with in the audit of case ${audit.caseRef}`,
      text: `Hello ${person.name},\n\n${author?.name ?? 'Someone'} (${WHO[view.role]}) does not agree with the grade for “${sectionTitle}” in the audit of case ${audit.caseRef}, and has said why. ${person.role === 'qa' ? 'You can reply, or moderate the audit.' : 'You can reply to them.'}\n\nRead it in Waypoint: ${portalLink(tenant, `/audits/${audit.id}#grade-views`)}\n`,
      at,
    });
  }
}

export async function notifyReply(tenant: TenantContext, audit: Audit, view: GradeView, sectionTitle: string, version: number, at: string): Promise<void> {
  const person = await getUser(tenant, view.personId);
  if (!person?.active || !view.reply) return;
  const replier = await getUser(tenant, view.reply.byId);
  await queueEmail({
    tenant,
    reason: `grade-view-reply:${audit.id}:${view.sectionId}:${view.personId}:${version}`,
    to: person.email,
    subject: `A reply about the grade you disagreed with (case ${audit.caseRef})`,
    text: `Hello ${person.name},\n\n${replier?.name ?? 'Someone'} has replied to what you said about the grade for “${sectionTitle}” in the audit of case ${audit.caseRef}.\n\nRead it in Waypoint: ${portalLink(tenant, `/audits/${audit.id}#grade-views`)}\n`,
    at,
  });
}
