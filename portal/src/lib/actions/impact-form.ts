/** The re-audit's answer about one of the previous audit's actions: did it make a difference for the child, and why. */
import * as v from 'valibot';
import { ActionImpactBody } from '@waypoint/shared/actions/action-schemas';
import { formText } from '../audits/form-values.ts';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldError } from '../forms/form-errors.ts';

export interface ImpactValues {
  difference: string;
  comment: string;
}

export const IMPACT_MESSAGES: Record<string, string> = {
  difference: 'Say whether it made a difference for the child',
  comment: 'Use at most 2000 characters',
};

export function impactValuesFromForm(form: FormData): ImpactValues {
  return { difference: formText(form, 'difference'), comment: formText(form, 'comment') };
}

export function impactBody(reauditId: string, values: ImpactValues): { ok: true; body: ActionImpactBody } | { ok: false; errors: FieldError[] } {
  const candidate = { reauditId, difference: values.difference, ...(values.comment.trim() ? { comment: values.comment } : {}) };
  const result = v.safeParse(ActionImpactBody, candidate);
  if (result.success) return { ok: true, body: result.output };
  return { ok: false, errors: fieldErrorsFromIssues(result.issues, IMPACT_MESSAGES) };
}

/** A 400 names `reauditId` when the action is not the previous audit's: that is the whole form's problem, not a field's. */
export function impactErrorsFromProblem(problemErrors: readonly { path: string; message: string }[] | undefined): FieldError[] {
  return fieldErrorsFromProblem(problemErrors, {}).map((e) => (e.field === 'difference' || e.field === 'comment' ? e : { ...e, field: 'form' }));
}
