/** The activity form: what staff typed, and the API body it becomes after the shared schemas check it. */
import * as v from 'valibot';
import { CreateActivityBody, UpdateActivityBody, type ActivityTranslations, type EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import { TRANSLATION_LANGUAGES, type TranslationLanguage } from '@waypoint/shared/templates/template-translations';
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
  /** What was typed for each language; both empty means no translation. */
  translations: Record<TranslationLanguage, TranslationValues>;
}

export interface TranslationValues {
  title: string;
  description: string;
}

export interface ActivityFormFailure {
  errors: FieldError[];
  values: ActivityFormValues;
  /** Someone else saved first; the page shows their version and keeps these values. */
  conflict?: boolean;
}

const TITLE_MAX = 120;
const DESCRIPTION_MAX = 1000;

/** How the form names each language after "Title" or "Description" ("Title in Welsh"). */
export const IN_LANGUAGE: Record<TranslationLanguage, string> = { cy: 'in Welsh', pl: 'in Polish', ur: 'in Urdu', easy: 'in easy read' };

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
  ...Object.fromEntries(
    TRANSLATION_LANGUAGES.flatMap((language) => [
      [`translations.${language}.title`, `Enter the title ${IN_LANGUAGE[language]}, of at most ${TITLE_MAX} characters`],
      [`translations.${language}.description`, `The description ${IN_LANGUAGE[language]} must be ${DESCRIPTION_MAX} characters or fewer`],
    ]),
  ),
};

/** The input's id and name for one language's title or description: the API's error path with dashes, so its errors land on it too. */
export function translationFieldId(language: TranslationLanguage, field: keyof TranslationValues): string {
  return `translations-${language}-${field}`;
}

function emptyTranslations(): Record<TranslationLanguage, TranslationValues> {
  return Object.fromEntries(TRANSLATION_LANGUAGES.map((language) => [language, { title: '', description: '' }])) as Record<TranslationLanguage, TranslationValues>;
}

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
    translations: emptyTranslations(),
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
    translations: Object.fromEntries(TRANSLATION_LANGUAGES.map((language) => [language, { title: formText(form, translationFieldId(language, 'title')), description: formText(form, translationFieldId(language, 'description')) }])) as Record<
      TranslationLanguage,
      TranslationValues
    >,
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
    translations: Object.fromEntries(TRANSLATION_LANGUAGES.map((language) => [language, { title: a.translations?.[language]?.title ?? '', description: a.translations?.[language]?.description ?? '' }])) as Record<TranslationLanguage, TranslationValues>,
  };
}

type Result<B> = { ok: true; body: B } | { ok: false; errors: FieldError[] };

/**
 * Every language's text, as the API takes it: a language with neither box filled is left
 * out, so the whole set can be sent on each save. Errors name the language, so the summary
 * says which of the boxes is wrong.
 */
function readTranslations(values: Record<TranslationLanguage, TranslationValues>): { translations: ActivityTranslations | undefined; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const translations: ActivityTranslations = {};
  for (const language of TRANSLATION_LANGUAGES) {
    const title = values[language].title.trim();
    const description = values[language].description.trim();
    const inLanguage = IN_LANGUAGE[language];
    if (!title && description) errors.push({ field: translationFieldId(language, 'title'), message: `Enter the title ${inLanguage} as well as the description` });
    if (title.length > TITLE_MAX) errors.push({ field: translationFieldId(language, 'title'), message: `The title ${inLanguage} must be ${TITLE_MAX} characters or fewer` });
    if (description.length > DESCRIPTION_MAX) errors.push({ field: translationFieldId(language, 'description'), message: `The description ${inLanguage} must be ${DESCRIPTION_MAX} characters or fewer` });
    if (title) translations[language] = { title, ...(description ? { description } : {}) };
  }
  return { translations: Object.keys(translations).length > 0 ? translations : undefined, errors };
}

/** The dates and the fields both forms share, read the same way. */
function common(values: ActivityFormValues) {
  const errors: FieldError[] = [];
  const opens = readDateParts(values.opensOn, 'The opening date');
  const closes = readDateParts(values.closesOn, 'The closing date');
  if (opens.kind === 'empty') errors.push({ field: 'opensOn', message: ACTIVITY_FORM_MESSAGES.opensOn! });
  if (opens.kind === 'invalid') errors.push({ field: 'opensOn', message: opens.message });
  if (closes.kind === 'invalid') errors.push({ field: 'closesOn', message: closes.message });
  const { translations, errors: translationErrors } = readTranslations(values.translations);
  return {
    errors,
    translationErrors,
    opensOn: opens.kind === 'date' ? opens.iso : '',
    closesOn: closes.kind === 'date' ? closes.iso : undefined,
    translations,
    description: values.description.trim(),
  };
}

/** The translations come last on the page, so their errors come last in the summary. */
function parse<S extends v.GenericSchema>(schema: S, candidate: Record<string, unknown>, before: FieldError[], blanks: FieldError[], last: FieldError[]): Result<v.InferOutput<S>> {
  const result = v.safeParse(schema, candidate);
  const errors = firstErrorPerField(before, blanks, last, result.success ? [] : fieldErrorsFromIssues(result.issues, ACTIVITY_FORM_MESSAGES));
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
      ...(c.translations ? { translations: c.translations } : {}),
    },
    c.errors,
    blanks,
    c.translationErrors,
  );
}

/**
 * Every editable field is sent, so emptying one clears it (`null`); the audience and form never
 * change. Translations go as the whole set (the API replaces it), so no language is dropped by accident.
 */
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
      translations: c.translations ?? null,
    },
    c.errors,
    blanks,
    c.translationErrors,
  );
}
