/** Swapping one sampled case for another eligible one, with a reason; the API refuses an ineligible case and says why. */
import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { programmeApi } from '$lib/programme/programme-api.server';
import { readSampleContext } from '$lib/programme/sample-context.server';
import { swapBodyFromForm, swapValuesFromForm, SWAP_FORM_MESSAGES, type SwapFormValues } from '$lib/programme/swap-form';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export interface SwapFailure {
  errors: FieldError[];
  values: SwapFormValues;
  conflict?: boolean;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const context = await readSampleContext(event, me);
  const back = `/programme/${context.month}/samples/${encodeURIComponent(context.managerId)}`;
  if (!context.canHandle) error(403, 'You do not have access to this page');
  // Only a proposed sample changes; an accepted one (or none yet) is shown as it is.
  if (context.sample?.state !== 'proposed') redirect(303, back);
  const out = event.url.searchParams.get('out');
  const sample = context.sample;
  return {
    ...context,
    sample,
    back,
    initial: { out: out && sample.picked.includes(out) ? out : '', in: '', reason: '' } satisfies SwapFormValues,
    alternatives: sample.candidates.filter((c) => c.ineligibility === null && !sample.picked.includes(c.ref)),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const me = await createApi(event).me();
    const context = await readSampleContext(event, me);
    if (!context.canHandle) error(403, 'You do not have access to this page');
    const form = await event.request.formData();
    const values = swapValuesFromForm(form);
    const parsed = swapBodyFromForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies SwapFailure);
    const version = form.get('version');
    if (typeof version !== 'string' || !/^\d+$/.test(version)) return fail(400, { errors: [{ field: 'form', message: 'Reload the page and make the swap again' }], values } satisfies SwapFailure);
    try {
      await programmeApi(createApi(event)).swap(context.month, context.managerId, version, parsed.body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 412) return fail(412, { errors: [], values, conflict: true } satisfies SwapFailure);
      const errors = fieldErrorsFromProblem(e.problem.errors, {}).map((x) => (x.field in SWAP_FORM_MESSAGES ? x : { ...x, field: 'form' }));
      return fail(e.status === 400 ? 400 : 409, {
        errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }],
        values,
      } satisfies SwapFailure);
    }
    redirect(303, `/programme/${context.month}/samples/${encodeURIComponent(context.managerId)}?swapped=1`);
  },
};
