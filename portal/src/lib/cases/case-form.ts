/** The case edit form: what the user typed, and the API body it becomes after the shared schema checks it. */
import * as v from 'valibot';
import { UpdateCaseBody, type Case } from '@waypoint/shared/cases/case-schemas';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';

export interface CaseFormValues {
  teamId: string;
  caseType: string;
  ageBand: string;
  holderId: string;
  status: string;
  label: string;
}

/** What the page gets back when a save fails: the problems and what the user typed. */
export interface CaseFormFailure {
  errors: FieldError[];
  values: CaseFormValues;
  /** Someone else saved first; the page shows their version and keeps these values. */
  conflict?: boolean;
}

export const CASE_FORM_MESSAGES: Record<string, string> = {
  teamId: 'Select a team',
  caseType: 'Select the case type',
  ageBand: 'Select an age band',
  holderId: 'Select the case holder',
  status: 'Select whether the case is open or closed',
  label: 'The label must be 80 characters or fewer',
};

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function caseFormValuesFromForm(form: FormData): CaseFormValues {
  return {
    teamId: text(form, 'teamId'),
    caseType: text(form, 'caseType'),
    ageBand: text(form, 'ageBand'),
    holderId: text(form, 'holderId'),
    status: text(form, 'status'),
    label: text(form, 'label'),
  };
}

export function caseFormValuesFromCase(c: Case): CaseFormValues {
  return {
    teamId: c.teamId,
    caseType: c.caseType,
    ageBand: c.ageBand ?? '',
    holderId: c.holderId ?? '',
    status: c.status,
    label: c.label ?? '',
  };
}

/**
 * Builds the PATCH body. Empty optional choices are left out (unchanged) rather than
 * sent empty; the label is always sent so it can be cleared.
 */
export function caseUpdateFromForm(values: CaseFormValues, options: { holderEditable: boolean }): { ok: true; body: UpdateCaseBody } | { ok: false; errors: FieldError[] } {
  const candidate: Record<string, unknown> = {
    teamId: values.teamId,
    caseType: values.caseType,
    status: values.status,
    label: values.label.trim(),
  };
  if (values.ageBand !== '') candidate.ageBand = values.ageBand;
  if (options.holderEditable && values.holderId !== '') candidate.holderId = values.holderId;
  const result = v.safeParse(UpdateCaseBody, candidate);
  if (!result.success) return { ok: false, errors: fieldErrorsFromIssues(result.issues, CASE_FORM_MESSAGES) };
  return { ok: true, body: result.output };
}
