/** The settings form: what the admin typed, and the API body it becomes after the shared schema checks it. */
import * as v from 'valibot';
import { CASE_TYPES, CASE_TYPE_LABELS, type CaseType } from '@waypoint/shared/cases/case-schemas';
import { DEFAULT_CASE_RETENTION_YEARS, UpdateSettingsBody, type Settings } from '@waypoint/shared/settings/settings-schemas';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';

export interface SettingsFormValues {
  name: string;
  primaryColour: string;
  accentColour: string;
  dutyContactName: string;
  dutyContactEmail: string;
  dutyPhone: string;
  auditsPerManagerPerMonth: string;
  gradeLabels: [string, string, string, string];
  retentionYears: string;
  safeguardingAcknowledgeHours: string;
  /** Years a closed case is kept, by case type, as typed. */
  caseRetentionYears: Record<CaseType, string>;
}

export interface SettingsFormFailure {
  errors: FieldError[];
  values: SettingsFormValues;
  conflict?: boolean;
}

export const SETTINGS_FORM_MESSAGES: Record<string, string> = {
  name: 'Enter the authority name, up to 120 characters',
  primaryColour: 'Enter the main colour like #1d70b8',
  accentColour: 'Enter the accent colour like #ffdd00',
  dutyContactName: 'Enter the duty contact’s name, up to 120 characters',
  dutyContactEmail: 'Enter an email address like duty@council.gov.uk',
  dutyPhone: 'Enter a phone number using digits, spaces and + ( ) - only',
  auditsPerManagerPerMonth: 'Enter a whole number of audits from 0 to 50',
  gradeLabels: 'Enter a label of up to 40 characters for each grade',
  retentionYears: 'Enter a whole number of years from 1 to 75',
  safeguardingAcknowledgeHours: 'Enter a whole number of hours from 1 to 168',
  ...Object.fromEntries(CASE_TYPES.map((t) => [`caseRetentionYears.${t}`, caseYearsMessage(t)])),
};

/** The input id of a case type's years. */
export const caseYearsField = (type: CaseType) => `caseRetentionYears-${type}`;

function caseYearsMessage(type: CaseType): string {
  return `Enter a whole number of years from 1 to 100 for ${CASE_TYPE_LABELS[type]} cases`;
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function settingsFormValuesFromForm(form: FormData): SettingsFormValues {
  return {
    name: text(form, 'name'),
    primaryColour: text(form, 'primaryColour'),
    accentColour: text(form, 'accentColour'),
    dutyContactName: text(form, 'dutyContactName'),
    dutyContactEmail: text(form, 'dutyContactEmail'),
    dutyPhone: text(form, 'dutyPhone'),
    auditsPerManagerPerMonth: text(form, 'auditsPerManagerPerMonth'),
    gradeLabels: [text(form, 'gradeLabels-0'), text(form, 'gradeLabels-1'), text(form, 'gradeLabels-2'), text(form, 'gradeLabels-3')],
    retentionYears: text(form, 'retentionYears'),
    safeguardingAcknowledgeHours: text(form, 'safeguardingAcknowledgeHours'),
    caseRetentionYears: Object.fromEntries(CASE_TYPES.map((t) => [t, text(form, caseYearsField(t))])) as Record<CaseType, string>,
  };
}

export function settingsFormValuesFromSettings(s: Settings): SettingsFormValues {
  return {
    name: s.name,
    primaryColour: s.primaryColour,
    accentColour: s.accentColour,
    dutyContactName: s.dutyContactName,
    dutyContactEmail: s.dutyContactEmail,
    dutyPhone: s.dutyPhone,
    auditsPerManagerPerMonth: String(s.auditsPerManagerPerMonth),
    gradeLabels: [...s.gradeLabels],
    retentionYears: String(s.retentionYears),
    safeguardingAcknowledgeHours: String(s.safeguardingAcknowledgeHours ?? 24),
    caseRetentionYears: Object.fromEntries(CASE_TYPES.map((t) => [t, String((s.caseRetentionYears ?? DEFAULT_CASE_RETENTION_YEARS)[t])])) as Record<CaseType, string>,
  };
}

/** "12" is 12; anything else (including "1.5" or "") is NaN, which the schema refuses. */
function wholeNumber(raw: string): number {
  const trimmed = raw.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function settingsUpdateFromForm(values: SettingsFormValues): { ok: true; body: UpdateSettingsBody } | { ok: false; errors: FieldError[] } {
  const candidate = {
    name: values.name,
    primaryColour: values.primaryColour.trim(),
    accentColour: values.accentColour.trim(),
    dutyContactName: values.dutyContactName,
    dutyContactEmail: values.dutyContactEmail.trim(),
    dutyPhone: values.dutyPhone.trim(),
    auditsPerManagerPerMonth: wholeNumber(values.auditsPerManagerPerMonth),
    gradeLabels: values.gradeLabels.map((l) => l.trim()),
    retentionYears: wholeNumber(values.retentionYears),
    safeguardingAcknowledgeHours: wholeNumber(values.safeguardingAcknowledgeHours),
    caseRetentionYears: Object.fromEntries(CASE_TYPES.map((t) => [t, wholeNumber(values.caseRetentionYears[t])])),
  };
  const result = v.safeParse(UpdateSettingsBody, candidate);
  if (!result.success) return { ok: false, errors: caseYearsErrors(gradeLabelErrors(fieldErrorsFromIssues(result.issues, SETTINGS_FORM_MESSAGES), values)) };
  return { ok: true, body: result.output };
}

/** A case type's years, wrong, says which case type (the schema's own words do not). */
function caseYearsErrors(errors: FieldError[]): FieldError[] {
  return errors.map((e) => {
    const type = CASE_TYPES.find((t) => e.field === caseYearsField(t));
    return type ? { ...e, message: caseYearsMessage(type) } : e;
  });
}

/** The schema checks the four labels together; point the error at the first empty or overlong one. */
function gradeLabelErrors(errors: FieldError[], values: SettingsFormValues): FieldError[] {
  return errors.map((e) => {
    if (e.field !== 'gradeLabels') return e;
    const index = values.gradeLabels.findIndex((l) => l.trim() === '' || l.length > 40);
    return { ...e, field: `gradeLabels-${Math.max(index, 0)}` };
  });
}
