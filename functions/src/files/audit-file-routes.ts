/**
 * Evidence files on an audit: on one section of it (`/v1/audits/{id}/sections/{sectionId}/files`)
 * and on one reflection (`/v1/audits/{id}/reflections/{reflectionId}/files`). Whoever may see the
 * audit lists and opens them (anyone else gets the audit's 404). A section's files are attached
 * by the people who took part (auditor, case holder, student) and by those who run audits; a
 * reflection's only by its author. A cancelled audit takes no new files.
 */
import { Hono, type Context } from 'hono';
import { AUDIT_RUNNERS } from '@waypoint/shared/audits/audit-roles';
import { AuditId, type Audit } from '@waypoint/shared/audits/audit-schemas';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { PartId } from '@waypoint/shared/templates/template-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { pinnedTemplate } from '../audits/audit-guards.ts';
import { findVisibleAudit, findVisibleAuditPartition } from '../audits/audit-scope.ts';
import { caseViewer } from '../cases/case-scope.ts';
import { ApiError, forbidden, notFound } from '../platform/http/api-error.ts';
import { readParam } from '../platform/http/validation.ts';
import { evidenceFileRoutes, receivedFiles } from './evidence-file-routes.ts';

function requireOpen(audit: Pick<Audit, 'state'>): void {
  if (audit.state === 'cancelled') throw new ApiError('conflict', 'The audit was cancelled; it takes no new files');
}

async function viewer(c: Context<AppEnv>) {
  return caseViewer(c.var.tenant, c.var.staff);
}

const sectionFiles = evidenceFileRoutes('/:id/sections/:sectionId', {
  async find(c) {
    const { tenant, staff } = c.var;
    const audit = await findVisibleAudit(tenant, await viewer(c), readParam(c, 'id', AuditId));
    const sectionId = readParam(c, 'sectionId', PartId);
    const template = await pinnedTemplate(tenant, audit);
    if (!template.sections.some((s) => s.id === sectionId)) throw notFound('section');
    return {
      type: 'audit-section',
      id: `${audit.id}#${sectionId}`,
      keyParts: ['audits', audit.id, 'sections', sectionId],
      requireAttach() {
        const me = staff.userId;
        const tookPart = [audit.auditorId, audit.caseHolderId, audit.studentId].includes(me);
        if (!tookPart && !AUDIT_RUNNERS.includes(staff.role)) throw forbidden('Only the people who took part in the audit, and those who run audits, attach files to it');
        requireOpen(audit);
      },
    };
  },
});

const reflectionFiles = evidenceFileRoutes('/:id/reflections/:reflectionId', {
  async find(c) {
    const { tenant, staff } = c.var;
    const { audit, reflections } = await findVisibleAuditPartition(tenant, await viewer(c), readParam(c, 'id', AuditId));
    const reflectionId = readParam(c, 'reflectionId', EntityId);
    const reflection = reflections.find((r) => r.id === reflectionId);
    if (!reflection) throw notFound('reflection');
    return {
      type: 'reflection',
      id: reflection.id,
      keyParts: ['audits', audit.id, 'reflections', reflection.id],
      requireAttach() {
        if (reflection.authorId !== staff.userId) throw forbidden('Only the person who wrote the reflection attaches files to it');
        requireOpen(audit);
      },
    };
  },
});

/**
 * Every file on one audit, by section and by reflection, for its record and print view: one
 * request instead of one per section (each parent is its own partition, read side by side).
 */
const everyFile = new Hono<AppEnv>().get('/:id/files', async (c) => {
  const { tenant } = c.var;
  const { audit, reflections } = await findVisibleAuditPartition(tenant, await viewer(c), readParam(c, 'id', AuditId));
  const template = await pinnedTemplate(tenant, audit);
  const [sections, onReflections] = await Promise.all([
    Promise.all(template.sections.map(async (s) => [s.id, await receivedFiles(c, 'audit-section', `${audit.id}#${s.id}`)] as const)),
    Promise.all(reflections.map(async (r) => [r.id, await receivedFiles(c, 'reflection', r.id)] as const)),
  ]);
  return c.json({ sections: Object.fromEntries(sections), reflections: Object.fromEntries(onReflections) });
});

export const auditFileRoutes = new Hono<AppEnv>().route('/', everyFile).route('/', sectionFiles).route('/', reflectionFiles);
