/**
 * The invitation a new person gets: an email through the outbox saying who added them, as
 * what, and where to sign in. In AWS Cognito also emails their temporary password (it sends
 * that itself when the account is made, and again on a resend); on one machine the demo
 * password works and the outbox page shows the email.
 */
import { ROLE_LABELS } from '@waypoint/shared/tenancy/roles';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { ApiDependencies } from '../api/dependencies.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getTenantSummary } from '../tenants/tenant-directory.ts';

/**
 * Queues invitation number `sending` (1 when the person is added). The reason names the
 * sending, so a retried request queues its email once and each resend queues a new one.
 */
export async function queueInvitation(options: { tenant: TenantContext; deps: ApiDependencies; user: User; sending: number; at: string }): Promise<void> {
  const { tenant, deps, user, sending } = options;
  const authority = (await getTenantSummary(tenant))?.name ?? 'your authority';
  const signIn = `Sign in at ${portalLink(tenant, '/signin')} with this email address (${user.email}).\n`;
  await queueEmail({
    tenant,
    reason: sending === 1 ? `user-added:${user.id}` : `user-invitation:${user.id}:${sending}`,
    to: user.email,
    subject: sending === 1 ? 'You have been added to Waypoint' : 'Your invitation to Waypoint',
    text: [
      `Hello ${user.name},`,
      '',
      `You have been added to Waypoint, ${authority}'s quality assurance service, as a ${ROLE_LABELS[user.role].toLowerCase()}.`,
      `${signIn}${deps.accounts.signInAdvice}`,
      '',
      'If you were not expecting this, you can ignore this email.',
      '',
    ].join('\n'),
    at: options.at,
  });
}
