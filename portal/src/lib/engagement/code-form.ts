/** Issuing an invitation code: its kind, last day, and for single-use codes the case, checked by the API's own schema. */
import * as v from 'valibot';
import { IssueCodeBody } from '@waypoint/shared/engagement/invitation-codes';
import { addDays } from '@waypoint/shared/time/calendar-dates';
import { datePartsFromForm, datePartsFromIso, readDateParts, type DateParts } from '../audits/date-parts.ts';
import { blankErrors, firstErrorPerField, formText } from '../audits/form-values.ts';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';

export interface CodeFormValues {
  kind: string;
  expiresOn: DateParts;
  caseRef: string;
  maxResponses: string;
  label: string;
}

export interface CodeFormFailure {
  errors: FieldError[];
  values: CodeFormValues;
}

export const CODE_FORM_MESSAGES: Record<string, string> = {
  kind: 'Choose single use or shared',
  expiresOn: 'Enter the last day the code works',
  caseRef: 'Enter a case reference like NV-00001',
  maxResponses: 'Enter how many responses it takes, from 1 to 2000',
  label: 'The note must be 80 characters or fewer',
};

/** Four weeks is long enough for a family to find a quiet moment, short enough not to linger. */
export const DEFAULT_CODE_DAYS = 28;

export function defaultCodeValues(today: string, activityClosesOn: string | undefined): CodeFormValues {
  const inFourWeeks = addDays(today, DEFAULT_CODE_DAYS);
  const expires = activityClosesOn && activityClosesOn < inFourWeeks ? activityClosesOn : inFourWeeks;
  return { kind: 'single-use', expiresOn: datePartsFromIso(expires), caseRef: '', maxResponses: '', label: '' };
}

export function codeValuesFromForm(form: FormData): CodeFormValues {
  return {
    kind: formText(form, 'kind'),
    expiresOn: datePartsFromForm(form, 'expiresOn'),
    caseRef: formText(form, 'caseRef').trim(),
    maxResponses: formText(form, 'maxResponses').trim(),
    label: formText(form, 'label'),
  };
}

/** Fields that belong to the other kind are ignored, not refused: the page shows both. */
export function issueBodyFromForm(values: CodeFormValues): { ok: true; body: IssueCodeBody } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const expires = readDateParts(values.expiresOn, 'The last day');
  if (expires.kind === 'empty') errors.push({ field: 'expiresOn', message: CODE_FORM_MESSAGES.expiresOn! });
  if (expires.kind === 'invalid') errors.push({ field: 'expiresOn', message: expires.message });
  const shared = values.kind === 'shared';
  if (shared && values.maxResponses !== '' && !/^\d{1,5}$/.test(values.maxResponses)) errors.push({ field: 'maxResponses', message: CODE_FORM_MESSAGES.maxResponses! });
  const label = values.label.trim();
  const candidate = {
    kind: values.kind,
    expiresOn: expires.kind === 'date' ? expires.iso : '',
    ...(!shared && values.caseRef ? { caseRef: values.caseRef } : {}),
    ...(shared && /^\d{1,5}$/.test(values.maxResponses) ? { maxResponses: Number(values.maxResponses) } : {}),
    ...(label ? { label } : {}),
  };
  const result = v.safeParse(IssueCodeBody, candidate);
  const all = firstErrorPerField(errors, blankErrors({ kind: values.kind }, CODE_FORM_MESSAGES), result.success ? [] : fieldErrorsFromIssues(result.issues, CODE_FORM_MESSAGES));
  if (all.length > 0 || !result.success) return { ok: false, errors: all };
  return { ok: true, body: result.output };
}

/** The address a family can open straight away, on this portal. */
export function startLink(origin: string, slug: string, formattedCode: string): string {
  return `${origin}/have-your-say/${slug}/start?code=${encodeURIComponent(formattedCode)}`;
}
