/** Planning an audit: the case, the template, the type and the month, checked by the API's own schema. */
import * as v from 'valibot';
import { CreateAuditBody } from '@waypoint/shared/audits/audit-schemas';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';
import { blankErrors, firstErrorPerField, formText } from './form-values.ts';

export interface PlanFormValues {
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

export function planValuesFromForm(form: FormData): PlanFormValues {
  return { caseRef: formText(form, 'caseRef').trim(), templateId: formText(form, 'templateId'), auditType: formText(form, 'auditType'), month: formText(form, 'month') };
}

export function createBodyFromPlan(values: PlanFormValues): { ok: true; body: CreateAuditBody } | { ok: false; errors: FieldError[] } {
  const blanks = blankErrors({ ...values }, PLAN_FORM_MESSAGES);
  const result = v.safeParse(CreateAuditBody, { ...values });
  const errors = firstErrorPerField(blanks, result.success ? [] : fieldErrorsFromIssues(result.issues, PLAN_FORM_MESSAGES));
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, body: result.output };
}
