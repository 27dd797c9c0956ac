/**
 * One month of records compliance: the cases drawn from each team and whether each is
 * checked. Before the month is drawn, a form draws it (this month or next, as the API allows).
 */
import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { londonMonth } from '@waypoint/shared/time/clock';
import { complianceApi } from '$lib/compliance/compliance-api.server';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { isMonth } from '$lib/programme/month-param';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export interface DrawFailure {
  errors: FieldError[];
  values: { checksPerTeam: string };
}

export const load: PageServerLoad = async (event) => {
  const month = event.params.month;
  if (!isMonth(month)) error(404, 'Page not found');
  const programme = await complianceApi(createApi(event)).programme(month);
  const current = londonMonth(new Date());
  return { month, programme, canDraw: programme.drawn === null && (month === current || month === shiftMonth(current, 1)), drawKey: randomUUID(), isCurrentMonth: month === current, finished: event.url.searchParams.has('finished') };
};

export const actions: Actions = {
  draw: async (event) => {
    const month = event.params.month;
    if (!isMonth(month)) error(404, 'Page not found');
    const form = await event.request.formData();
    const raw = typeof form.get('checksPerTeam') === 'string' ? String(form.get('checksPerTeam')).trim() : '';
    const values = { checksPerTeam: raw };
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > 50) return fail(400, { errors: [{ field: 'checksPerTeam', message: 'Enter how many cases to check in each team, from 1 to 50' }], values } satisfies DrawFailure);
    const key = form.get('key');
    try {
      await complianceApi(createApi(event)).draw(month, n, typeof key === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(key) ? key : randomUUID());
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const errors = fieldErrorsFromProblem(e.problem.errors, {}).map((x) => (x.field === 'checksPerTeam' ? x : { ...x, field: 'form' }));
      return fail(400, { errors: errors.length ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies DrawFailure);
    }
    redirect(303, `/compliance/${month}`);
  },
};
