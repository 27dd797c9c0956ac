/** Posting a lifecycle move from an action's page: checked with the shared schemas, sent with If-Match, refusals shown in the API's words. */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { ActionMove } from '@waypoint/shared/actions/action-lifecycle';
import { fieldErrorsFromProblem, type FieldError } from '../forms/form-errors.ts';
import { createApi } from '../server/api.ts';
import { ApiError } from '../server/errors.ts';
import { actionApi } from './action-api.server.ts';
import { isActionMove, moveValues, readMove, type MoveValues } from './move-form.ts';

export interface MoveFailure {
  move: ActionMove | null;
  errors: FieldError[];
  values: MoveValues;
  /** Someone else changed the action first (412): nothing was saved. */
  conflict?: boolean;
}

/** What the page says after each move, by the query flag it redirects with. */
export const MOVE_DONE: Record<ActionMove, string> = {
  start: 'The action is in progress',
  complete: 'The action is recorded as done',
  verify: 'The action is verified',
  reopen: 'The action is open again',
  cancel: 'The action is cancelled',
};

/** `form`: the body when the caller has read it already (a form that also carried a file). */
export async function submitMove(event: RequestEvent, body?: FormData): Promise<ReturnType<typeof fail<MoveFailure>>> {
  const id = event.params.id ?? '';
  const form = body ?? (await event.request.formData());
  const raw = form.get('move');
  const values = moveValues(form);
  const move = typeof raw === 'string' && isActionMove(raw) ? raw : null;
  if (!move) return fail(400, { move, values, errors: [{ field: 'form', message: 'Choose what to do with the action' }] });
  const reading = readMove(move, values);
  if (!reading.ok) return fail(400, { move, values, errors: reading.errors });
  const version = typeof form.get('version') === 'string' ? String(form.get('version')) : '';
  try {
    await actionApi(createApi(event)).move(id, move, version, reading.body);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 412 || e.status === 428) return fail(412, { move, values, errors: [], conflict: true });
    // A refusal (403) or a lifecycle jump (409) is shown in the API's own words.
    const errors = fieldErrorsFromProblem(e.problem.errors, {});
    return fail(e.status, { move, values, errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }] });
  }
  redirect(303, `/actions/${encodeURIComponent(id)}?done=${move}`);
}
