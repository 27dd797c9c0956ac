/**
 * `/v1/audits/{id}/reflections`: the case holder, and a student who took part, add their
 * own reflection on an audit, before or after it is completed; whoever may see the audit
 * reads them. The auditor is told by email.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import { reflectionRoleOf } from '@waypoint/shared/audits/audit-roles';
import { AuditId } from '@waypoint/shared/audits/audit-schemas';
import { CreateReflectionBody, type Reflection } from '@waypoint/shared/audits/reflection-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { peopleNamedBy } from '../audits/audit-list.ts';
import { findVisibleAudit } from '../audits/audit-scope.ts';
import { getAuditWithReflections } from '../audits/audit-store.ts';
import { caseViewer } from '../cases/case-scope.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { ApiError, forbidden } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getUser } from '../users/user-store.ts';
import { putNewReflection } from './reflection-store.ts';

export const reflectionRoutes = new Hono<AppEnv>();

reflectionRoutes.get('/:id/reflections', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', AuditId);
  await findVisibleAudit(tenant, await caseViewer(tenant, staff), id);
  const found = await getAuditWithReflections(tenant, id);
  const reflections = found?.reflections ?? [];
  return c.json({
    items: reflections,
    people: await peopleNamedBy(
      tenant,
      [],
      reflections.map((r) => r.authorId),
    ),
  });
});

reflectionRoutes.post('/:id/reflections', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', AuditId);
  const audit = await findVisibleAudit(tenant, await caseViewer(tenant, staff), id);
  if (audit.state === 'cancelled') throw new ApiError('conflict', 'The audit was cancelled; there is nothing to reflect on');
  const authorRole = reflectionRoleOf(audit, staff.userId);
  if (!authorRole) throw forbidden('Only the case holder and a student who took part add reflections');
  const body = await readJsonBody(c, CreateReflectionBody);
  const at = clock.nowIso();
  const reflection: Reflection = { id: ulid(clock.now().getTime()), auditId: id, authorId: staff.userId, authorRole, text: body.text, afterCompletion: audit.state === 'completed', createdAt: at };
  await putNewReflection(tenant, reflection);
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'reflection', entityId: reflection.id, versionBefore: null, versionAfter: 1, at, changes: ['text'] });
  const auditor = audit.auditorId !== staff.userId ? await getUser(tenant, audit.auditorId) : undefined;
  if (auditor?.active) {
    const author = await getUser(tenant, staff.userId);
    await queueEmail({
      tenant,
      reason: `reflection-added:${reflection.id}`,
      to: auditor.email,
      subject: `New reflection on the audit of case ${audit.caseRef}`,
      text: `Hello ${auditor.name},\n\n${author?.name ?? 'Someone'} (${authorRole === 'student' ? 'student social worker' : 'case holder'}) has added a reflection to the audit of case ${audit.caseRef}.\n\nRead it in Waypoint: ${portalLink(tenant, `/audits/${audit.id}#reflections`)}\n`,
      at,
    });
  }
  return c.json(reflection, 201);
});
