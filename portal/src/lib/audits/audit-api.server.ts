/** The audit, template, reflection and action calls of the Waypoint API, on top of the one typed client. */
import type { GradeView, GradeViewBody } from '@waypoint/shared/audits/grade-view-schemas';
import type { Action, CreateActionBody } from '@waypoint/shared/actions/action-schemas';
import type { SetMeetingBody } from '@waypoint/shared/audits/audit-meeting';
import type { Audit, AuditDetail, AuditPage, AuditState, CreateAuditBody, UpdateAuditBody } from '@waypoint/shared/audits/audit-schemas';
import type { Reflection } from '@waypoint/shared/audits/reflection-schemas';
import type { TemplateSummary, TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import type { Api } from '../server/api.ts';
import { ApiError } from '../server/errors.ts';

export interface AuditListQuery {
  month?: string;
  team?: string;
  caseRef?: string;
  state?: AuditState;
  limit?: number;
  cursor?: string;
}

/** Statuses a form handles itself: bad input, lifecycle refusals and stale versions. */
const FORM_STATUSES = [400, 403, 409, 412, 422, 428] as const;

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** Template versions never change once published, so each is read from the API once per process. */
const versionCache = new Map<string, TemplateVersion>();
const VERSION_CACHE_LIMIT = 200;

/** `GET /v1/audits/{id}/grade-views`: every view on the audit's grades, version 0 before any. */
export interface GradeViewsRead {
  auditId: string;
  views: GradeView[];
  version: number;
  people: Record<string, string>;
}

export function auditApi(api: Api) {
  return {
    templates: () => api.getJson<{ items: TemplateSummary[] }>('/v1/templates', { query: { kind: 'audit' } }),
    async templateVersion(tenantId: string, templateId: string, version: number): Promise<TemplateVersion> {
      const key = `${tenantId}|${templateId}|${version}`;
      const cached = versionCache.get(key);
      if (cached) return cached;
      const found = await api.getJson<TemplateVersion>(`/v1/templates/${path(templateId)}/versions/${version}`);
      if (versionCache.size >= VERSION_CACHE_LIMIT) versionCache.clear();
      versionCache.set(key, found);
      return found;
    },
    audits: (query: AuditListQuery, handle?: readonly number[]) => api.getJson<AuditPage>('/v1/audits', { query: { ...query }, handle }),
    caseAudits: (ref: string, query: { limit?: number; cursor?: string } = {}) => api.getJson<AuditPage>(`/v1/cases/${path(ref)}/audits`, { query: { ...query } }),
    audit: (id: string) => api.getVersioned<AuditDetail>(`/v1/audits/${path(id)}`),
    createAudit: (body: CreateAuditBody, idempotencyKey?: string) => api.getVersioned<Audit>('/v1/audits', { method: 'POST', body, idempotencyKey, handle: FORM_STATUSES }),
    updateAudit: (id: string, version: string, body: UpdateAuditBody) => api.getVersioned<Audit>(`/v1/audits/${path(id)}`, { method: 'PATCH', body, ifMatch: version, handle: FORM_STATUSES }),
    setMeeting: (id: string, version: string, body: SetMeetingBody) => api.getVersioned<Audit>(`/v1/audits/${path(id)}/meeting`, { method: 'PUT', body, ifMatch: version, handle: FORM_STATUSES }),
    cancelMeeting: (id: string, version: string) => api.getVersioned<Audit>(`/v1/audits/${path(id)}/meeting`, { method: 'DELETE', ifMatch: version, handle: FORM_STATUSES }),
    /** The team a case is in now, or undefined when the caller cannot see the case. */
    async caseTeam(ref: string): Promise<string | undefined> {
      try {
        return (await api.getJson<Pick<Case, 'teamId'>>(`/v1/cases/${path(ref)}`, { handle: [403, 404] })).teamId;
      } catch (e) {
        if (e instanceof ApiError) return undefined;
        throw e;
      }
    },
    completeAudit: (id: string, version: string) => api.getVersioned<Audit>(`/v1/audits/${path(id)}/complete`, { method: 'POST', ifMatch: version, handle: FORM_STATUSES }),
    cancelAudit: (id: string, version: string, reason: string) => api.getVersioned<Audit>(`/v1/audits/${path(id)}/cancel`, { method: 'POST', body: { reason }, ifMatch: version, handle: FORM_STATUSES }),
    reopenAudit: (id: string, version: string, reason: string) => api.getVersioned<Audit>(`/v1/audits/${path(id)}/reopen`, { method: 'POST', body: { reason }, ifMatch: version, handle: FORM_STATUSES }),
    gradeViews: (id: string) => api.getVersioned<GradeViewsRead>(`/v1/audits/${path(id)}/grade-views`),
    giveGradeView: (id: string, sectionId: string, body: GradeViewBody, version?: string) => api.getVersioned<GradeViewsRead>(`/v1/audits/${path(id)}/grade-views/${path(sectionId)}`, { method: 'PUT', body, ifMatch: version, handle: FORM_STATUSES }),
    replyToGradeView: (id: string, sectionId: string, personId: string, text: string, version: string) =>
      api.getVersioned<GradeViewsRead>(`/v1/audits/${path(id)}/grade-views/${path(sectionId)}/${path(personId)}/reply`, { method: 'PUT', body: { text }, ifMatch: version, handle: FORM_STATUSES }),
    addReflection: (id: string, text: string, idempotencyKey?: string) => api.getJson<Reflection>(`/v1/audits/${path(id)}/reflections`, { method: 'POST', body: { text }, idempotencyKey, handle: FORM_STATUSES }),
    raiseAction: (body: CreateActionBody, idempotencyKey?: string) => api.getJson<Action>('/v1/actions', { method: 'POST', body, idempotencyKey, handle: FORM_STATUSES }),
  };
}

export type AuditApi = ReturnType<typeof auditApi>;
