/**
 * Booking shadowing → POST /v1/shadowing: whose work (a team manager, practitioners in their own
 * teams; a senior manager, any), what, when, and what it is without naming the family. An
 * Idempotency-Key made with the page means pressing the button twice books once.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { SHADOWED_WORK, SHADOWED_WORK_LABELS } from '@waypoint/shared/shadowing/shadowing-schemas';
import { formText } from '$lib/audits/form-values';
import type { FormFailure } from '$lib/forms/form-errors';
import { peopleApi } from '$lib/people/people-api.server';
import { createApi, type Api, type Me } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import { shadowingApi } from '$lib/shadowing/shadowing-api.server';
import { BOOKING_ORDER, bookingBody, bookingValuesFromForm, EMPTY_BOOKING, errorsFromProblem, type BookingValues } from '$lib/shadowing/shadowing-forms';
import { canBookShadowing } from '$lib/shadowing/shadowing-permissions';
import type { Actions, PageServerLoad } from './$types';

/** Enough pages for an authority's practitioners. */
const MAX_PAGES = 20;

/** The practitioners this manager may ask, as the API judges it, with their team so two of one name can be told apart. */
async function practitionerChoices(api: Api, me: Me): Promise<{ value: string; label: string }[]> {
  const people = peopleApi(api);
  const teams = new Map((me.role === 'manager' ? me.teams : (await api.teams()).items).map((t) => [t.id, t.name]));
  const choices: { value: string; label: string }[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await people.users({ role: 'practitioner', status: 'active', limit: 100, cursor });
    for (const u of page.items) {
      const theirs = u.teamIds.filter((t) => teams.has(t));
      if (u.active && theirs.length > 0) choices.push({ value: u.id, label: `${u.name} (${theirs.map((t) => teams.get(t)).join(', ')})` });
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return choices.sort((a, b) => a.label.localeCompare(b.label));
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canBookShadowing(me.role)) error(403, 'You do not have access to this page');
  return {
    practitioners: await practitionerChoices(createApi(event), me),
    work: SHADOWED_WORK.map((w) => ({ value: w, label: SHADOWED_WORK_LABELS[w] })),
    initial: EMPTY_BOOKING,
    idempotencyKey: randomUUID(),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const api = createApi(event);
    if (!canBookShadowing((await api.me()).role)) error(403, 'You do not have access to this page');
    const form = await event.request.formData();
    const values = bookingValuesFromForm(form);
    const parsed = bookingBody(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies FormFailure<BookingValues>);
    let booked;
    try {
      booked = await shadowingApi(api).book(parsed.body, formText(form, 'idempotencyKey') || undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      const errors = e.status === 400 ? errorsFromProblem(e.problem.errors, BOOKING_ORDER) : [];
      return fail(e.status, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies FormFailure<BookingValues>);
    }
    redirect(303, `/shadowing/${encodeURIComponent(booked.id)}?booked`);
  },
};
