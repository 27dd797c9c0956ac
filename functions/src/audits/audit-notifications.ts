/**
 * The emails an audit sends, through the outbox. Each message's reason is deterministic
 * (what happened, to which audit, for whom), so a retried or repeated save queues it once.
 * Messages name the case by its pseudonymous reference and never quote the answers.
 */
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { AUDIT_TYPE_LABELS } from '@waypoint/shared/audits/audit-schemas';
import { meetingIsLate, meetingLabel } from '@waypoint/shared/audits/audit-meeting';
import type { TemplateDefinition } from '@waypoint/shared/templates/template-schemas';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import { raiseAuditAlert } from '../alerts/audit-alert-raising.ts';
import { formatDate, formatMonth } from '@waypoint/shared/formatting/dates';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getTeam } from '../teams/team-store.ts';
import { getUser, listUsers } from '../users/user-store.ts';

const readLink = (tenant: TenantContext, audit: Pick<Audit, 'id'>) => `Read it in Waypoint: ${portalLink(tenant, `/audits/${audit.id}`)}`;

async function activeUser(tenant: TenantContext, userId: string | undefined): Promise<User | undefined> {
  const user = userId ? await getUser(tenant, userId) : undefined;
  return user?.active ? user : undefined;
}

/** The team's managers and the authority's QA officers: who must hear of a safeguarding concern. */
async function safeguardingRecipients(tenant: TenantContext, teamId: string): Promise<User[]> {
  const recipients: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers({ tenant, limit: 100, cursor });
    recipients.push(...page.items.filter((u) => u.active && (u.role === 'qa' || (u.role === 'manager' && u.teamIds.includes(teamId)))));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return recipients;
}

export async function notifyAuditPlanned(tenant: TenantContext, audit: Audit, at: string): Promise<void> {
  const holder = await activeUser(tenant, audit.caseHolderId);
  if (!holder) return;
  await queueEmail({
    tenant,
    reason: `audit-planned:${audit.id}:${holder.id}`,
    to: holder.email,
    subject: `Audit planned for case ${audit.caseRef}`,
    text: `Hello ${holder.name},\n\nA ${AUDIT_TYPE_LABELS[audit.auditType].toLowerCase()} audit (${audit.templateName}) of case ${audit.caseRef}, which you hold, is planned for ${formatMonth(audit.month)}${audit.conversationDate ? `, with the audit conversation on ${formatDate(audit.conversationDate)}` : ''}${audit.meetingDate ? `. You will meet to talk it through on ${meetingLabel({ meetingDate: audit.meetingDate, meetingTime: audit.meetingTime })}` : ''}. ${audit.reviewId ? 'The reviewer' : 'Your manager'} will go through it with you.\n\n${readLink(tenant, audit)}\n`,
    at,
  });
}

/**
 * The meeting for the audit conversation was booked or moved: the case holder and the student
 * (or only those in `to`) hear when. One message per version of the audit, so a retry sends it once.
 */
export async function notifyMeetingBooked(tenant: TenantContext, audit: Audit, at: string, to: (string | undefined)[] = [audit.caseHolderId, audit.studentId]): Promise<void> {
  if (!audit.meetingDate) return;
  const when = meetingLabel({ meetingDate: audit.meetingDate, meetingTime: audit.meetingTime });
  const late = meetingIsLate({ month: audit.month, meetingDate: audit.meetingDate }) ? ' This is after the audit is due, so it will be late.' : '';
  for (const userId of new Set(to)) {
    const person = await activeUser(tenant, userId);
    if (!person) continue;
    await queueEmail({
      tenant,
      reason: `audit-meeting:${audit.id}:${audit.version}:${person.id}`,
      to: person.email,
      subject: `Audit meeting for case ${audit.caseRef}: ${when}`,
      text: `Hello ${person.name},\n\nThe reflective conversation for the ${AUDIT_TYPE_LABELS[audit.auditType].toLowerCase()} audit (${audit.templateName}) of case ${audit.caseRef}, planned for ${formatMonth(audit.month)}, is booked for ${when}.${late} Your manager will go through it with you.\n\n${readLink(tenant, audit)}\n`,
      at,
    });
  }
}

