/** Where the storage service sends the browser after a file was posted to a section: confirm it, then show the section. */
import { auditSectionFiles } from '$lib/files/file-api.server';
import { confirmFormUpload } from '$lib/files/form-upload.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
  const { id, sectionId } = event.params;
  return confirmFormUpload(event, auditSectionFiles(id, sectionId), `/audits/${encodeURIComponent(id)}/sections/${encodeURIComponent(sectionId)}`);
};
