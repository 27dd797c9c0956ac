/**
 * A case's journey: its events drawn as a timeline with the statutory timescales, and for
 * those who record the journey a form to add a dated event (the API checks the order).
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { AuditId } from '@waypoint/shared/audits/audit-schemas';
import { CaseRef } from '@waypoint/shared/cases/case-schemas';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { journeyApi } from '$lib/journey/journey-api.server';
import { journeyEventBodyFromForm, journeyEventValuesFromForm, JOURNEY_FORM_MESSAGES, type JourneyEventFormValues } from '$lib/journey/journey-form';
import { recorderNames } from '$lib/journey/journey-people.server';
import { canRecordJourney } from '$lib/journey/journey-permissions';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export interface JourneyEventFailure {
  errors: FieldError[];
  values: JourneyEventFormValues;
}

function refFrom(raw: string): string {
  if (!v.is(CaseRef, raw)) error(404, 'Page not found');
  return raw;
}

/** The audit the user came from, so the page can lead back to it; anything else is ignored. */
function auditFrom(url: URL): string | null {
  const raw = url.searchParams.get('audit');
  return raw && v.is(AuditId, raw) ? raw : null;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const ref = refFrom(event.params.ref);
  const api = createApi(event);
  const [found, journey] = await Promise.all([api.caseByRef(ref), journeyApi(api).journey(ref)]);
  const people = await recorderNames(
    api,
    journey.value.events.map((e) => e.recordedById),
  );
  return {
    caseRecord: found.value,
    journey: journey.value,
    people,
    canRecord: canRecordJourney({ role: me.role, userId: me.user.id }, found.value),
    fromAudit: auditFrom(event.url),
    added: event.url.searchParams.get('added') === '1',
    removed: event.url.searchParams.get('removed') === '1',
    // A fresh key each time the form is shown: posting it twice records one event.
    idempotencyKey: randomUUID(),
  };
};

export const actions: Actions = {
  add: async (event) => {
    const ref = refFrom(event.params.ref);
    const form = await event.request.formData();
    const values = journeyEventValuesFromForm(form);
    const parsed = journeyEventBodyFromForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies JourneyEventFailure);
    const key = form.get('idempotencyKey');
    try {
      await journeyApi(createApi(event)).addEvent(ref, parsed.body, typeof key === 'string' && key ? key : undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      const errors = fieldErrorsFromProblem(e.problem.errors, {}).map((x) => (x.field in JOURNEY_FORM_MESSAGES ? x : { ...x, field: 'form' }));
      return fail(e.status === 400 ? 400 : 409, {
        errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }],
        values,
      } satisfies JourneyEventFailure);
    }
    const audit = auditFrom(event.url);
    redirect(303, `/cases/${encodeURIComponent(ref)}/journey?added=1${audit ? `&audit=${encodeURIComponent(audit)}` : ''}`);
  },
};
