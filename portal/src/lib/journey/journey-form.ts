/** The form that records an event on the child's journey: type, date (three boxes) and note, checked by the API's own schema. */
import * as v from 'valibot';
import { CreateJourneyEventBody } from '@waypoint/shared/journey/journey-schemas';
import { datePartsFromForm, EMPTY_DATE, readDateParts, type DateParts } from '../audits/date-parts.ts';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';

export interface JourneyEventFormValues {
  type: string;
  date: DateParts;
  note: string;
}

export const EMPTY_JOURNEY_EVENT: JourneyEventFormValues = { type: '', date: { ...EMPTY_DATE }, note: '' };

export const JOURNEY_FORM_MESSAGES: Record<string, string> = {
  type: 'Select the type of event',
  date: 'Enter the date of the event',
  note: 'The note must be 500 characters or fewer',
};

export function journeyEventValuesFromForm(form: FormData): JourneyEventFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return { type: text('type'), date: datePartsFromForm(form, 'date'), note: text('note') };
}

export function journeyEventBodyFromForm(values: JourneyEventFormValues): { ok: true; body: CreateJourneyEventBody } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!values.type) errors.push({ field: 'type', message: JOURNEY_FORM_MESSAGES.type! });
  const date = readDateParts(values.date, 'The date of the event');
  if (date.kind === 'empty') errors.push({ field: 'date', message: JOURNEY_FORM_MESSAGES.date! });
  if (date.kind === 'invalid') errors.push({ field: 'date', message: date.message });
  const note = values.note.trim();
  const parsed = v.safeParse(CreateJourneyEventBody, { type: values.type, date: date.kind === 'date' ? date.iso : '', ...(note ? { note } : {}) });
  if (!parsed.success) {
    const known = new Set(errors.map((e) => e.field));
    errors.push(...fieldErrorsFromIssues(parsed.issues, JOURNEY_FORM_MESSAGES).filter((e) => !known.has(e.field)));
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.output };
}
