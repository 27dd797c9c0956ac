/** Swapping a sampled case for another: which case goes, which comes in, and why; checked with the API's own schema. */
import * as v from 'valibot';
import { SwapSampleBody } from '@waypoint/shared/programme/programme-schemas';
import type { Ineligibility } from '@waypoint/shared/programme/sampling';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';

export interface SwapFormValues {
  out: string;
  in: string;
  reason: string;
}

export const SWAP_FORM_MESSAGES: Record<string, string> = {
  out: 'Select the case to take out of the sample',
  in: 'Select the case to audit instead',
  reason: 'Give a reason for the swap',
};

/** Why a candidate could not be sampled, as the sample page explains the draw. */
export const INELIGIBILITY_LABELS: Record<Ineligibility, string> = {
  closed: 'Closed',
  'audited-in-last-12-months': 'Audited in the last 12 months',
  'audit-under-way': 'An audit is already planned or in progress',
};

export function swapValuesFromForm(form: FormData): SwapFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return { out: text('out'), in: text('in').trim(), reason: text('reason') };
}

export function swapBodyFromForm(values: SwapFormValues): { ok: true; body: SwapSampleBody } | { ok: false; errors: FieldError[] } {
  const blanks: FieldError[] = (['out', 'in', 'reason'] as const).filter((f) => values[f].trim() === '').map((f) => ({ field: f, message: SWAP_FORM_MESSAGES[f]! }));
  const parsed = v.safeParse(SwapSampleBody, values);
  const known = new Set<string>(blanks.map((e) => e.field));
  const errors = [...blanks, ...(parsed.success ? [] : fieldErrorsFromIssues(parsed.issues, SWAP_FORM_MESSAGES).filter((e) => !known.has(e.field)))];
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.output };
}
