/**
 * The checklist for one case in a month: every item yes, no or not applicable, with a note if
 * wanted. "Save and next case" records it and opens the next case not yet checked, so a run of
 * cases is done without leaving the keyboard; "Save" stays on the case. A check already made
 * is changed with the version it was read at.
 */
import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { checkBodyFromValues, checkValuesFromForm, checkValuesOf, type CheckFormValues } from '$lib/compliance/check-form';
import { complianceApi } from '$lib/compliance/compliance-api.server';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { isMonth } from '$lib/programme/month-param';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import { complianceCheckId } from '@waypoint/shared/compliance/compliance-schemas';
import { londonMonth } from '@waypoint/shared/time/clock';
import type { Actions, PageServerLoad } from './$types';

export interface CheckFailure {
  errors: FieldError[];
  values: CheckFormValues;
  conflict?: boolean;
}

function params(event: { params: { month: string; ref: string } }) {
  const { month, ref } = event.params;
  if (!isMonth(month) || month > londonMonth(new Date()) || !/^[A-Za-z0-9-]{1,32}$/.test(ref)) error(404, 'Page not found');
  return { month, ref };
}

export const load: PageServerLoad = async (event) => {
  const { month, ref } = params(event);
  const api = createApi(event);
  const [{ value: checkedCase }, programme] = await Promise.all([api.caseByRef(ref), complianceApi(api).programme(month)]);
  const check = await complianceApi(api).check(complianceCheckId(month, checkedCase.ref));
  const drawn = programme.teams.flatMap((t) => t.cases);
  const position = drawn.findIndex((c) => c.caseRef === checkedCase.ref);
  return {
    month,
    checkedCase: { ref: checkedCase.ref, caseType: checkedCase.caseType, holderId: checkedCase.holderId ?? null, teamName: programme.teams.find((t) => t.teamId === checkedCase.teamId)?.name ?? null },
    holderName: check?.value.people[check.value.holderId ?? ''] ?? (checkedCase.holderId ? (programme.people[checkedCase.holderId] ?? null) : null),
    check: check?.value ?? null,
    version: check?.version ?? null,
    initial: checkValuesOf(check?.value ?? null),
    position: position === -1 ? null : { n: position + 1, of: drawn.length },
    key: randomUUID(),
    saved: event.url.searchParams.has('saved'),
    previous: event.url.searchParams.get('previous'),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { month, ref } = params(event);
    const form = await event.request.formData();
    const values = checkValuesFromForm(form);
    const parsed = checkBodyFromValues(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies CheckFailure);
    const api = complianceApi(createApi(event));
    const version = form.get('version');
    const key = form.get('key');
    let saved: string;
    try {
      if (typeof version === 'string' && /^\d+$/.test(version)) {
        saved = (await api.change(complianceCheckId(month, ref), version, { answers: parsed.answers, notes: parsed.notes })).value.caseRef;
      } else {
        saved = (await api.record({ month, caseRef: ref, answers: parsed.answers, notes: parsed.notes }, typeof key === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(key) ? key : randomUUID())).value.caseRef;
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 412 || e.status === 409) return fail(e.status, { errors: [], values, conflict: true } satisfies CheckFailure);
      const errors = fieldErrorsFromProblem(e.problem.errors, {}).map((x) => (x.field.startsWith('answers-') || x.field.startsWith('notes-') ? x : { ...x, field: 'form' }));
      return fail(400, { errors: errors.length ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies CheckFailure);
    }
    if (form.get('intent') !== 'next') redirect(303, `/compliance/${month}/cases/${encodeURIComponent(saved)}?saved=1`);
    const programme = await api.programme(month);
    if (!programme.next) redirect(303, `/compliance/${month}?finished=1`);
    redirect(303, `/compliance/${month}/cases/${encodeURIComponent(programme.next)}?previous=${encodeURIComponent(saved)}`);
  },
};
