/** Turns valibot issues and API problem errors into GOV.UK-style field errors for a form. */
import type * as v from 'valibot';

/** One error as the error summary and the field show it; `field` is the input's id. */
export interface FieldError {
  field: string;
  message: string;
}

/** What a form action returns on failure: the errors and what the user typed, to show again. */
export interface FormFailure<Values> {
  errors: FieldError[];
  values: Values;
}

/** `gradeLabels.2` becomes the input id `gradeLabels-2`. */
export function fieldId(path: string): string {
  return path.replace(/\./g, '-');
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.');
}

/**
 * Uses the schema's own message when it has one written for people; valibot's
 * defaults ("Invalid length: ...") are replaced by the form's message for the field.
 */
export function fieldErrorsFromIssues(issues: readonly v.BaseIssue<unknown>[], friendly: Record<string, string>): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = pathOf(issue);
    if (seen.has(path)) continue;
    seen.add(path);
    const own = issue.message && !issue.message.startsWith('Invalid ') ? issue.message : undefined;
    const fallback = friendly[path] ?? friendly[path.split('.')[0] ?? ''] ?? 'Check this answer';
    errors.push({ field: fieldId(path || 'form'), message: own ?? fallback });
  }
  return errors;
}

/** API validation errors carry a path too (never the rejected value); they map the same way. */
export function fieldErrorsFromProblem(problemErrors: readonly { path: string; message: string }[] | undefined, friendly: Record<string, string>): FieldError[] {
  return (problemErrors ?? []).map((e) => ({
    field: fieldId(e.path || 'form'),
    message: friendly[e.path] ?? e.message,
  }));
}

export function errorFor(errors: readonly FieldError[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}
