/** Where the storage service sends the browser after a file was posted to a reflection: confirm it, then show the reflection. */
import { reflectionFiles } from '$lib/files/file-api.server';
import { confirmFormUpload } from '$lib/files/form-upload.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
  const { id, reflectionId } = event.params;
  return confirmFormUpload(event, reflectionFiles(id, reflectionId), `/audits/${encodeURIComponent(id)}/reflections/${encodeURIComponent(reflectionId)}`);
};
