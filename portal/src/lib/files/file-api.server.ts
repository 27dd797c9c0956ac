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

export function fileApi(api: Api) {
  const base = (actionId: string) => `/v1/actions/${encodeURIComponent(actionId)}/files`;
  return {
    list: (actionId: string) => api.getJson<{ items: EvidenceFile[] }>(base(actionId)),
    start: (actionId: string, body: { filename: string; size: number }) => api.getJson<{ file: EvidenceFile; upload: PresignedUpload }>(base(actionId), { method: 'POST', body, handle: FILE_STATUSES }),
    confirm: (actionId: string, fileId: string) => api.getJson<{ file: EvidenceFile }>(`${base(actionId)}/${encodeURIComponent(fileId)}/confirm`, { method: 'POST', handle: FILE_STATUSES }),
    download: (actionId: string, fileId: string) => api.getJson<{ url: string }>(`${base(actionId)}/${encodeURIComponent(fileId)}/download`, { handle: FILE_STATUSES }),
  };
}
