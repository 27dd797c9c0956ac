/**
 * When you will meet: book or move the day and time of the audit conversation, or cancel the
 * booking, with If-Match; a refused save keeps what was typed.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { meetingIsLate } from '@waypoint/shared/audits/audit-meeting';
import { auditDueDate } from '@waypoint/shared/programme/programme-dates';
import { auditApi } from '$lib/audits/audit-api.server';
import { readAuditContext } from '$lib/audits/audit-context.server';
import { formText } from '$lib/audits/form-values';
import { meetingValuesFromAudit, meetingValuesFromForm, readMeeting, type MeetingFormValues } from '$lib/audits/meeting-form';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export interface MeetingFailure {
  errors: FieldError[];
  values: MeetingFormValues;
  conflict?: boolean;
  /** Cancelling the booking was refused because someone else changed the audit first. */
  cancelConflict?: boolean;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const context = await readAuditContext(event, { me });
  // After a refused save the form stays, so what was typed is not lost.
  if (!context.can.arrangeMeeting && event.request.method === 'GET') redirect(303, `/audits/${encodeURIComponent(context.audit.id)}`);
  const { audit } = context;
  return {
    audit: { id: audit.id, caseRef: audit.caseRef, month: audit.month, meetingDate: audit.meetingDate, meetingTime: audit.meetingTime, caseHolderId: audit.caseHolderId, studentId: audit.studentId, people: audit.people },
    dueDate: auditDueDate(audit.month),
    late: meetingIsLate(audit),
    version: context.version,
    saved: meetingValuesFromAudit(audit),
  };
};

export const actions: Actions = {
  save: async (event) => {
    const context = await readAuditContext(event);
    const form = await event.request.formData();
    const values = meetingValuesFromForm(form);
    if (!context.can.edit) {
      return fail(409, { errors: [{ field: 'form', message: 'This audit can no longer be changed. The meeting has not been saved.' }], values } satisfies MeetingFailure);
    }
    const version = formText(form, 'version');
    if (!/^\d+$/.test(version)) return fail(400, { errors: [{ field: 'form', message: 'Reload the page and enter the meeting again' }], values } satisfies MeetingFailure);
    const read = readMeeting(values, { required: true });
    if (!read.ok) return fail(400, { errors: read.errors, values } satisfies MeetingFailure);
    try {
      await auditApi(createApi(event)).setMeeting(context.audit.id, version, { meetingDate: read.meeting.meetingDate!, ...(read.meeting.meetingTime ? { meetingTime: read.meeting.meetingTime } : {}) });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 412 || e.status === 428) return fail(412, { errors: [], values, conflict: true } satisfies MeetingFailure);
      const errors = fieldErrorsFromProblem(e.problem.errors, {});
      return fail(e.status === 400 ? 400 : 409, {
        errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }],
        values,
      } satisfies MeetingFailure);
    }
    redirect(303, `/audits/${encodeURIComponent(context.audit.id)}?meeting=1`);
  },
  cancelBooking: async (event) => {
    const context = await readAuditContext(event);
    const form = await event.request.formData();
    const values = meetingValuesFromAudit(context.audit);
    if (!context.can.edit) {
      return fail(409, { errors: [{ field: 'form', message: 'This audit can no longer be changed. The booking has not been cancelled.' }], values } satisfies MeetingFailure);
    }
    const version = formText(form, 'version');
    if (!/^\d+$/.test(version)) return fail(400, { errors: [{ field: 'form', message: 'Reload the page and cancel the booking again' }], values } satisfies MeetingFailure);
    try {
      // Nothing booked any more (a second click) is answered as done by the API, and nobody is told twice.
      await auditApi(createApi(event)).cancelMeeting(context.audit.id, version);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 412 || e.status === 428) return fail(412, { errors: [], values, cancelConflict: true } satisfies MeetingFailure);
      return fail(e.status === 400 ? 400 : 409, { errors: [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies MeetingFailure);
    }
    redirect(303, `/audits/${encodeURIComponent(context.audit.id)}?meetingCancelled=1`);
  },
};
