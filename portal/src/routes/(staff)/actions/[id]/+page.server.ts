/** An action's own page (the emails link here): its particulars, history, evidence files and the moves this person can make now. */
import { actionApi } from '$lib/actions/action-api.server';
import { MOVE_DONE, submitMove } from '$lib/actions/action-move.server';
import { isActionMove } from '$lib/actions/move-form';
import { actionFiles, fileApi } from '$lib/files/file-api.server';
import { FILE_PROBLEMS, isFileProblem } from '$lib/files/file-words';
import { uploadFormFor } from '$lib/files/form-upload.server';
import { createApi } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = createApi(event);
  const parent = actionFiles(event.params.id);
  const [{ value: action, version }, files] = await Promise.all([actionApi(api).action(event.params.id), fileApi(api).list(parent)]);
  // A verified or cancelled action is closed: it takes no more files.
  const canAttach = action.state !== 'cancelled' && action.state !== 'verified';
  const uploadForm = canAttach ? await uploadFormFor(event, parent, `/actions/${encodeURIComponent(action.id)}`) : null;
  const done = event.url.searchParams.get('done') ?? '';
  const attached = event.url.searchParams.has('attached') ? 'File attached. It can be opened once it has been checked.' : null;
  const notice = isActionMove(done) ? MOVE_DONE[done] : event.url.searchParams.has('raised') ? 'Action raised. Its owner has been told.' : attached;
  const problem = event.url.searchParams.get('fileProblem');
  return { action, version, notice, files: files.items, uploadForm, fileProblem: isFileProblem(problem) ? FILE_PROBLEMS[problem] : null };
};

export const actions: Actions = {
  default: (event) => submitMove(event),
};
