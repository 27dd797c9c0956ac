/**
 * Attaching a file without the portal carrying it: the page shows a form the API signed, which
 * posts the file straight to the storage service (so a file of up to 20 MB never passes through
 * the portal's function, whose request size is capped far lower in AWS); the storage service
 * then sends the browser to the page's `files/uploaded` address, which asks the API to confirm
 * the file and shows the page again with the outcome. It works with JavaScript off.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { createApi } from '../server/api.ts';
import { ApiError } from '../server/errors.ts';
import { fileApi, type UploadForm } from './file-api.server.ts';
import { problemFromStatus } from './file-words.ts';

/** A form for the page at `pageHref` (a portal path) to attach a file to the API's `parent`; null when it cannot be signed now. */
export async function uploadFormFor(event: Pick<RequestEvent, 'locals' | 'cookies' | 'url'>, parent: string, pageHref: string): Promise<UploadForm | null> {
  try {
    return await fileApi(createApi(event)).uploadForm(parent, `${pageHref}/files/uploaded`);
  } catch (e) {
    if (e instanceof ApiError) return null;
    throw e;
  }
}

/** The storage service adds the key it stored; its last part is the file id the API gave the form. */
function fileIdFrom(url: URL): string | null {
  const id = (url.searchParams.get('key') ?? '').split('/').pop() ?? '';
  return /^[0-9A-Z]{26}$/.test(id) ? id : null;
}

/** Confirms the upload the storage service has just sent this browser back from, then shows the page with the outcome. */
export async function confirmFormUpload(event: RequestEvent, parent: string, pageHref: string): Promise<never> {
  const fileId = fileIdFrom(event.url);
  if (!fileId) redirect(303, `${pageHref}?fileProblem=missing#evidence-files`);
  try {
    await fileApi(createApi(event)).confirm(parent, fileId);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const detail = e.problem.detail ?? '';
    // Coming back to this address again (a reload) finds the file already received: it is attached.
    if (!(e.status === 409 && /already been received/.test(detail))) redirect(303, `${pageHref}?fileProblem=${problemFromStatus(e.status, detail)}#evidence-files`);
  }
  redirect(303, `${pageHref}?attached#evidence-files`);
}
