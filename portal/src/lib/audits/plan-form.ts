/** Planning an audit: the case, the template, the type and the month, and when you will meet, checked by the API's own schema. */
import * as v from 'valibot';
import { CreateAuditBody } from '@waypoint/shared/audits/audit-schemas';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';
import { EMPTY_DATE } from './date-parts.ts';
import { blankErrors, firstErrorPerField, formText } from './form-values.ts';
import { meetingValuesFromForm, readMeeting, type MeetingFormValues } from './meeting-form.ts';

export interface PlanFormValues extends MeetingFormValues {
  caseRef: string;
  templateId: string;
  auditType: string;
  month: string;
}

export const PLAN_FORM_MESSAGES: Record<string, string> = {
  caseRef: 'Select the case to audit',
  templateId: 'Select the template to use',
  auditType: 'Select the type of audit',
  month: 'Select the month the audit is planned for',
};

/** Nothing booked yet: the meeting boxes start empty. */
export const NO_MEETING: MeetingFormValues = { meetingDate: { ...EMPTY_DATE }, meetingTime: '' };

export function planValuesFromForm(form: FormData): PlanFormValues {
  return {
    caseRef: formText(form, 'caseRef').trim(),
    templateId: formText(form, 'templateId'),
    auditType: formText(form, 'auditType'),
    month: formText(form, 'month'),
    ...meetingValuesFromForm(form),
  };
}

export function createBodyFromPlan(values: PlanFormValues): { ok: true; body: CreateAuditBody } | { ok: false; errors: FieldError[] } {
  const { meetingDate, meetingTime, ...choices } = values;
  const meeting = readMeeting({ meetingDate, meetingTime }, { required: false });
  const blanks = blankErrors({ ...choices }, PLAN_FORM_MESSAGES);
  const result = v.safeParse(CreateAuditBody, { ...choices, ...(meeting.ok ? meeting.meeting : {}) });
  const errors = firstErrorPerField(blanks, result.success ? [] : fieldErrorsFromIssues(result.issues, PLAN_FORM_MESSAGES), meeting.ok ? [] : meeting.errors);
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, body: result.output };
}
