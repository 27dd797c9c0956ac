/**
 * A manager's sample for a month: the cases drawn, swaps made and why, how the draw can
 * be replayed, and the buttons to propose it (when there is none) and accept it.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import type { FieldError } from '$lib/forms/form-errors';
import { programmeApi } from '$lib/programme/programme-api.server';
import { readSampleContext } from '$lib/programme/sample-context.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
  proposed: 'Sample proposed. Check the cases, swap any with a reason, then accept it.',
  swapped: 'Case swapped. The reason is recorded with the sample.',
  accepted: 'Sample accepted. The audits are planned and each case holder has been told.',
};

export interface SampleFailure {
  errors: FieldError[];
  conflict?: boolean;
}

/** What the API said, as one problem at the top of the page: these forms have no fields to point at. */
function problemOf(e: ApiError): FieldError[] {
  const detail = e.problem.errors?.map((x) => x.message).join(' ') || e.problem.detail || e.problem.title;
  return [{ field: 'form', message: detail }];
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const context = await readSampleContext(event, me);
  return {
    ...context,
    notice: [...event.url.searchParams.keys()].map((k) => NOTICES[k]).find(Boolean) ?? null,
  };
};

export const actions: Actions = {
  propose: async (event) => {
    const me = await createApi(event).me();
    const context = await readSampleContext(event, me);
    if (!context.canHandle) error(403, 'You do not have access to this page');
    try {
      await programmeApi(createApi(event)).propose(context.month, context.own ? undefined : context.managerId);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return fail(e.status === 400 ? 400 : 409, { errors: problemOf(e) } satisfies SampleFailure);
    }
    redirect(303, `/programme/${context.month}/samples/${encodeURIComponent(context.managerId)}?proposed=1`);
  },
  accept: async (event) => {
    const me = await createApi(event).me();
    const context = await readSampleContext(event, me);
    if (!context.canHandle) error(403, 'You do not have access to this page');
    const form = await event.request.formData();
    const version = form.get('version');
    if (typeof version !== 'string' || !/^\d+$/.test(version)) return fail(400, { errors: [{ field: 'form', message: 'Reload the page and accept the sample again' }] } satisfies SampleFailure);
    try {
      await programmeApi(createApi(event)).accept(context.month, context.managerId, version);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 412) return fail(412, { errors: [], conflict: true } satisfies SampleFailure);
      return fail(e.status === 400 ? 400 : 409, { errors: problemOf(e) } satisfies SampleFailure);
    }
    redirect(303, context.own ? `/programme/${context.month}?accepted=1` : `/programme/${context.month}/samples/${encodeURIComponent(context.managerId)}?accepted=1`);
  },
};
