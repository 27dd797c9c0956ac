/**
 * The work shadowing forms: what was typed, read back from a post, and the API body it becomes
 * after the same schemas the API uses have checked it. Dates are typed in the GOV.UK boxes.
 */
import * as v from 'valibot';
import { BookShadowingBody, ConsentBody, PractitionerFeedbackBody, ShadowerFeedbackBody, ShadowingAnswerBody, WithdrawConsentBody, type ShadowingSide } from '@waypoint/shared/shadowing/shadowing-schemas';
import { datePartsFromForm, EMPTY_DATE, readDateParts, type DateParts } from '../audits/date-parts.ts';
import { blankErrors, firstErrorPerField, formText } from '../audits/form-values.ts';
import { normaliseTime } from '../audits/meeting-form.ts';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldError } from '../forms/form-errors.ts';

export type Parsed<T> = { ok: true; body: T } | { ok: false; errors: FieldError[] };

/** Checks a candidate body with the API's schema; blanks and bad dates first, in the form's order. */
function parse<S extends v.GenericSchema>(schema: S, candidate: unknown, options: { order: readonly string[]; messages: Record<string, string>; early?: FieldError[] }): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, candidate);
  const schemaErrors = result.success ? [] : fieldErrorsFromIssues(result.issues, options.messages);
  const rank = (e: FieldError) => (options.order.includes(e.field) ? options.order.indexOf(e.field) : options.order.length);
  const errors = firstErrorPerField(options.early ?? [], schemaErrors).sort((a, b) => rank(a) - rank(b));
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, body: result.output };
}

/** A day typed in the boxes: its ISO form, or the error to show on the field. */
function readDay(parts: DateParts, field: string, describe: string, empty: string): { iso: string; errors: FieldError[] } {
  const reading = readDateParts(parts, describe);
  if (reading.kind === 'date') return { iso: reading.iso, errors: [] };
  return { iso: '', errors: [{ field, message: reading.kind === 'invalid' ? reading.message : empty }] };
}

/** The API's 400 names body paths; these forms' fields are named the same. */
export function errorsFromProblem(problemErrors: readonly { path: string; message: string }[] | undefined, order: readonly string[]): FieldError[] {
  const rank = (e: FieldError) => (order.includes(e.field) ? order.indexOf(e.field) : order.length);
  return fieldErrorsFromProblem(problemErrors, {}).sort((a, b) => rank(a) - rank(b));
}

// Booking.

export interface BookingValues {
  practitionerId: string;
  work: string;
  date: DateParts;
  time: string;
  description: string;
}

export const BOOKING_ORDER = ['practitionerId', 'work', 'date', 'time', 'description'] as const;
const BOOKING_MESSAGES: Record<string, string> = {
  practitionerId: 'Choose the practitioner whose work you will shadow',
  work: 'Choose a visit, a meeting or a duty shift',
  description: 'Say what the work is, without naming the family',
};

export const EMPTY_BOOKING: BookingValues = { practitionerId: '', work: '', date: { ...EMPTY_DATE }, time: '', description: '' };

export function bookingValuesFromForm(form: FormData): BookingValues {
  return { practitionerId: formText(form, 'practitionerId'), work: formText(form, 'work'), date: datePartsFromForm(form, 'date'), time: formText(form, 'time'), description: formText(form, 'description') };
}

export function bookingBody(values: BookingValues): Parsed<BookShadowingBody> {
  const day = readDay(values.date, 'date', 'The day of the work', 'Enter the day of the work');
  const time = normaliseTime(values.time);
  const early = [...blankErrors({ practitionerId: values.practitionerId, work: values.work }, BOOKING_MESSAGES), ...day.errors];
  const candidate = { practitionerId: values.practitionerId, work: values.work, date: day.iso, ...(time ? { time } : {}), description: values.description };
  return parse(BookShadowingBody, candidate, { order: BOOKING_ORDER, messages: { ...BOOKING_MESSAGES, time: 'Enter the time on the 24-hour clock, for example 14:30' }, early });
}

// The practitioner's answer.

export interface AnswerValues {
  answer: string;
  reason: string;
}

export function answerValuesFromForm(form: FormData): AnswerValues {
  return { answer: formText(form, 'answer'), reason: formText(form, 'reason') };
}

export function answerBody(values: AnswerValues): Parsed<ShadowingAnswerBody> {
  const reason = values.answer === 'decline' && values.reason.trim() ? { reason: values.reason } : {};
  return parse(
    ShadowingAnswerBody,
    { answer: values.answer, ...reason },
    { order: ['answer', 'reason'], messages: { answer: 'Choose whether you agree to be shadowed' }, early: blankErrors({ answer: values.answer }, { answer: 'Choose whether you agree to be shadowed' }) },
  );
}

// The family's consent, and its withdrawal.

export interface ConsentValues {
  givenBy: string;
  how: string;
  givenOn: DateParts;
}

export function consentValuesFromForm(form: FormData): ConsentValues {
  return { givenBy: formText(form, 'givenBy'), how: formText(form, 'how'), givenOn: datePartsFromForm(form, 'givenOn') };
}

export function consentBody(values: ConsentValues): Parsed<ConsentBody> {
  const day = readDay(values.givenOn, 'givenOn', 'The day consent was given', 'Enter the day consent was given');
  const messages = { givenBy: 'Say who gave consent (for example “the child’s mother”), not their name', how: 'Choose how consent was given' };
  return parse(ConsentBody, { givenBy: values.givenBy, how: values.how, givenOn: day.iso }, { order: ['givenBy', 'how', 'givenOn'], messages, early: [...blankErrors({ how: values.how }, messages), ...day.errors] });
}

export interface WithdrawalValues {
  how: string;
  withdrawnOn: DateParts;
  note: string;
}

export function withdrawalValuesFromForm(form: FormData): WithdrawalValues {
  return { how: formText(form, 'how'), withdrawnOn: datePartsFromForm(form, 'withdrawnOn'), note: formText(form, 'note') };
}

export function withdrawalBody(values: WithdrawalValues): Parsed<WithdrawConsentBody> {
  const day = readDay(values.withdrawnOn, 'withdrawnOn', 'The day consent was withdrawn', 'Enter the day consent was withdrawn');
  const messages = { how: 'Choose how consent was withdrawn' };
  const candidate = { how: values.how, withdrawnOn: day.iso, ...(values.note.trim() ? { note: values.note } : {}) };
  return parse(WithdrawConsentBody, candidate, { order: ['how', 'withdrawnOn', 'note'], messages, early: [...blankErrors({ how: values.how }, messages), ...day.errors] });
}

// Feedback: each side has its own fields.

export type FeedbackValues = Record<string, string>;

export const FEEDBACK_FIELDS: Record<ShadowingSide, readonly string[]> = { shadower: ['forPractitioner'], practitioner: ['aboutShadower', 'forLeaders'] };

export function feedbackValuesFromForm(form: FormData, side: ShadowingSide): FeedbackValues {
  return Object.fromEntries(FEEDBACK_FIELDS[side].map((f) => [f, formText(form, f)]));
}

export function feedbackBody(values: FeedbackValues, side: ShadowingSide): Parsed<Record<string, string>> {
  return parse(side === 'shadower' ? ShadowerFeedbackBody : PractitionerFeedbackBody, values, { order: FEEDBACK_FIELDS[side], messages: {} });
}
