/** An action's own page (the emails link here): its particulars, history, evidence files and the moves this person can make now. */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { actionApi } from '$lib/actions/action-api.server';
import { MOVE_DONE, submitMove } from '$lib/actions/action-move.server';
import { isActionMove } from '$lib/actions/move-form';
import { attachFile, chosenFile } from '$lib/files/attach-file.server';
import { actionFiles, fileApi } from '$lib/files/file-api.server';
import { FILE_PROBLEMS, isFileProblem } from '$lib/files/file-words';
import { createApi } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = createApi(event);
  const [{ value: action, version }, files] = await Promise.all([actionApi(api).action(event.params.id), fileApi(api).list(actionFiles(event.params.id))]);
  const done = event.url.searchParams.get('done') ?? '';
  const attached = event.url.searchParams.has('attached') ? 'File attached. It can be opened once it has been checked.' : null;
  const notice = isActionMove(done) ? MOVE_DONE[done] : event.url.searchParams.has('raised') ? 'Action raised. Its owner has been told.' : attached;
  const problem = event.url.searchParams.get('fileProblem');
  return { action, version, notice, files: files.items, fileProblem: isFileProblem(problem) ? FILE_PROBLEMS[problem] : null };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    if (form.get('intent') === 'attach') return attach(event, form);
    // Recording it as done may bring the evidence file with it: attached first, so a refused
    // file leaves the action as it was.
    const file = form.get('move') === 'complete' ? chosenFile(form) : null;
    if (file) {
      const attached = await attachFile(event, actionFiles(event.params.id), file);
      if (!attached.ok) return fail(400, { move: 'complete' as const, values: Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>, errors: [{ field: 'file', message: FILE_PROBLEMS[attached.problem] }] });
    }
    return submitMove(event, form);
  },
};

/** The "Attach a file" form (one form action for the page: each form says what it is for). */
async function attach(event: RequestEvent<{ id: string }>, form: FormData) {
  const file = chosenFile(form);
  if (!file) return fail(400, { attachError: 'Choose a file to attach.' });
  const attached = await attachFile(event, actionFiles(event.params.id), file);
  if (!attached.ok) return fail(400, { attachError: FILE_PROBLEMS[attached.problem] });
  redirect(303, `/actions/${encodeURIComponent(event.params.id)}?attached#evidence-files`);
}
