/**
 * Removing an event recorded in error, after a confirmation. The journey is one versioned
 * document, so the removal quotes the version shown; an event others depend on (the
 * referral before an assessment) stays, and the API says which.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { AuditId } from '@waypoint/shared/audits/audit-schemas';
import { CaseRef } from '@waypoint/shared/cases/case-schemas';
import { JourneyEventId } from '@waypoint/shared/journey/journey-schemas';
import type { FieldError } from '$lib/forms/form-errors';
import { journeyApi } from '$lib/journey/journey-api.server';
import { canRecordJourney } from '$lib/journey/journey-permissions';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export interface RemoveFailure {
  errors: FieldError[];
  conflict?: boolean;
}

async function readEvent(event: Pick<RequestEvent, 'params' | 'locals' | 'cookies' | 'url'>) {
  const { ref, eventId } = event.params;
  if (!v.is(CaseRef, ref) || !v.is(JourneyEventId, eventId)) error(404, 'Page not found');
  const api = createApi(event);
  const [me, found, journey] = await Promise.all([api.me(), api.caseByRef(ref), journeyApi(api).journey(ref)]);
  if (!canRecordJourney({ role: me.role, userId: me.user.id }, found.value)) error(403, 'You do not have access to this page');
  const index = journey.value.events.findIndex((e) => e.id === eventId);
  if (index === -1) error(404, 'Page not found');
  const audit = event.url.searchParams.get('audit');
  return { ref, number: index + 1, journeyEvent: journey.value.events[index]!, version: journey.version, fromAudit: audit && v.is(AuditId, audit) ? audit : null };
}

export const load: PageServerLoad = async (event) => readEvent(event);

export const actions: Actions = {
  default: async (event) => {
    const { ref, journeyEvent, fromAudit } = await readEvent(event);
    const form = await event.request.formData();
    const version = form.get('version');
    if (typeof version !== 'string' || !/^\d+$/.test(version)) return fail(400, { errors: [{ field: 'form', message: 'Reload the page and remove the event again' }] } satisfies RemoveFailure);
    try {
      await journeyApi(createApi(event)).removeEvent(ref, journeyEvent.id, version);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 412) return fail(412, { errors: [], conflict: true } satisfies RemoveFailure);
      return fail(409, { errors: [{ field: 'form', message: e.problem.detail ?? e.problem.title }] } satisfies RemoveFailure);
    }
    redirect(303, `/cases/${encodeURIComponent(ref)}/journey?removed=1${fromAudit ? `&audit=${encodeURIComponent(fromAudit)}` : ''}`);
  },
};
