/**
 * Engagement activities: a survey, consultation or event that asks one audience, between
 * two dates, with a pinned version of a feedback form and optionally one team or case type.
 */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { IsoDate } from '../audits/audit-dates.ts';
import { CASE_TYPES, EntityId, type CaseType } from '../cases/case-schemas.ts';
import { TemplateId } from '../templates/template-schemas.ts';
import { TRANSLATION_LANGUAGES, type TranslationLanguage } from '../templates/template-translations.ts';
import { AudienceValue, type Audience } from './audiences.ts';

export const ACTIVITY_TYPES = ['survey', 'consultation', 'event'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = { survey: 'Survey', consultation: 'Consultation', event: 'Event' };

/** Derived from the dates on every read, never stored: today in Europe/London decides. */
export const ACTIVITY_STATES = ['scheduled', 'open', 'closed'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];
export const ACTIVITY_STATE_LABELS: Record<ActivityState, string> = { scheduled: 'Not open yet', open: 'Open', closed: 'Closed' };

/** Activity ids are ULIDs; the same safe alphabet as every other id. */
export const ActivityId = EntityId;

const Title = Text({ max: 120, required: 'Enter a title' });
const Description = Text({ max: 1000, required: 'Enter some text', lines: 'many' });

/** One language's title and (optionally) description. */
export const ActivityTranslation = v.strictObject({ title: Title, description: v.optional(Description) });
export type ActivityTranslation = v.InferOutput<typeof ActivityTranslation>;

/**
 * The title and description in each language the public area speaks besides English; a
 * language left out shows the English. Stored activities with only `cy` stay valid.
 */
export const ActivityTranslations = v.strictObject(Object.fromEntries(TRANSLATION_LANGUAGES.map((language) => [language, v.optional(ActivityTranslation)])) as Record<TranslationLanguage, v.OptionalSchema<typeof ActivityTranslation, undefined>>);
export type ActivityTranslations = v.InferOutput<typeof ActivityTranslations>;

const closesAfterOpening = (a: { opensOn?: string; closesOn?: string | null }) => !a.opensOn || !a.closesOn || a.closesOn >= a.opensOn;
const CLOSES_AFTER = 'The closing date must be on or after the opening date';

export const CreateActivityBody = v.pipe(
  v.strictObject({
    type: v.picklist(ACTIVITY_TYPES, 'Choose survey, consultation or event'),
    title: Title,
    description: v.optional(Description),
    audience: AudienceValue,
    /** A feedback form; its newest version is pinned and never changes for this activity. */
    templateId: TemplateId,
    opensOn: IsoDate,
    /** Absent: open until someone sets a closing date. */
    closesOn: v.optional(IsoDate),
    teamId: v.optional(EntityId),
    caseType: v.optional(v.picklist(CASE_TYPES)),
    /** Anyone with the activity's public link may answer anonymously, without a code. */
    publicLink: v.optional(v.boolean(), false),
    translations: v.optional(ActivityTranslations),
  }),
  v.forward(
    v.check((a) => closesAfterOpening(a), CLOSES_AFTER),
    ['closesOn'],
  ),
);
export type CreateActivityBody = v.InferOutput<typeof CreateActivityBody>;

/**
 * The audience and form are fixed once created; `null` clears an optional field.
 * `translations` replaces every language at once (send them all), and `null` or `{}` clears them.
 */
export const UpdateActivityBody = v.pipe(
  v.strictObject({
    type: v.optional(v.picklist(ACTIVITY_TYPES, 'Choose survey, consultation or event')),
    title: v.optional(Title),
    description: v.optional(v.nullable(Description)),
    opensOn: v.optional(IsoDate),
    closesOn: v.optional(v.nullable(IsoDate)),
    teamId: v.optional(v.nullable(EntityId)),
    caseType: v.optional(v.nullable(v.picklist(CASE_TYPES))),
    publicLink: v.optional(v.boolean()),
    translations: v.optional(v.nullable(ActivityTranslations)),
  }),
  v.forward(
    v.check((a) => closesAfterOpening(a), CLOSES_AFTER),
    ['closesOn'],
  ),
);
export type UpdateActivityBody = v.InferOutput<typeof UpdateActivityBody>;

export const ListActivitiesQuery = v.object({
  state: v.optional(v.picklist(ACTIVITY_STATES)),
  audience: v.optional(AudienceValue),
  team: v.optional(EntityId),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'limit must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(100))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});

export interface EngagementActivity {
  id: string;
  type: ActivityType;
  title: string;
  description?: string;
  audience: Audience;
  templateId: string;
  templateVersion: number;
  /** The pinned form's name, so lists need not read the form. */
  formName: string;
  opensOn: string;
  closesOn?: string;
  teamId?: string;
  caseType?: CaseType;
  publicLink: boolean;
  translations?: ActivityTranslations;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What the API returns: the stored activity and its state today. */
export interface ActivityView extends EngagementActivity {
  state: ActivityState;
}

export interface ActivityPage {
  items: ActivityView[];
  nextCursor: string | null;
}

/** `today` is a London date (`YYYY-MM-DD`); an activity is open all day on both its dates. */
export function activityState(activity: Pick<EngagementActivity, 'opensOn' | 'closesOn'>, today: string): ActivityState {
  if (today < activity.opensOn) return 'scheduled';
  if (activity.closesOn !== undefined && today > activity.closesOn) return 'closed';
  return 'open';
}
