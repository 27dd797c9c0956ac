/**
 * The emails work shadowing sends, through the outbox with deterministic reasons: the request
 * to the practitioner, the answer to the person shadowing, and "feedback waiting" to whoever
 * has not written yet once the other has. They never quote what anyone wrote.
 */
import { formatDate } from '@waypoint/shared/formatting/dates';
import { feedbackOpensOn } from '@waypoint/shared/shadowing/shadowing-moves';
import { SHADOWED_WORK_LABELS, type Shadowing, type ShadowingSide } from '@waypoint/shared/shadowing/shadowing-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getUser } from '../users/user-store.ts';

const link = (tenant: TenantContext, s: Pick<Shadowing, 'id'>) => `Open it in Waypoint: ${portalLink(tenant, `/shadowing/${s.id}`)}`;
const work = (s: Shadowing) => `${SHADOWED_WORK_LABELS[s.work].toLowerCase()} on ${formatDate(s.date)}${s.time ? ` at ${s.time}` : ''}`;

async function send(options: { tenant: TenantContext; userId: string; reason: string; subject: string; text: (name: string) => string; at: string }): Promise<boolean> {
  const person = await getUser(options.tenant, options.userId);
  if (!person?.active) return false;
  return queueEmail({ tenant: options.tenant, reason: options.reason, to: person.email, subject: options.subject, text: options.text(person.name), at: options.at });
}

export async function notifyShadowingRequested(tenant: TenantContext, s: Shadowing, shadowerName: string, at: string): Promise<void> {
  await send({
    tenant,
    userId: s.practitionerId,
    reason: `shadowing-requested:${s.id}`,
    subject: `${shadowerName} asks to shadow ${work(s)}`,
    text: (name) => `Hello ${name},\n\n${shadowerName} would like to shadow ${work(s)}, to learn from your practice. You can agree or decline, and say why if you wish.\n\n${link(tenant, s)}\n`,
    at,
  });
}

export async function notifyShadowingAnswered(tenant: TenantContext, s: Shadowing, practitionerName: string, at: string): Promise<void> {
  const agreed = s.state === 'agreed';
  await send({
    tenant,
    userId: s.shadowerId,
    reason: `shadowing-answered:${s.id}`,
    subject: agreed ? `${practitionerName} agreed to be shadowed` : `${practitionerName} declined to be shadowed`,
    text: (name) => `Hello ${name},\n\n${practitionerName} ${agreed ? 'agreed' : 'declined'} to your shadowing ${work(s)}.${agreed ? ' Record the family’s consent before the work, where it is needed.' : ''}\n\n${link(tenant, s)}\n`,
    at,
  });
}

/** The other side has written: whoever has not is asked to, once. */
export async function notifyFeedbackWaiting(tenant: TenantContext, s: Shadowing, waitingFor: ShadowingSide, at: string): Promise<void> {
  const userId = waitingFor === 'shadower' ? s.shadowerId : s.practitionerId;
  await send({
    tenant,
    userId,
    reason: `shadowing-feedback-waiting:${s.id}:${userId}`,
    subject: 'Feedback on your work shadowing is waiting for yours',
    text: (name) => `Hello ${name},\n\nFeedback on the shadowing of ${work(s)} has been written. You will read it once you have written yours (or from ${formatDate(feedbackOpensOn(s))}).\n\n${link(tenant, s)}\n`,
    at,
  });
}

/** A reminder from the job: feedback still owed, once a week (`week` counts from the work). */
export async function remindFeedbackOwed(tenant: TenantContext, s: Shadowing, side: ShadowingSide, week: number, at: string): Promise<boolean> {
  const userId = side === 'shadower' ? s.shadowerId : s.practitionerId;
  return send({
    tenant,
    userId,
    reason: `shadowing-feedback-reminder:${s.id}:w${week}:${userId}`,
    subject: 'A reminder: your feedback on work shadowing',
    text: (name) => `Hello ${name},\n\nYour feedback on the shadowing of ${work(s)} is not written yet. Each of you reads the other’s once both have written.\n\n${link(tenant, s)}\n`,
    at,
  });
}

/** A reminder from the job: a request still unanswered two days on. */
export async function remindRequestUnanswered(tenant: TenantContext, s: Shadowing, at: string): Promise<boolean> {
  return send({
    tenant,
    userId: s.practitionerId,
    reason: `shadowing-request-reminder:${s.id}`,
    subject: 'A reminder: a request to shadow your work',
    text: (name) => `Hello ${name},\n\nA request to shadow ${work(s)} is waiting for your answer. You can agree or decline.\n\n${link(tenant, s)}\n`,
    at,
  });
}
