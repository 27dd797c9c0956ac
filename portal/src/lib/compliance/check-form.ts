/**
 * The checklist form: one yes / no / not applicable question per item (`answers.<item>`) with
 * an optional note (`notes.<item>`). Every item must be answered before anything is saved, and
 * each one left out is named in the error summary in the checklist's order.
 */
import { COMPLIANCE_ANSWERS, COMPLIANCE_ITEMS, COMPLIANCE_ITEM_LABELS, type ComplianceAnswer, type ComplianceItem } from '@waypoint/shared/compliance/compliance-checklist';
import type { ComplianceCheck } from '@waypoint/shared/compliance/compliance-schemas';
import type { FieldError } from '../forms/form-errors.ts';

export interface CheckFormValues {
  answers: Partial<Record<ComplianceItem, string>>;
  notes: Partial<Record<ComplianceItem, string>>;
}

export const answerField = (item: ComplianceItem) => `answers-${item}`;
export const noteField = (item: ComplianceItem) => `notes-${item}`;

export function checkValuesFromForm(form: FormData): CheckFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    answers: Object.fromEntries(COMPLIANCE_ITEMS.map((item) => [item, text(`answers.${item}`)]).filter(([, v]) => v !== '')),
    notes: Object.fromEntries(COMPLIANCE_ITEMS.map((item) => [item, text(`notes.${item}`)]).filter(([, v]) => v !== '')),
  };
}

export function checkValuesOf(check: Pick<ComplianceCheck, 'answers' | 'notes'> | null): CheckFormValues {
  return check ? { answers: { ...check.answers }, notes: { ...check.notes } } : { answers: {}, notes: {} };
}

const isAnswer = (value: string | undefined): value is ComplianceAnswer => (COMPLIANCE_ANSWERS as readonly string[]).includes(value ?? '');

export function checkBodyFromValues(values: CheckFormValues): { ok: true; answers: Record<ComplianceItem, ComplianceAnswer>; notes: Partial<Record<ComplianceItem, string>> } | { ok: false; errors: FieldError[] } {
  const errors = COMPLIANCE_ITEMS.filter((item) => !isAnswer(values.answers[item])).map((item) => ({ field: answerField(item), message: `Choose yes, no or not applicable for “${COMPLIANCE_ITEM_LABELS[item]}”` }));
  if (errors.length) return { ok: false, errors };
  const notes = Object.fromEntries(
    Object.entries(values.notes)
      .map(([item, note]) => [item, note.trim()])
      .filter(([, note]) => note !== ''),
  ) as Partial<Record<ComplianceItem, string>>;
  return { ok: true, answers: values.answers as Record<ComplianceItem, ComplianceAnswer>, notes };
}
