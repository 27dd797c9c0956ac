/**
 * Opening a file attached to a reflection: the API checks this person may see the audit and
 * that the file is clean, and gives a link valid for a minute, to which the browser is sent. A
 * file still being checked, or removed, sends them back to the reflection with the reason.
 */
import { redirect } from '@sveltejs/kit';
import { fileApi, reflectionFiles } from '$lib/files/file-api.server';
import { problemFromStatus } from '$lib/files/file-words';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const { id, reflectionId, fileId } = event.params;
  let url: string;
  try {
    url = (await fileApi(createApi(event)).download(reflectionFiles(id, reflectionId), fileId)).url;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 404) throw e;
    redirect(303, `/audits/${encodeURIComponent(id)}/reflections/${encodeURIComponent(reflectionId)}?fileProblem=${problemFromStatus(e.status, e.problem.detail ?? '')}#evidence-files`);
  }
  redirect(303, url);
};
