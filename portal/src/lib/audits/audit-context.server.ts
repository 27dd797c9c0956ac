/** Everything an audit page or form action needs: the audit and its version, the pinned template, grade names, the caller. */
import { error, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { AuditId, type AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import { DEFAULT_GRADE_LABELS } from '@waypoint/shared/settings/settings-schemas';
import type { TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { createApi, type Me } from '../server/api.ts';
import { ApiError } from '../server/errors.ts';
import { auditApi } from './audit-api.server.ts';
import { auditPermissions, canReadAudits, needsCurrentCaseTeam, type AuditPermissions } from './audit-permissions.ts';

export interface AuditContext {
  me: Me;
  audit: AuditDetail;
  version: string;
  template: TemplateVersion;
  gradeLabels: string[];
  can: AuditPermissions;
}

/** A malformed id cannot name an audit: the same 404 as one that does not exist. */
export function auditIdFrom(raw: string | undefined): string {
  if (!v.is(AuditId, raw)) error(404, 'Page not found');
  return raw;
}

/** The tenant's grade names; every member of staff may read settings, but a page still works on the defaults. */
export async function readGradeLabels(api: ReturnType<typeof createApi>): Promise<string[]> {
  try {
    return [...(await api.settings([403, 404])).value.gradeLabels];
  } catch (e) {
    if (e instanceof ApiError) return [...DEFAULT_GRADE_LABELS];
    throw e;
  }
}

export async function readAuditContext(event: Pick<RequestEvent, 'locals' | 'cookies' | 'url' | 'params'>, known?: { me: Me }): Promise<AuditContext> {
  const id = auditIdFrom(event.params.id);
  const api = createApi(event);
  const audits = auditApi(api);
  const [me, found, gradeLabels] = await Promise.all([known?.me ?? api.me(), audits.audit(id), readGradeLabels(api)]);
  if (!canReadAudits(me.role) || !me.tenant) error(403, 'You do not have access to this page');
  const viewer = { role: me.role, userId: me.user.id, teamIds: me.teams.map((t) => t.id) };
  // The case is read only when its team now could decide (a manager of another team than the audit's).
  const [template, caseTeam] = await Promise.all([audits.templateVersion(me.tenant.id, found.value.templateId, found.value.templateVersion), needsCurrentCaseTeam(viewer, found.value) ? audits.caseTeam(found.value.caseRef) : undefined]);
  return {
    me,
    audit: found.value,
    version: found.version,
    template,
    gradeLabels,
    can: auditPermissions(viewer, found.value, caseTeam),
  };
}