/**
 * The booked meeting was cancelled: the case holder and the student hear which day is off.
 * Keyed by the version that cleared it, so a retried or repeated cancellation sends it once.
 */
export async function notifyMeetingCancelled(tenant: TenantContext, change: { cancelled: Audit; after: Pick<Audit, 'version'> }, at: string): Promise<void> {
  const { cancelled: audit } = change;
  if (!audit.meetingDate) return;
  const when = meetingLabel({ meetingDate: audit.meetingDate, meetingTime: audit.meetingTime });
  for (const userId of new Set([audit.caseHolderId, audit.studentId])) {
    const person = await activeUser(tenant, userId);
    if (!person) continue;
    await queueEmail({
      tenant,
      reason: `audit-meeting-cancelled:${audit.id}:${change.after.version}:${person.id}`,
      to: person.email,
      subject: `Audit meeting cancelled for case ${audit.caseRef}: ${when}`,
      text: `Hello ${person.name},\n\nThe meeting on ${when} for the reflective conversation on the ${AUDIT_TYPE_LABELS[audit.auditType].toLowerCase()} audit (${audit.templateName}) of case ${audit.caseRef} has been cancelled. You will be emailed when a new day is booked.\n\n${readLink(tenant, audit)}\n`,
      at,
    });
  }
}

/** Each completion (a reopened audit can complete again) tells the case holder and the student. */
export async function notifyAuditCompleted(tenant: TenantContext, audit: Audit, at: string): Promise<void> {
  const completion = audit.reopenings.length + 1;
  for (const userId of [audit.caseHolderId, audit.studentId]) {
    const person = await activeUser(tenant, userId);
    if (!person) continue;
    await queueEmail({
      tenant,
      reason: `audit-completed:${audit.id}:${completion}:${person.id}`,
      to: person.email,
      subject: `Audit of case ${audit.caseRef} completed`,
      text: `Hello ${person.name},\n\nThe audit of case ${audit.caseRef} (${audit.templateName}) has been completed. You can read it and add your own reflection, in your own words.\n\n${readLink(tenant, audit)}\n`,
      at,
    });
  }
}

/**
 * Alerts the team's managers and QA to every section flagged with a safeguarding concern.
 * Called on every save: the reason names audit, section and recipient, so each alert goes
 * once, and a save after an interrupted one still sends what was missed.
 */
export async function alertSafeguarding(tenant: TenantContext, actor: Pick<StaffCaller, 'userId'>, audit: Audit, template: Pick<TemplateDefinition, 'sections'>, at: string): Promise<number> {
  if (!audit.safeguardingSections.length) return 0;
  // The alert first: it is what someone must acknowledge, and the emails link to the audit either way.
  await raiseAuditAlert(tenant, actor, audit, template, at);
  const recipients = await safeguardingRecipients(tenant, audit.teamId);
  const teamName = (await getTeam(tenant, audit.teamId))?.name ?? 'a team no longer listed';
  let queued = 0;
  for (const sectionId of audit.safeguardingSections) {
    const title = template.sections.find((s) => s.id === sectionId)?.title ?? sectionId;
    for (const person of recipients) {
      const sent = await queueEmail({
        tenant,
        reason: `safeguarding:${audit.id}:${sectionId}:${person.id}`,
        to: person.email,
        subject: `Safeguarding concern raised in the audit of case ${audit.caseRef}`,
        text: `Hello ${person.name},\n\nA safeguarding concern has been flagged in section “${title}” of the audit of case ${audit.caseRef} (${teamName}). Please review it today and act under your authority’s safeguarding procedures. It is on the Alerts list in Waypoint, where a team manager or QA officer must acknowledge it.\n\n${readLink(tenant, audit)}\n`,
        at,
      });
      if (sent) queued++;
    }
  }
  return queued;
}
