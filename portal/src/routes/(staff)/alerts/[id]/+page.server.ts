/** One safety alert: why it was raised, the response and any case, what staff did, and a form to record more. */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { AlertId, RecordAlertActionBody, isAuditAlert } from '@waypoint/shared/engagement/alert-schemas';
import { canAcknowledgeAlerts } from '$lib/engagement/engagement-permissions';
import { formText } from '$lib/audits/form-values';
import { engagementApi } from '$lib/engagement/staff-api.server';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export interface AlertActionFailure {
  errors: FieldError[];
  values: { note: string; status: string };
}

const MESSAGES: Record<string, string> = { note: 'Say what you did, in at most 2000 characters', status: 'Choose whether the alert is in hand or closed' };

function idFrom(raw: string): string {
  if (!v.is(AlertId, raw)) error(404, 'Page not found');
  return raw;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const api = engagementApi(createApi(event));
  const found = await api.alert(idFrom(event.params.id));
  const alert = found.value;
  const form = alert.response && !isAuditAlert(alert) ? await api.formVersion(alert.response.templateId, alert.response.templateVersion) : null;
  return {
    alert,
    form,
    now: new Date().toISOString(),
    canAcknowledge: canAcknowledgeAlerts(me.role),
    recorded: event.url.searchParams.get('recorded') === '1',
    acknowledged: event.url.searchParams.get('acknowledged') === '1',
    // A fresh key each time the form is shown: posting it twice records one action.
    idempotencyKey: randomUUID(),
  };
};

export const actions: Actions = {
  acknowledge: async (event) => {
    const id = idFrom(event.params.id);
    try {
      await engagementApi(createApi(event)).acknowledgeAlert(id);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      return fail(e.status === 409 ? 409 : 400, { errors: [{ field: 'acknowledge', message: e.problem.detail ?? e.problem.title }], values: { note: '', status: 'in-hand' } } satisfies AlertActionFailure);
    }
    redirect(303, `/alerts/${encodeURIComponent(id)}?acknowledged=1`);
  },
  record: async (event) => {
    const id = idFrom(event.params.id);
    const form = await event.request.formData();
    const values = { note: formText(form, 'note'), status: formText(form, 'status') || 'in-hand' };
    const parsed = v.safeParse(RecordAlertActionBody, values);
    if (!parsed.success) return fail(400, { errors: fieldErrorsFromIssues(parsed.issues, MESSAGES), values } satisfies AlertActionFailure);
    const key = formText(form, 'idempotencyKey');
    try {
      await engagementApi(createApi(event)).recordAlertAction(id, parsed.output, key || undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      const errors = fieldErrorsFromProblem(e.problem.errors, MESSAGES);
      return fail(400, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies AlertActionFailure);
    }
    redirect(303, `/alerts/${encodeURIComponent(id)}?recorded=1`);
  },
};
