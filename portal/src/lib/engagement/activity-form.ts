/** The activity form: what staff typed, and the API body it becomes after the shared schemas check it. */
import * as v from 'valibot';
import { CreateActivityBody, UpdateActivityBody, type EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import { datePartsFromForm, datePartsFromIso, EMPTY_DATE, readDateParts, type DateParts } from '../audits/date-parts.ts';
import { blankErrors, firstErrorPerField, formText } from '../audits/form-values.ts';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';

export interface ActivityFormValues {
  type: string;
  title: string;
  description: string;
  audience: string;
  templateId: string;
  opensOn: DateParts;
  closesOn: DateParts;
  teamId: string;
  caseType: string;
  publicLink: boolean;
  titleCy: string;
  descriptionCy: string;
}

export interface ActivityFormFailure {
  errors: FieldError[];
  values: ActivityFormValues;
  /** Someone else saved first; the page shows their version and keeps these values. */
  conflict?: boolean;
}

export const ACTIVITY_FORM_MESSAGES: Record<string, string> = {
  type: 'Choose survey, consultation or event',
  title: 'Enter a title of at most 120 characters',
  description: 'The description must be 1000 characters or fewer',
  audience: 'Choose who the activity asks',
  templateId: 'Choose the feedback form to use',
  opensOn: 'Enter the date it opens',
  closesOn: 'The closing date must be on or after the opening date',
  teamId: 'Choose a team',
  caseType: 'Choose a case type',
  'translations.cy.title': 'Enter the Welsh title, of at most 120 characters',
  'translations.cy.description': 'The Welsh description must be 1000 characters or fewer',
};

/** Ids of the inputs, so the error summary's links land on them. */
export const WELSH_TITLE_ID = 'translations-cy-title';
export const WELSH_DESCRIPTION_ID = 'translations-cy-description';

export function emptyActivityValues(): ActivityFormValues {
  return {
    type: 'survey',
    title: '',
    description: '',
    audience: '',
    templateId: '',
    opensOn: { ...EMPTY_DATE },
    closesOn: { ...EMPTY_DATE },
    teamId: '',
    caseType: '',
    publicLink: false,
    titleCy: '',
    descriptionCy: '',
  };
}

export function activityValuesFromForm(form: FormData): ActivityFormValues {
  return {
    type: formText(form, 'type'),
    title: formText(form, 'title'),
    description: formText(form, 'description'),
    audience: formText(form, 'audience'),
    templateId: formText(form, 'templateId'),
    opensOn: datePartsFromForm(form, 'opensOn'),
    closesOn: datePartsFromForm(form, 'closesOn'),
    teamId: formText(form, 'teamId'),
    caseType: formText(form, 'caseType'),
    publicLink: formText(form, 'publicLink') === 'yes',
    titleCy: formText(form, 'titleCy'),
    descriptionCy: formText(form, 'descriptionCy'),
  };
}

export function activityValuesFromActivity(a: EngagementActivity): ActivityFormValues {
  return {
    type: a.type,
    title: a.title,
    description: a.description ?? '',
    audience: a.audience,
    templateId: a.templateId,
    opensOn: datePartsFromIso(a.opensOn),
    closesOn: datePartsFromIso(a.closesOn),
    teamId: a.teamId ?? '',
    caseType: a.caseType ?? '',
    publicLink: a.publicLink,
    titleCy: a.translations?.cy?.title ?? '',
    descriptionCy: a.translations?.cy?.description ?? '',
  };
}

type Result<B> = { ok: true; body: B } | { ok: false; errors: FieldError[] };

/** The dates, the Welsh text and the fields both forms share, read the same way. */
function common(values: ActivityFormValues) {
  const errors: FieldError[] = [];
  const opens = readDateParts(values.opensOn, 'The opening date');
  const closes = readDateParts(values.closesOn, 'The closing date');
  if (opens.kind === 'empty') errors.push({ field: 'opensOn', message: ACTIVITY_FORM_MESSAGES.opensOn! });
  if (opens.kind === 'invalid') errors.push({ field: 'opensOn', message: opens.message });
  if (closes.kind === 'invalid') errors.push({ field: 'closesOn', message: closes.message });
  const titleCy = values.titleCy.trim();
  const descriptionCy = values.descriptionCy.trim();
  if (!titleCy && descriptionCy) errors.push({ field: WELSH_TITLE_ID, message: 'Enter the Welsh title as well as the Welsh description' });
  const welsh = titleCy ? { cy: { title: titleCy, ...(descriptionCy ? { description: descriptionCy } : {}) } } : undefined;
  return {
    errors,
    opensOn: opens.kind === 'date' ? opens.iso : '',
    closesOn: closes.kind === 'date' ? closes.iso : undefined,
    welsh,
    description: values.description.trim(),
  };
}

function parse<S extends v.GenericSchema>(schema: S, candidate: Record<string, unknown>, before: FieldError[], blanks: FieldError[]): Result<v.InferOutput<S>> {
  const result = v.safeParse(schema, candidate);
  const errors = firstErrorPerField(before, blanks, result.success ? [] : fieldErrorsFromIssues(result.issues, ACTIVITY_FORM_MESSAGES));
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, body: result.output };
}

export function createBodyFromActivityForm(values: ActivityFormValues): Result<CreateActivityBody> {
  const c = common(values);
  const blanks = blankErrors({ type: values.type, title: values.title, audience: values.audience, templateId: values.templateId }, ACTIVITY_FORM_MESSAGES);
  return parse(
    CreateActivityBody,
    {
      type: values.type,
      title: values.title,
      ...(c.description ? { description: c.description } : {}),
      audience: values.audience,
      templateId: values.templateId,
      opensOn: c.opensOn,
      ...(c.closesOn ? { closesOn: c.closesOn } : {}),
      ...(values.teamId ? { teamId: values.teamId } : {}),
      ...(values.caseType ? { caseType: values.caseType } : {}),
      publicLink: values.publicLink,
      ...(c.welsh ? { translations: c.welsh } : {}),
    },
    c.errors,
    blanks,
  );
}

/** Every editable field is sent, so emptying one clears it (`null`); the audience and form never change. */
export function updateBodyFromActivityForm(values: ActivityFormValues): Result<UpdateActivityBody> {
  const c = common(values);
  const blanks = blankErrors({ type: values.type, title: values.title }, ACTIVITY_FORM_MESSAGES);
  return parse(
    UpdateActivityBody,
    {
      type: values.type,
      title: values.title,
      description: c.description || null,
      opensOn: c.opensOn,
      closesOn: c.closesOn ?? null,
      teamId: values.teamId || null,
      caseType: values.caseType || null,
      publicLink: values.publicLink,
      translations: c.welsh ?? null,
    },
    c.errors,
    blanks,
  );
}
