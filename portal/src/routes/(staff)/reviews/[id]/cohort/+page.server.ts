/** Choose a review's cases: drawn at random by criteria (with quotas per team) or picked by hand, each with a reason. */
import { error, fail, redirect } from '@sveltejs/kit';
import { datePartsFromForm } from '$lib/audits/date-parts';
import { fieldErrorsFromProblem } from '$lib/forms/form-errors';
import { criteriaBody, handPickedBody, type CriteriaValues, type Parsed } from '$lib/reviews/cohort-form';
import { reviewApi } from '$lib/reviews/review-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = createApi(event);
  const [{ value: review, version }, teams] = await Promise.all([reviewApi(api).read(event.params.id), api.teams()]);
  if (!review.moves.includes('choose-cohort')) error(403, 'You do not have access to this page');
  return { review, version, teams: teams.items.filter((t) => t.status !== 'closed').map((t) => ({ id: t.id, name: t.name })) };
};

function criteriaValues(form: FormData): CriteriaValues {
  const all = (name: string) => form.getAll(name).map(String);
  const quotas = Object.fromEntries([...form.keys()].filter((k) => k.startsWith('quota-')).map((k) => [k.slice('quota-'.length), String(form.get(k) ?? '')]));
  return {
    caseTypes: all('caseTypes'),
    teamIds: all('teamIds'),
    ageBands: all('ageBands'),
    genders: all('genders'),
    ethnicities: all('ethnicities'),
    disabilities: all('disabilities'),
    includeClosed: form.get('includeClosed') === 'yes',
    openFrom: datePartsFromForm(form, 'openFrom'),
    openTo: datePartsFromForm(form, 'openTo'),
    eventType: String(form.get('eventType') ?? ''),
    atLeast: String(form.get('atLeast') ?? ''),
    withinMonths: String(form.get('withinMonths') ?? ''),
    size: String(form.get('size') ?? ''),
    quotas,
  };
}

async function send(event: RequestEvent, form: FormData, parsed: Parsed, which: 'draw' | 'pick', values: unknown) {
  if (!parsed.ok) return fail(400, { which, errors: parsed.errors, values });
  try {
    await reviewApi(createApi(event)).cohort(event.params.id, String(form.get('version') ?? ''), parsed.body);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const errors = e.status === 400 ? fieldErrorsFromProblem(e.problem.errors, {}).map((x) => (x.field.startsWith('cases') ? { ...x, field: 'cases' } : x.field.startsWith('criteria') || x.field.startsWith('quotas') ? { ...x, field: 'form' } : x)) : [];
    const message = e.status === 412 ? 'Someone else changed this review while you were working. Try again.' : (e.problem.detail ?? 'Check your answers');
    return fail(e.status, { which, errors: errors.length ? errors : [{ field: 'form', message }], values });
  }
  redirect(303, `/reviews/${encodeURIComponent(event.params.id)}?cohort=1`);
}

export const actions: Actions = {
  draw: async (event) => {
    const form = await event.request.formData();
    const values = criteriaValues(form);
    return send(event, form, criteriaBody(values), 'draw', values);
  },
  pick: async (event) => {
    const form = await event.request.formData();
    const cases = String(form.get('cases') ?? '');
    return send(event, form, handPickedBody(cases), 'pick', { cases });
  },
};
