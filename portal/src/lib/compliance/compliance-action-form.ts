/**
 * Raising an action from an item a compliance check answered "no": the same questions as an
 * action from feedback (what must happen, why, owner, due date, priority) read by the same
 * form readers, with a `compliance` source and no team (the API takes the case's).
 */
import * as v from 'valibot';
import { CreateActionBody } from '@waypoint/shared/actions/action-schemas';
import type { ComplianceItem } from '@waypoint/shared/compliance/compliance-checklist';
import { FEEDBACK_ACTION_MESSAGES, type FeedbackActionValues } from '../actions/feedback-action-form.ts';
import { readDateParts } from '../audits/date-parts.ts';
import { blankErrors, firstErrorPerField } from '../audits/form-values.ts';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';

const FIELD_ORDER = ['finding', 'description', 'ownerId', 'dueDate', 'priority'];
const fieldOrder = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

export function complianceActionBody(source: { checkId: string; item: ComplianceItem }, values: FeedbackActionValues): { ok: true; body: CreateActionBody } | { ok: false; errors: FieldError[] } {
  const due = readDateParts(values.dueDate, 'The due date');
  const blanks = blankErrors({ description: values.description, ownerId: values.ownerId, priority: values.priority }, FEEDBACK_ACTION_MESSAGES);
  const dueErrors: FieldError[] = due.kind === 'invalid' ? [{ field: 'dueDate', message: due.message }] : due.kind === 'empty' ? [{ field: 'dueDate', message: FEEDBACK_ACTION_MESSAGES.dueDate! }] : [];
  const candidate = {
    source: { type: 'compliance', ...source },
    description: values.description,
    ...(values.finding.trim() ? { finding: values.finding } : {}),
    ownerId: values.ownerId,
    dueDate: due.kind === 'date' ? due.iso : '',
    priority: values.priority,
  };
  const result = v.safeParse(CreateActionBody, candidate);
  const schemaErrors = result.success ? [] : fieldErrorsFromIssues(result.issues, FEEDBACK_ACTION_MESSAGES);
  const errors = firstErrorPerField(blanks, dueErrors, schemaErrors).sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, body: result.output };
}
