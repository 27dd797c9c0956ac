/**
 * Raising an action from a feedback comment: what must happen, why (in staff's own words,
 * never the comment copied), who owns it, by when, how urgent, and for an activity for the
 * whole authority, which team it is for (asked first, so the owners offered are that team's).
 */
import * as v from 'valibot';
import { CreateActionBody } from '@waypoint/shared/actions/action-schemas';
import { datePartsFromForm, readDateParts, type DateParts } from '../audits/date-parts.ts';
import { blankErrors, firstErrorPerField, formText } from '../audits/form-values.ts';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldError } from '../forms/form-errors.ts';

export interface FeedbackActionValues {
  teamId: string;
  finding: string;
  description: string;
  ownerId: string;
  dueDate: DateParts;
  priority: string;
}

export const FEEDBACK_ACTION_MESSAGES: Record<string, string> = {
  teamId: 'Select the team the action is for',
  description: 'Say what must happen',
  ownerId: 'Select who owns the action',
  dueDate: 'Enter the date the action is due',
  priority: 'Select the priority',
};

/** The error summary follows the order of the form. */
const FIELD_ORDER = ['teamId', 'finding', 'description', 'ownerId', 'dueDate', 'priority'];
const fieldOrder = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

export function feedbackActionValuesFromForm(form: FormData): FeedbackActionValues {
  return {
    teamId: formText(form, 'teamId'),
    finding: formText(form, 'finding'),
    description: formText(form, 'description'),
    ownerId: formText(form, 'ownerId'),
    dueDate: datePartsFromForm(form, 'dueDate'),
    priority: formText(form, 'priority'),
  };
}

/** The team asked for (a query or form value), when it is one of those offered. */
export function chosenTeam<T extends { value: string }>(teamId: string | null | undefined, teams: readonly T[]): T | undefined {
  return teamId ? teams.find((t) => t.value === teamId) : undefined;
}

/** `needsTeam`: the activity is for the whole authority, so the form asks which team. */
export function feedbackActionBody(
  source: { activityId: string; responseId: string } | Extract<CreateActionBody['source'], { type: 'review' }>,
  values: FeedbackActionValues,
  needsTeam: boolean,
): { ok: true; body: CreateActionBody } | { ok: false; errors: FieldError[] } {
  const due = readDateParts(values.dueDate, 'The due date');
  const required = { ...(needsTeam ? { teamId: values.teamId } : {}), description: values.description, ownerId: values.ownerId, priority: values.priority };
  const blanks = blankErrors(required, FEEDBACK_ACTION_MESSAGES);
  const dueErrors: FieldError[] = due.kind === 'invalid' ? [{ field: 'dueDate', message: due.message }] : due.kind === 'empty' ? [{ field: 'dueDate', message: FEEDBACK_ACTION_MESSAGES.dueDate! }] : [];
  const candidate = {
    // A thematic review's recommendation raises the same kind of action, about the service and for a chosen team.
    source: 'type' in source ? source : { type: 'feedback', ...source },
    description: values.description,
    ...(values.finding.trim() ? { finding: values.finding } : {}),
    ownerId: values.ownerId,
    dueDate: due.kind === 'date' ? due.iso : '',
    priority: values.priority,
    ...(needsTeam && values.teamId ? { teamId: values.teamId } : {}),
  };
  const result = v.safeParse(CreateActionBody, candidate);
  const schemaErrors = result.success ? [] : fieldErrorsFromIssues(result.issues, FEEDBACK_ACTION_MESSAGES);
  const errors = firstErrorPerField(blanks, dueErrors, schemaErrors).sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, body: result.output };
}

/** The API's 400 names body paths; those of this form are flat already. */
export function feedbackActionErrorsFromProblem(problemErrors: readonly { path: string; message: string }[] | undefined): FieldError[] {
  return fieldErrorsFromProblem(problemErrors, {}).sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
}
