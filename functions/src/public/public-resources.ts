/** Response schemas of the public engagement routes in the OpenAPI document. */
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { ACTIVITY_TYPES } from '@waypoint/shared/engagement/activity-schemas';
import { AUDIENCES } from '@waypoint/shared/engagement/audiences';
import { FACES } from '@waypoint/shared/engagement/feedback-points';
import { ENGAGEMENT_LANGUAGES } from '@waypoint/shared/engagement/languages';
import { HONEYPOT_FIELD, RESPONSE_STATES } from '@waypoint/shared/engagement/response-schemas';
import { PartId } from '@waypoint/shared/templates/template-schemas';

const Colour = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/));
const Language = v.picklist(ENGAGEMENT_LANGUAGES);

export const PublicAuthorityResource = v.pipe(
  v.object({
    slug: v.string(),
    name: v.string(),
    primaryColour: Colour,
    accentColour: Colour,
    dutyPhone: v.pipe(v.string(), v.description('The authority’s duty number, for the help panel')),
    languages: v.array(Language),
  }),
  v.title('PublicAuthority'),
);

export const PublicActivityResource = v.pipe(
  v.object({
    id: EntityId,
    type: v.picklist(ACTIVITY_TYPES),
    title: v.string(),
    titleLanguage: v.pipe(Language, v.description('The language the title is in: the one asked for, or `en` where the activity has no translation for it')),
    description: v.optional(v.string()),
    descriptionLanguage: v.optional(v.pipe(Language, v.description('As `titleLanguage`, for the description'))),
    audience: v.picklist(AUDIENCES),
    closesOn: v.optional(v.pipe(v.string(), v.isoDate())),
  }),
  v.title('PublicActivity'),
);

export const PublicAuthorityPageResource = v.pipe(
  v.object({ ...PublicAuthorityResource.entries, openActivities: v.pipe(v.array(PublicActivityResource), v.description('Open activities anyone may answer through their public link')) }),
  v.title('PublicAuthorityPage'),
);

export const SessionStartedResource = v.pipe(
  v.object({
    token: v.pipe(v.string(), v.description('Send as `Authorization: Bearer <token>` on the response routes')),
    expiresAt: v.pipe(v.string(), v.isoTimestamp()),
    activityId: EntityId,
    responseId: EntityId,
    resumed: v.pipe(v.boolean(), v.description('A single-use code came back to its half-finished response')),
  }),
  v.title('SessionStarted'),
);

const AnswersResource = v.pipe(v.record(PartId, v.record(PartId, v.string())), v.description('`{ sectionId: { questionId: value } }`'));

export const PublicResponseResource = v.pipe(
  v.object({
    authority: PublicAuthorityResource,
    activity: PublicActivityResource,
    presentation: v.object({
      pageBy: v.pipe(v.picklist(['question', 'section']), v.description('One question per page, or a section’s questions together')),
      faces: v.pipe(v.boolean(), v.description('Draw the three points as faces, each with its text label')),
      adultMayHelp: v.boolean(),
    }),
    form: v.object({
      templateId: v.string(),
      version: v.pipe(v.number(), v.integer()),
      language: Language,
      name: v.string(),
      nameLanguage: v.pipe(Language, v.description('The language the name is in: the one asked for, or `en` where the form has no translation of it')),
      description: v.string(),
      descriptionLanguage: v.pipe(Language, v.description('As `nameLanguage`, for the description')),
      sections: v.array(
        v.object({
          id: PartId,
          title: v.string(),
          questions: v.array(
            v.object({
              id: PartId,
              label: v.string(),
              hint: v.optional(v.string()),
              type: v.picklist(['choice', 'text']),
              options: v.optional(v.array(v.object({ value: v.string(), label: v.string(), face: v.optional(v.picklist(FACES)) }))),
              maxLength: v.optional(v.pipe(v.number(), v.integer())),
            }),
          ),
        }),
      ),
    }),
    response: v.object({ id: EntityId, state: v.picklist(RESPONSE_STATES), answers: AnswersResource, submittedAt: v.nullable(v.pipe(v.string(), v.isoTimestamp())), language: Language }),
    showHelp: v.pipe(v.boolean(), v.description('Something in the response is worrying: show the help panel on every page')),
    help: v.object({ emergency: v.literal('999'), childline: v.literal('0800 1111'), dutyPhone: v.string() }),
  }),
  v.title('PublicResponse'),
);

export const ResponseSavedResource = v.pipe(
  v.object({
    responseId: EntityId,
    state: v.picklist(RESPONSE_STATES),
    submittedAt: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
    showHelp: v.pipe(v.boolean(), v.description('Show the help panel now: 999, Childline 0800 1111 and the duty number')),
    answered: v.pipe(v.number(), v.integer()),
    questions: v.pipe(v.number(), v.integer()),
  }),
  v.title('ResponseSaved'),
);

/** For the document only: the handler builds the real schema from the activity’s pinned form. */
export const SaveAnswersDocBody = v.pipe(
  v.strictObject({
    answers: v.pipe(v.record(PartId, v.record(PartId, v.nullable(v.string()))), v.description('Only this form’s sections and questions; a choice’s value or free text (at most 1000 characters); `null` or "" clears. Questions not named keep their answers.')),
    lang: v.optional(v.pipe(Language, v.description('The language the page was answered in'))),
    [HONEYPOT_FIELD]: v.optional(v.pipe(v.string(), v.description('Hidden from people; anything in it means a bot, and nothing is stored'))),
  }),
  v.title('SaveAnswersBody'),
);
