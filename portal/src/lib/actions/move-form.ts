/**
 * A lifecycle move's form turned into the API body with the shared schemas, so the page
 * refuses what the API would refuse before posting, with the same messages.
 */
import * as v from 'valibot';
import { ACTION_MOVES, type ActionMove } from '@waypoint/shared/actions/action-lifecycle';
import { CancelActionBody, CompleteActionBody, ReopenActionBody, VerifyActionBody } from '@waypoint/shared/actions/action-schemas';
import { readDateParts, type DateParts } from '../audits/date-parts.ts';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';

/** What the person typed, shown again beside the errors. */
export interface MoveValues {
  evidence: string;
  doneOn: DateParts;
  note: string;
  reason: string;
}

export type MoveReading = { ok: true; body: unknown } | { ok: false; errors: FieldError[] };

export function isActionMove(value: string): value is ActionMove {
  return (ACTION_MOVES as readonly string[]).includes(value);
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function moveValues(form: FormData): MoveValues {
  return {
    evidence: text(form, 'evidence'),
    doneOn: { day: text(form, 'doneOn-day'), month: text(form, 'doneOn-month'), year: text(form, 'doneOn-year') },
    note: text(form, 'note'),
    reason: text(form, 'reason'),
  };
}

export function readMove(move: ActionMove, values: MoveValues): MoveReading {
  switch (move) {
    case 'start':
      return { ok: true, body: undefined };
    case 'complete': {
      const date = readDateParts(values.doneOn, 'The day it was done');
      const errors: FieldError[] = [];
      const parsed = v.safeParse(CompleteActionBody, { evidence: values.evidence, doneOn: date.kind === 'date' ? date.iso : '' });
      if (!parsed.success) errors.push(...fieldErrorsFromIssues(parsed.issues, { evidence: 'Say what was done and where the evidence is' }).filter((e) => e.field !== 'doneOn'));
      if (date.kind === 'empty') errors.push({ field: 'doneOn', message: 'Enter the day it was done' });
      if (date.kind === 'invalid') errors.push({ field: 'doneOn', message: date.message });
      return errors.length > 0 || !parsed.success ? { ok: false, errors } : { ok: true, body: parsed.output };
    }
    case 'verify': {
      const parsed = v.safeParse(VerifyActionBody, values.note.trim() ? { note: values.note } : {});
      return parsed.success ? { ok: true, body: parsed.output } : { ok: false, errors: fieldErrorsFromIssues(parsed.issues, {}) };
    }
    case 'reopen':
    case 'cancel': {
      const parsed = v.safeParse(move === 'reopen' ? ReopenActionBody : CancelActionBody, { reason: values.reason });
      return parsed.success ? { ok: true, body: parsed.output } : { ok: false, errors: fieldErrorsFromIssues(parsed.issues, { reason: 'Give a reason' }) };
    }
  }
}
