/**
 * Raising an action from a theme of the learning view: like one from feedback it is about the
 * service, so it names the team it is for (chosen first, so the owners offered are that team's),
 * what must happen, why, who owns it, by when and how urgent.
 */
import * as v from 'valibot';
import { CreateActionBody } from '@waypoint/shared/actions/action-schemas';
import type { ShadowingTheme } from '@waypoint/shared/shadowing/shadowing-themes';
import { FEEDBACK_ACTION_MESSAGES, type FeedbackActionValues } from '../actions/feedback-action-form.ts';
import { readDateParts } from '../audits/date-parts.ts';
import { blankErrors, firstErrorPerField } from '../audits/form-values.ts';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';

export type ShadowingActionValues = FeedbackActionValues;

const ORDER = ['teamId', 'finding', 'description', 'ownerId', 'dueDate', 'priority'];
const rank = (e: FieldError) => (ORDER.includes(e.field) ? ORDER.indexOf(e.field) : ORDER.length);

export function shadowingActionBody(theme: ShadowingTheme, values: ShadowingActionValues): { ok: true; body: CreateActionBody } | { ok: false; errors: FieldError[] } {
  const due = readDateParts(values.dueDate, 'The due date');
  const blanks = blankErrors({ teamId: values.teamId, description: values.description, ownerId: values.ownerId, priority: values.priority }, FEEDBACK_ACTION_MESSAGES);
  const dueErrors: FieldError[] = due.kind === 'invalid' ? [{ field: 'dueDate', message: due.message }] : due.kind === 'empty' ? [{ field: 'dueDate', message: FEEDBACK_ACTION_MESSAGES.dueDate! }] : [];
  const candidate = {
    source: { type: 'shadowing', theme },
    teamId: values.teamId,
    description: values.description,
    ...(values.finding.trim() ? { finding: values.finding } : {}),
    ownerId: values.ownerId,
    dueDate: due.kind === 'date' ? due.iso : '',
    priority: values.priority,
  };
  const result = v.safeParse(CreateActionBody, candidate);
  const schemaErrors = result.success ? [] : fieldErrorsFromIssues(result.issues, FEEDBACK_ACTION_MESSAGES);
  const errors = firstErrorPerField(blanks, dueErrors, schemaErrors).sort((a, b) => rank(a) - rank(b));
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, body: result.output };
}
