/** Where the storage service sends the browser after a file was posted to an action: confirm it, then show the action. */
import { actionFiles } from '$lib/files/file-api.server';
import { confirmFormUpload } from '$lib/files/form-upload.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => confirmFormUpload(event, actionFiles(event.params.id), `/actions/${encodeURIComponent(event.params.id)}`);
