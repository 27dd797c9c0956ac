/**
 * Opening an evidence file: the API checks this person may see the action and that the file is
 * clean, and gives a link valid for a minute, to which the browser is sent. A file still being
 * checked, or removed, sends them back to the action with the reason.
 */
import { redirect } from '@sveltejs/kit';
import { actionFiles, fileApi } from '$lib/files/file-api.server';
import { problemFromStatus } from '$lib/files/file-words';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const { id, fileId } = event.params;
  let url: string;
  try {
    url = (await fileApi(createApi(event)).download(actionFiles(id), fileId)).url;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 404) throw e;
    redirect(303, `/actions/${encodeURIComponent(id)}?fileProblem=${problemFromStatus(e.status, e.problem.detail ?? '')}#evidence-files`);
  }
  redirect(303, url);
};
