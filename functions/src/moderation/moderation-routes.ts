/**
 * `/v1/audits/{id}/moderation`: a QA officer re-grades a completed audit section by
 * section with comments; everyone who may see the audit reads it, and the auditor is told.
 * Nobody moderates an audit they ran. One moderation per audit: a PUT creates it, and a
 * PUT quoting its ETag in If-Match revises it.
 */
import { Hono, type Context } from 'hono';
import { AuditId, type Audit } from '@waypoint/shared/audits/audit-schemas';
import { ModerateAuditBody, type Moderation } from '@waypoint/shared/moderation/moderation-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { findVisibleAudit } from '../audits/audit-scope.ts';
import { caseViewer } from '../cases/case-scope.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError, forbidden, notFound, type FieldError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getUser } from '../users/user-store.ts';
import { getModeration, putModeration } from './moderation-store.ts';

export const MODERATORS = ['qa'] as const;

export const moderationRoutes = new Hono<AppEnv>();

async function visibleAudit(c: Context<AppEnv>): Promise<Audit> {
  const id = readParam(c, 'id', AuditId);
  return findVisibleAudit(c.var.tenant, await caseViewer(c.var.tenant, c.var.staff), id);
}

moderationRoutes.get('/:id/moderation', async (c) => {
  const audit = await visibleAudit(c);
  const moderation = await getModeration(c.var.tenant, audit.id);
  if (!moderation) throw notFound('moderation');
  setEtag(c, moderation.version);
  return c.json(moderation);
});

/** Sections the moderator re-graded that the auditor did not grade, and an overall grade with nothing to compare. */
function gradesWithoutCounterpart(audit: Audit, body: ModerateAuditBody): FieldError[] {
  const errors: FieldError[] = Object.keys(body.sections)
    .filter((sectionId) => audit.sectionGrades[sectionId] === undefined)
    .map((sectionId) => ({ path: `sections.${sectionId}`, message: 'The auditor did not grade this section, so there is nothing to moderate' }));
  if (body.overallGrade !== undefined && audit.overallGrade === undefined) errors.push({ path: 'overallGrade', message: 'The audit has no overall grade to moderate' });
  return errors;
}

moderationRoutes.put('/:id/moderation', async (c) => {
  const { tenant, staff } = c.var;
  const audit = await visibleAudit(c);
  if (!(MODERATORS as readonly string[]).includes(staff.role)) throw forbidden('Only QA officers moderate audits');
  if (audit.auditorId === staff.userId || audit.completedById === staff.userId) throw forbidden('You ran this audit, so another QA officer moderates it');
  const quoted = c.req.header('if-match') === undefined ? null : requireIfMatch(c);
  const body = await readJsonBody(c, ModerateAuditBody);
  if (audit.state !== 'completed') throw new ApiError('conflict', 'Only a completed audit can be moderated');
  const errors = gradesWithoutCounterpart(audit, body);
  if (errors.length) throw new ApiError('validation', 'The moderation does not fit the audit', { errors });

  const existing = await getModeration(tenant, audit.id);
  if (existing && quoted === null) throw new ApiError('precondition-required', 'The audit is already moderated: send If-Match with the moderation’s ETag to revise it');
  if (quoted !== null && quoted !== (existing?.version ?? 0)) throw new ApiError('precondition-failed', 'The moderation was changed by someone else; read it again and reapply your change');
  const at = clock.nowIso();
  const moderation: Moderation = {
    auditId: audit.id,
    month: audit.month,
    teamId: audit.teamId,
    auditorId: audit.auditorId,
    moderatorId: staff.userId,
    sections: body.sections,
    ...(body.overallGrade ? { overallGrade: body.overallGrade } : {}),
    comment: body.comment,
    auditorSectionGrades: audit.sectionGrades,
    ...(audit.overallGrade ? { auditorOverallGrade: audit.overallGrade } : {}),
    version: (existing?.version ?? 0) + 1,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  await putModeration(tenant, moderation, existing ? existing.version : null);
  await recordActivity({ tenant, actor: staff, action: existing ? 'updated' : 'created', entity: 'moderation', entityId: audit.id, versionBefore: existing?.version ?? null, versionAfter: moderation.version, at, changes: Object.keys(body).sort() });
  await tellTheAuditor(tenant, audit, moderation, at);
  setEtag(c, moderation.version);
  if (!existing) c.header('Location', `/v1/audits/${audit.id}/moderation`);
  return c.json(moderation, existing ? 200 : 201);
});

/** Once per version of the moderation; it names the case by reference and quotes no grades. */
async function tellTheAuditor(tenant: TenantContext, audit: Audit, moderation: Moderation, at: string): Promise<void> {
  const auditor = await getUser(tenant, audit.auditorId);
  if (!auditor?.active) return;
  await queueEmail({
    tenant,
    reason: `audit-moderated:${audit.id}:${moderation.version}:${auditor.id}`,
    to: auditor.email,
    subject: `Your audit of case ${audit.caseRef} has been moderated`,
    text: `Hello ${auditor.name},\n\nA QA officer has ${moderation.version === 1 ? 'moderated' : 'revised their moderation of'} your audit of case ${audit.caseRef}. You can read their grades and comments beside your own.\n\nRead it in Waypoint: ${portalLink(tenant, `/audits/${audit.id}`)}\n`,
    at,
  });
}
