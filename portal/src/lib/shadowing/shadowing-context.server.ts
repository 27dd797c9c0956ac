/** Reading one shadowing for a page or a form post, and turning the API's refusals into what a form shows. */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { ShadowingId } from '@waypoint/shared/shadowing/shadowing-schemas';
import { londonDate } from '@waypoint/shared/time/calendar-dates';
import { clock } from '@waypoint/shared/time/clock';
import type { FieldError } from '../forms/form-errors.ts';
import { createApi } from '../server/api.ts';
import { ApiError } from '../server/errors.ts';
import { errorsFromProblem } from './shadowing-forms.ts';
import { shadowingApi } from './shadowing-api.server.ts';

export function shadowingIdFrom(raw: string | undefined): string {
  if (!v.is(ShadowingId, raw)) error(404, 'Page not found');
  return raw;
}

/** Today in London, as the API judges "the work has happened". */
export function londonToday(): string {
  return londonDate(clock.now());
}

/** The shadowing as the signed-in person reads it; another's is "Page not found", as the API says. */
export async function readShadowing(event: Pick<RequestEvent, 'locals' | 'cookies' | 'url' | 'params'>) {
  const id = shadowingIdFrom(event.params.id);
  const shadowing = shadowingApi(createApi(event));
  const { value: view, version } = await shadowing.one(id);
  return { id, shadowing, view, version };
}

/** The version a form carries, or null when it is missing or not a number. */
export function postedVersion(form: FormData): string | null {
  const version = form.get('version');
  return typeof version === 'string' && /^\d+$/.test(version) ? version : null;
}

export interface StepFailure<Values> {
  errors: FieldError[];
  values: Values;
  /** Someone else changed the shadowing since the page was read: the page now shows the latest. */
  conflict?: boolean;
}

/** A 412 or 428 is a conflict shown above the form; a 400 names fields; a 403 or 409 says why in the summary. */
export function stepRefused<Values>(e: unknown, values: Values, order: readonly string[]) {
  if (!(e instanceof ApiError)) throw e;
  if (e.status === 412 || e.status === 428) return fail(412, { errors: [], values, conflict: true } satisfies StepFailure<Values>);
  const errors = e.status === 400 ? errorsFromProblem(e.problem.errors, order) : [];
  return fail(e.status, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies StepFailure<Values>);
}

export function missingVersion<Values>(values: Values) {
  return fail(400, { errors: [{ field: 'form', message: 'Reload the page and try again' }], values } satisfies StepFailure<Values>);
}
