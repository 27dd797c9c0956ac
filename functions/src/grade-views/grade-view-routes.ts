/**
 * `/v1/audits/{id}/grade-views`: once an audit is completed, its case holder and the student
 * who took part say whether they agree with each section's grade (a reason when they do not);
 * the auditor or a QA officer replies to a disagreement. Whoever may see the audit reads them.
 * Someone who cannot see the audit gets a 404; someone who can but is not the one to act, a 403.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { reflectionRoleOf } from '@waypoint/shared/audits/audit-roles';
import { AuditId, type Audit } from '@waypoint/shared/audits/audit-schemas';
import { GradeViewBody, GradeViewReplyBody, type GradeView, type GradeViews } from '@waypoint/shared/audits/grade-view-schemas';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { PartId } from '@waypoint/shared/templates/template-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { pinnedTemplate } from '../audits/audit-guards.ts';
import { peopleNamedBy } from '../audits/audit-list.ts';
import { findVisibleAudit } from '../audits/audit-scope.ts';
import { caseViewer } from '../cases/case-scope.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError, forbidden, notFound } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { notifyDisagreement, notifyReply } from './grade-view-notifications.ts';
import { createGradeViews, getGradeViews, replaceGradeViews } from './grade-view-store.ts';

export const gradeViewRoutes = new Hono<AppEnv>();

async function answer(c: Context<AppEnv>, auditId: string, doc: GradeViews | undefined) {
  const views = doc?.views ?? [];
  const people = await peopleNamedBy(
    c.var.tenant,
    [],
    views.flatMap((g) => [g.personId, ...(g.reply ? [g.reply.byId] : [])]),
  );
  if (doc) setEtag(c, doc.version);
  return c.json({ auditId, views, version: doc?.version ?? 0, people });
}

/** If-Match when sent; undefined when not. */
function optionalIfMatch(c: Context<AppEnv>): number | undefined {
  return c.req.header('if-match') === undefined ? undefined : requireIfMatch(c);
}

async function sectionTitle(tenant: TenantContext, audit: Audit, sectionId: string): Promise<string> {
  const template = await pinnedTemplate(tenant, audit);
  return template.sections.find((s) => s.id === sectionId)?.title ?? sectionId;
}

gradeViewRoutes.get('/:id/grade-views', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', AuditId);
  await findVisibleAudit(tenant, await caseViewer(tenant, staff), id);
  return answer(c, id, await getGradeViews(tenant, id));
});

gradeViewRoutes.put('/:id/grade-views/:sectionId', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', AuditId);
  const sectionId = readParam(c, 'sectionId', PartId);
  const audit = await findVisibleAudit(tenant, await caseViewer(tenant, staff), id);
  const role = reflectionRoleOf(audit, staff.userId);
  if (!role) throw forbidden('Only the audit’s case holder and a student who took part give their view on its grades');
  const ifMatch = optionalIfMatch(c);
  const body = await readJsonBody(c, GradeViewBody);
  if (audit.state !== 'completed') throw new ApiError('conflict', 'Views on the grades are given once the audit is completed');
  const grade = audit.sectionGrades[sectionId];
  if (!grade) throw notFound('graded section');
  const at = clock.nowIso();
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await getGradeViews(tenant, id);
    const existing = current?.views.find((g) => g.sectionId === sectionId && g.personId === staff.userId);
    // Saying the same again (a retry, a form sent twice) changes nothing and needs no If-Match.
    if (existing && existing.agrees === body.agrees && (existing.reason ?? '') === (body.reason ?? '')) return answer(c, id, current);
    if (existing && ifMatch === undefined) throw new ApiError('precondition-required', 'You have given your view on this grade already; send If-Match with the ETag you last read to change it');
    const keepsReply = existing?.reply && !body.agrees && existing.reason === body.reason;
    const view: GradeView = { sectionId, personId: staff.userId, role, grade, agrees: body.agrees, ...(body.agrees ? {} : { reason: body.reason }), at, ...(keepsReply ? { reply: existing.reply } : {}) };
    let after: GradeViews;
    if (!current) {
      if (ifMatch !== undefined) throw new ApiError('precondition-failed', 'If-Match does not match the current version');
      const fresh: GradeViews = { auditId: id, month: audit.month, teamId: audit.teamId, caseType: audit.caseType, views: [view], version: 1, updatedAt: at };
      try {
        after = await createGradeViews(tenant, fresh);
      } catch (error) {
        // The student's first view landed in the same moment: read theirs and add ours beside it.
        if (error instanceof ApiError && error.kind === 'conflict') continue;
        throw error;
      }
    } else {
      const views = [...current.views.filter((g) => g !== existing), view];
      try {
        after = (await replaceGradeViews(tenant, current, ifMatch ?? current.version, views, at)).after;
      } catch (error) {
        // Without If-Match the person was adding a first view: someone else's change is no conflict for them.
        if (error instanceof ApiError && error.kind === 'precondition-failed' && ifMatch === undefined) continue;
        throw error;
      }
    }
    await recordActivity({ tenant, actor: staff, action: current ? 'updated' : 'created', entity: 'grade-views', entityId: id, versionBefore: current?.version ?? null, versionAfter: after.version, at, changes: [`views.${sectionId}`] });
    if (!view.agrees) await notifyDisagreement(tenant, audit, view, await sectionTitle(tenant, audit, sectionId), after.version, at);
    return answer(c, id, after);
  }
  throw new ApiError('conflict', 'The views on this audit kept changing; try again');
});

gradeViewRoutes.put('/:id/grade-views/:sectionId/:personId/reply', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', AuditId);
  const sectionId = readParam(c, 'sectionId', PartId);
  const personId = readParam(c, 'personId', EntityId);
  const audit = await findVisibleAudit(tenant, await caseViewer(tenant, staff), id);
  if (audit.auditorId !== staff.userId && staff.role !== 'qa') throw forbidden('Only the auditor and QA officers reply to a view on a grade');
  const expectedVersion = requireIfMatch(c);
  const body = await readJsonBody(c, GradeViewReplyBody);
  const current = await getGradeViews(tenant, id);
  const existing = current?.views.find((g) => g.sectionId === sectionId && g.personId === personId);
  if (!current || !existing) throw notFound('view on that grade');
  if (existing.agrees) throw new ApiError('conflict', 'They agreed with the grade; there is nothing to reply to');
  if (existing.reply && existing.reply.text === body.text && existing.reply.byId === staff.userId) return answer(c, id, current);
  const at = clock.nowIso();
  const replied: GradeView = { ...existing, reply: { byId: staff.userId, text: body.text, at } };
  const { after } = await replaceGradeViews(
    tenant,
    current,
    expectedVersion,
    current.views.map((g) => (g === existing ? replied : g)),
    at,
  );
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'grade-views', entityId: id, versionBefore: current.version, versionAfter: after.version, at, changes: [`views.${sectionId}.reply`] });
  await notifyReply(tenant, audit, replied, await sectionTitle(tenant, audit, sectionId), after.version, at);
  return answer(c, id, after);
});
