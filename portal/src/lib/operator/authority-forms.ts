/**
 * The operator's forms: a new authority, and a change to one's status. What was typed comes
 * back with any errors, so nothing is lost; the shared schemas decide what is valid.
 */
import * as v from 'valibot';
import { ChangeTenantStatusBody, CreateTenantBody, type TenantStatus } from '@waypoint/shared/tenancy/tenant-schemas';
import { datePartsFromForm, readDateParts, type DateParts } from '../audits/date-parts.ts';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldError } from '../forms/form-errors.ts';

export interface AuthorityFormValues {
  name: string;
  slug: string;
  region: string;
  adminName: string;
  adminEmail: string;
}

export const EMPTY_AUTHORITY: AuthorityFormValues = { name: '', slug: '', region: '', adminName: '', adminEmail: '' };

export const AUTHORITY_FORM_MESSAGES: Record<string, string> = {
  name: 'Enter the authority’s name, up to 120 characters',
  slug: 'Enter a short address of 2 to 41 lower-case letters, digits or hyphens, such as northvale',
  region: 'Enter the region, up to 80 characters',
  adminName: 'Enter the first administrator’s name',
  adminEmail: 'Enter the first administrator’s work email address, like name@council.gov.uk',
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export function authorityFormValues(form: FormData): AuthorityFormValues {
  return { name: text(form, 'name'), slug: text(form, 'slug'), region: text(form, 'region'), adminName: text(form, 'adminName'), adminEmail: text(form, 'adminEmail') };
}

type Parsed<T> = { ok: true; body: T } | { ok: false; errors: FieldError[] };

export function newAuthorityFromForm(values: AuthorityFormValues): Parsed<CreateTenantBody> {
  const result = v.safeParse(CreateTenantBody, values);
  return result.success ? { ok: true, body: result.output } : { ok: false, errors: fieldErrorsFromIssues(result.issues, AUTHORITY_FORM_MESSAGES) };
}

/** The API's own words beside each field: a taken address or email (409) as much as bad input (400). */
export function apiAuthorityErrors(problem: { detail?: string; errors?: { path: string; message: string }[] }): FieldError[] {
  const errors = fieldErrorsFromProblem(problem.errors, {});
  return errors.length > 0 ? errors : [{ field: 'form', message: problem.detail ?? 'Check your answers' }];
}

/** The three things an operator can do to an authority, each confirmed on a page of its own. */
export const AUTHORITY_CHANGES = {
  suspend: { to: 'suspended', from: ['active', 'offboarding'], button: 'Suspend', done: 'is suspended. Its staff and the public see a page saying the service is paused.' },
  resume: { to: 'active', from: ['suspended', 'offboarding'], button: 'Resume', done: 'is active again.' },
  offboard: { to: 'offboarding', from: ['active', 'suspended'], button: 'Start offboarding', done: 'is leaving. It works as before until the day it leaves and is paused from then.' },
} as const satisfies Record<string, { to: TenantStatus; from: readonly TenantStatus[]; button: string; done: string }>;

export type AuthorityChange = keyof typeof AUTHORITY_CHANGES;

export function isAuthorityChange(value: string): value is AuthorityChange {
  return Object.hasOwn(AUTHORITY_CHANGES, value);
}

/** The changes open to an authority in its present status. */
export function changesFor(status: TenantStatus): AuthorityChange[] {
  return (Object.keys(AUTHORITY_CHANGES) as AuthorityChange[]).filter((change) => (AUTHORITY_CHANGES[change].from as readonly TenantStatus[]).includes(status));
}

/** What a refused change returns: its errors, the leaving day as typed, and whether someone else changed the authority first. */
export interface ChangeFailure {
  errors: FieldError[];
  leavesOn: DateParts;
  conflict?: boolean;
}

export function leavesOnFromForm(form: FormData): DateParts {
  return datePartsFromForm(form, 'leavesOn');
}

/** The body for a change; offboarding also needs the day the authority leaves. */
export function statusChangeFromForm(change: AuthorityChange, leavesOn: DateParts): Parsed<ChangeTenantStatusBody> {
  const to = AUTHORITY_CHANGES[change].to;
  if (to !== 'offboarding') return { ok: true, body: { status: to } };
  const reading = readDateParts(leavesOn, 'The day it leaves');
  if (reading.kind === 'empty') return { ok: false, errors: [{ field: 'leavesOn', message: 'Enter the day the authority leaves' }] };
  if (reading.kind === 'invalid') return { ok: false, errors: [{ field: 'leavesOn', message: reading.message }] };
  const result = v.safeParse(ChangeTenantStatusBody, { status: to, leavesOn: reading.iso });
  return result.success ? { ok: true, body: result.output } : { ok: false, errors: fieldErrorsFromIssues(result.issues, { leavesOn: 'Enter a real date' }) };
}
