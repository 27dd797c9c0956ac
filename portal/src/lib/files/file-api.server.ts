/** The evidence file calls of the Waypoint API, on top of the one typed client. */
import type { Api } from '../server/api.ts';

export interface EvidenceFile {
  id: string;
  filename: string;
  size: number;
  kind: string | null;
  mime: string | null;
  status: 'uploading' | 'checking' | 'clean' | 'threat';
  createdAt: string;
}

export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
}

/** Statuses a file step handles itself: bad input, too big, not arrived or already received, gone, wrong type. */
const FILE_STATUSES = [400, 404, 409, 410, 413, 415] as const;

/** The API path of a file's parent: an action, a section of an audit, a reflection. */
export const actionFiles = (actionId: string) => `/v1/actions/${encodeURIComponent(actionId)}`;
export const auditSectionFiles = (auditId: string, sectionId: string) => `/v1/audits/${encodeURIComponent(auditId)}/sections/${encodeURIComponent(sectionId)}`;

/** Each call takes the parent's API path (`actionFiles(id)`, `auditSectionFiles(id, sectionId)`). */
export function fileApi(api: Api) {
  const base = (parent: string) => `${parent}/files`;
  return {
    list: (parent: string) => api.getJson<{ items: EvidenceFile[] }>(base(parent)),
    start: (parent: string, body: { filename: string; size: number }) => api.getJson<{ file: EvidenceFile; upload: PresignedUpload }>(base(parent), { method: 'POST', body, handle: FILE_STATUSES }),
    confirm: (parent: string, fileId: string) => api.getJson<{ file: EvidenceFile }>(`${base(parent)}/${encodeURIComponent(fileId)}/confirm`, { method: 'POST', handle: FILE_STATUSES }),
    download: (parent: string, fileId: string) => api.getJson<{ url: string }>(`${base(parent)}/${encodeURIComponent(fileId)}/download`, { handle: FILE_STATUSES }),
  };
}
