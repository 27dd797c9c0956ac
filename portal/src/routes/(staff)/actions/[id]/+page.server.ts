/** An action's own page (the emails link here): its particulars, history and the moves this person can make now. */
import { actionApi } from '$lib/actions/action-api.server';
import { MOVE_DONE, submitMove } from '$lib/actions/action-move.server';
import { isActionMove } from '$lib/actions/move-form';
import { createApi } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { value: action, version } = await actionApi(createApi(event)).action(event.params.id);
  const done = event.url.searchParams.get('done') ?? '';
  const notice = isActionMove(done) ? MOVE_DONE[done] : event.url.searchParams.has('raised') ? 'Action raised. Its owner has been told.' : null;
  return { action, version, notice };
};

export const actions: Actions = { default: (event) => submitMove(event) };
