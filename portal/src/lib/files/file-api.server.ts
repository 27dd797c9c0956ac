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

/** A signed form that posts a file straight to the storage service; `nameField` carries the file's name, percent-encoded. */
export interface UploadForm {
  fileId: string;
  upload: PresignedUpload;
  nameField: string;
}

/** Statuses a file step handles itself: bad input, too big, not arrived or already received, gone, wrong type. */
const FILE_STATUSES = [400, 404, 409, 410, 413, 415] as const;

/** The API path of a file's parent: an action, a section of an audit, a reflection. */
export const actionFiles = (actionId: string) => `/v1/actions/${encodeURIComponent(actionId)}`;
export const auditSectionFiles = (auditId: string, sectionId: string) => `/v1/audits/${encodeURIComponent(auditId)}/sections/${encodeURIComponent(sectionId)}`;
export const reflectionFiles = (auditId: string, reflectionId: string) => `/v1/audits/${encodeURIComponent(auditId)}/reflections/${encodeURIComponent(reflectionId)}`;

/** Every file on an audit, by section id and by reflection id (for its record and print view). */
export interface AuditFiles {
  sections: Record<string, EvidenceFile[]>;
  reflections: Record<string, EvidenceFile[]>;
}

/** Each call takes the parent's API path (`actionFiles(id)`, `auditSectionFiles(id, sectionId)`). */
export function fileApi(api: Api) {
  const base = (parent: string) => `${parent}/files`;
  return {
    list: (parent: string) => api.getJson<{ items: EvidenceFile[] }>(base(parent)),
    start: (parent: string, body: { filename: string; size: number }) => api.getJson<{ file: EvidenceFile; upload: PresignedUpload }>(base(parent), { method: 'POST', body, handle: FILE_STATUSES }),
    uploadForm: (parent: string, returnTo: string) => api.getJson<UploadForm>(`${base(parent)}/upload-form`, { method: 'POST', body: { returnTo }, handle: [...FILE_STATUSES, 403] }),
    confirm: (parent: string, fileId: string) => api.getJson<{ file: EvidenceFile }>(`${base(parent)}/${encodeURIComponent(fileId)}/confirm`, { method: 'POST', handle: FILE_STATUSES }),
    everyAuditFile: (auditId: string) => api.getJson<AuditFiles>(`/v1/audits/${encodeURIComponent(auditId)}/files`),
    download: (parent: string, fileId: string) => api.getJson<{ url: string }>(`${base(parent)}/${encodeURIComponent(fileId)}/download`, { handle: FILE_STATUSES }),
  };
}
