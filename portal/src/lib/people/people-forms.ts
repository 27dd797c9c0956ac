/**
 * The user and team forms: what the admin typed, and the API body it becomes after the
 * shared schemas check it. A failed post returns the values, so nothing typed is lost.
 */
import * as v from 'valibot';
import { CreateTeamBody, UpdateTeamBody } from '@waypoint/shared/teams/team-schemas';
import { CreateUserBody, UpdateUserBody } from '@waypoint/shared/users/user-schemas';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';

export interface UserFormValues {
  name: string;
  email: string;
  role: string;
  teamIds: string[];
}

export interface TeamFormValues {
  name: string;
  service: string;
  managerId: string;
}

export interface FormFailure<Values> {
  errors: FieldError[];
  values: Values;
  /** Someone else changed the record since the page was read: show the latest, keep the typing. */
  conflict?: boolean;
}

export const USER_FORM_MESSAGES: Record<string, string> = {
  name: 'Enter their name, up to 120 characters',
  email: 'Enter their work email address, like name@council.gov.uk',
  role: 'Choose a role',
  teamIds: 'Choose at most 20 teams',
};

export const TEAM_FORM_MESSAGES: Record<string, string> = {
  name: 'Enter the team’s name, up to 80 characters',
  service: 'Enter the service, up to 80 characters',
  managerId: 'Choose who leads the team',
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export function userFormValues(form: FormData): UserFormValues {
  return { name: text(form, 'name'), email: text(form, 'email'), role: text(form, 'role'), teamIds: form.getAll('teamIds').filter((t): t is string => typeof t === 'string') };
}

export function teamFormValues(form: FormData): TeamFormValues {
  return { name: text(form, 'name'), service: text(form, 'service'), managerId: text(form, 'managerId') };
}

type Parsed<T> = { ok: true; body: T } | { ok: false; errors: FieldError[] };

function parse<T>(schema: v.GenericSchema<unknown, T>, input: unknown, messages: Record<string, string>): Parsed<T> {
  const result = v.safeParse(schema, input);
  return result.success ? { ok: true, body: result.output } : { ok: false, errors: teamErrorsToOneField(fieldErrorsFromIssues(result.issues, messages)) };
}

/** Each team box is its own input, but the summary links to the group's first box, `teamIds`. */
function teamErrorsToOneField(errors: FieldError[]): FieldError[] {
  return errors.map((e) => (e.field.startsWith('teamIds-') ? { ...e, field: 'teamIds' } : e));
}

export function newUserFromForm(values: UserFormValues): Parsed<CreateUserBody> {
  return parse(CreateUserBody, { name: values.name, email: values.email, role: values.role || undefined, teamIds: values.teamIds }, USER_FORM_MESSAGES);
}

export function userChangeFromForm(values: Pick<UserFormValues, 'role' | 'teamIds'>): Parsed<UpdateUserBody> {
  return parse(UpdateUserBody, { role: values.role || '', teamIds: values.teamIds }, USER_FORM_MESSAGES);
}

export function newTeamFromForm(values: TeamFormValues): Parsed<CreateTeamBody> {
  return parse(CreateTeamBody, { name: values.name, ...(values.service.trim() ? { service: values.service } : {}), ...(values.managerId ? { managerId: values.managerId } : {}) }, TEAM_FORM_MESSAGES);
}

/** An empty manager choice means nobody leads the team now. */
export function teamChangeFromForm(values: TeamFormValues): Parsed<UpdateTeamBody> {
  return parse(UpdateTeamBody, { name: values.name, service: values.service.trim(), managerId: values.managerId || null }, TEAM_FORM_MESSAGES);
}

/** The API's field errors for these forms, with team paths (`teamIds.2`) pointing at the group. */
export function apiFieldErrors(problemErrors: readonly { path: string; message: string }[] | undefined): FieldError[] {
  return teamErrorsToOneField((problemErrors ?? []).map((e) => ({ field: e.path.replace(/\./g, '-') || 'form', message: e.message })));
}
