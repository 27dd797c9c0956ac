/** Small readers shared by the audit forms: posted text, and one error per field, first one wins. */
import type { FieldError } from '../forms/form-errors.ts';

export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Blank required choices get the form's own message ("Select the case"), which must win
 * over the schema's message about the same field's format.
 */
export function firstErrorPerField(...lists: FieldError[][]): FieldError[] {
  const seen = new Set<string>();
  return lists.flat().filter((e) => {
    if (seen.has(e.field)) return false;
    seen.add(e.field);
    return true;
  });
}

/** Errors for the given fields left blank, with the message each form gives it; fields not given are not checked here. */
export function blankErrors(values: Record<string, string>, messages: Record<string, string>): FieldError[] {
  return Object.entries(values)
    .filter(([field, value]) => messages[field] !== undefined && value.trim() === '')
    .map(([field]) => ({ field, message: messages[field]! }));
}
