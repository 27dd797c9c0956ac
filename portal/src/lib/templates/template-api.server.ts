/** The template calls of the Waypoint API: list, read versions, copy a template, publish a new version. */
import type { CreateTemplateBody } from '@waypoint/shared/templates/template-copy-schemas';
import type { PublishTemplateVersionBody, TemplateSummary, TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import type { Api } from '../server/api.ts';

/** Statuses the editor handles itself: a bad draft, a refusal, an id taken or a version published at the same moment. */
const FORM_STATUSES = [400, 403, 409, 412] as const;

const templatePath = (id: string) => `/v1/templates/${encodeURIComponent(id)}`;

export function templateApi(api: Api) {
  return {
    list: () => api.getJson<{ items: TemplateSummary[] }>('/v1/templates'),
    latest: (id: string) => api.getJson<TemplateVersion>(templatePath(id)),
    version: (id: string, n: number) => api.getJson<TemplateVersion>(`${templatePath(id)}/versions/${n}`),
    /** `basedOn` is the version the author last saw; the API refuses (412) if a newer one exists. */
    publish: (id: string, basedOn: number, body: PublishTemplateVersionBody) => api.getJson<TemplateVersion>(`${templatePath(id)}/versions`, { method: 'POST', body, ifMatch: String(basedOn), handle: FORM_STATUSES }),
    copy: (body: CreateTemplateBody, idempotencyKey?: string) => api.getJson<TemplateVersion>('/v1/templates', { method: 'POST', body, idempotencyKey, handle: FORM_STATUSES }),
  };
}
