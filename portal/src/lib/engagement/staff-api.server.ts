/** The staff engagement and alert calls of the Waypoint API, on top of the one typed client (the user's token). */
import type { ActivityPage, ActivityState, ActivityView, CreateActivityBody, UpdateActivityBody } from '@waypoint/shared/engagement/activity-schemas';
import type { AlertPage, RecordAlertActionBody, SafetyAlert, SafetyAlertDetail } from '@waypoint/shared/engagement/alert-schemas';
import type { Audience } from '@waypoint/shared/engagement/audiences';
import type { InvitationCodeView, IssueCodeBody } from '@waypoint/shared/engagement/invitation-codes';
import type { TemplateSummary, TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import type { Api } from '../server/api.ts';

/** The activity as read alone: with how many responses were begun and sent. */
export interface ActivityDetail extends ActivityView {
  counts: { started: number; submitted: number };
}

/** Statuses a form handles itself: bad input, refusals in scope, stale versions, closed activities. */
const FORM_STATUSES = [400, 403, 409, 410, 412, 422, 428] as const;

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

export function engagementApi(api: Api) {
  return {
    activities: (query: { state?: ActivityState; audience?: Audience; team?: string; limit?: number; cursor?: string }) => api.getJson<ActivityPage>('/v1/engagement/activities', { query: { ...query } }),
    activity: (id: string) => api.getVersioned<ActivityDetail>(`/v1/engagement/activities/${path(id)}`),
    createActivity: (body: CreateActivityBody, idempotencyKey?: string) => api.getVersioned<ActivityView>('/v1/engagement/activities', { method: 'POST', body, idempotencyKey, handle: FORM_STATUSES }),
    updateActivity: (id: string, version: string, body: UpdateActivityBody) => api.getVersioned<ActivityView>(`/v1/engagement/activities/${path(id)}`, { method: 'PATCH', body, ifMatch: version, handle: FORM_STATUSES }),
    codes: (activityId: string, query: { limit?: number; cursor?: string } = {}) => api.getJson<{ items: InvitationCodeView[]; nextCursor: string | null }>(`/v1/engagement/activities/${path(activityId)}/codes`, { query: { ...query } }),
    issueCode: (activityId: string, body: IssueCodeBody, idempotencyKey?: string) => api.getJson<InvitationCodeView>(`/v1/engagement/activities/${path(activityId)}/codes`, { method: 'POST', body, idempotencyKey, handle: FORM_STATUSES }),
    revokeCode: (activityId: string, codeId: string) => api.getJson<InvitationCodeView>(`/v1/engagement/activities/${path(activityId)}/codes/${path(codeId)}/revoke`, { method: 'POST', handle: FORM_STATUSES }),
    feedbackForms: () => api.getJson<{ items: TemplateSummary[] }>('/v1/templates', { query: { kind: 'feedback-form' } }),
    formVersion: (templateId: string, version: number) => api.getJson<TemplateVersion>(`/v1/templates/${path(templateId)}/versions/${version}`),
    alerts: (query: { status?: 'open' | 'closed'; limit?: number; cursor?: string }) => api.getJson<AlertPage>('/v1/alerts', { query: { ...query } }),
    alert: (id: string) => api.getVersioned<SafetyAlertDetail>(`/v1/alerts/${path(id)}`),
    acknowledgeAlert: (id: string) => api.getJson<SafetyAlert>(`/v1/alerts/${path(id)}/acknowledgement`, { method: 'POST', handle: FORM_STATUSES }),
    recordAlertAction: (id: string, body: RecordAlertActionBody, idempotencyKey?: string) => api.getJson<SafetyAlert>(`/v1/alerts/${path(id)}/actions`, { method: 'POST', body, idempotencyKey, handle: FORM_STATUSES }),
  };
}

export type EngagementApi = ReturnType<typeof engagementApi>;
