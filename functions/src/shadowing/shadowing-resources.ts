/** Response schemas for work shadowing in the OpenAPI document. */
import * as v from 'valibot';
import { ACTION_STATES } from '@waypoint/shared/actions/action-schemas';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { CONSENT_METHODS, SHADOWED_WORK, SHADOWING_MOVES, SHADOWING_STATES } from '@waypoint/shared/shadowing/shadowing-schemas';
import { SHADOWING_THEMES } from '@waypoint/shared/shadowing/shadowing-themes';
import { versionedFields } from '../openapi/resource-fields.ts';

const Timestamp = v.pipe(v.string(), v.isoTimestamp());
const Day = v.pipe(v.string(), v.isoDate());
const Withheld = v.object({ withheld: v.literal(true), writtenAt: Timestamp });
const withheldOr = <T extends v.ObjectEntries>(entries: T) => v.optional(v.union([v.object(entries), Withheld]));

export const ShadowingResource = v.pipe(
  v.object({
    id: EntityId,
    shadowerId: EntityId,
    practitionerId: EntityId,
    teamId: EntityId,
    work: v.picklist(SHADOWED_WORK),
    date: Day,
    time: v.optional(v.string()),
    description: v.string(),
    templateId: v.string(),
    templateVersion: v.pipe(v.number(), v.integer()),
    state: v.picklist(SHADOWING_STATES),
    answeredAt: v.optional(Timestamp),
    declineReason: v.optional(v.string()),
    cancelledAt: v.optional(Timestamp),
    cancelReason: v.optional(v.string()),
    consent: v.optional(v.object({ givenBy: v.string(), how: v.picklist(CONSENT_METHODS), givenOn: Day, recordedById: EntityId, recordedAt: Timestamp })),
    withdrawal: v.optional(v.object({ how: v.picklist(CONSENT_METHODS), withdrawnOn: Day, note: v.optional(v.string()), recordedById: EntityId, recordedAt: Timestamp })),
    observation: withheldOr({ answers: v.record(v.string(), v.record(v.string(), v.string())), tags: v.array(v.picklist(SHADOWING_THEMES)), recordedAt: Timestamp }),
    shadowerFeedback: withheldOr({ forPractitioner: v.string(), writtenAt: Timestamp }),
    practitionerFeedback: withheldOr({ aboutShadower: v.string(), forLeaders: v.string(), writtenAt: Timestamp }),
    side: v.pipe(v.picklist(['shadower', 'practitioner']), v.description('Which of the two the caller is')),
    revealed: v.pipe(v.boolean(), v.description('Whether each side now reads what the other wrote')),
    feedbackOpensOn: v.pipe(Day, v.description('14 days after the work: from then each reads the other’s writing even if one has not written')),
    moves: v.pipe(v.array(v.picklist(SHADOWING_MOVES)), v.description('What the caller can do now')),
    people: v.pipe(v.record(v.string(), v.string()), v.description('Names of the people it names, by id')),
    ...versionedFields,
  }),
  v.title('Shadowing'),
);

export const ShadowingListResource = v.object({ items: v.array(ShadowingResource), people: v.record(v.string(), v.string()) });

export const ShadowingLearningResource = v.pipe(
  v.object({
    from: Day,
    to: Day,
    shadowed: v.pipe(v.number(), v.integer()),
    observed: v.pipe(v.number(), v.integer()),
    themes: v.array(v.object({ theme: v.picklist(SHADOWING_THEMES), count: v.pipe(v.number(), v.integer()) })),
    actions: v.array(v.object({ id: EntityId, theme: v.picklist(SHADOWING_THEMES), description: v.string(), state: v.picklist(ACTION_STATES), dueDate: Day, overdue: v.boolean() })),
    leadersShouldChange: v.pipe(v.array(v.string()), v.description('What practitioners said leaders should change, newest first, without who or when')),
  }),
  v.title('ShadowingLearning'),
);

export const ShadowingOverviewResource = v.pipe(
  v.object({
    from: Day,
    items: v.array(
      v.object({
        id: EntityId,
        shadowerId: EntityId,
        practitionerId: EntityId,
        teamId: EntityId,
        work: v.picklist(SHADOWED_WORK),
        date: Day,
        time: v.optional(v.string()),
        state: v.picklist(SHADOWING_STATES),
        consent: v.picklist(['not-needed', 'waiting', 'given', 'withdrawn']),
        observed: v.boolean(),
        shadowerFeedback: v.pipe(v.boolean(), v.description('Whether the person shadowing has written theirs')),
        practitionerFeedback: v.pipe(v.boolean(), v.description('Whether the practitioner has written theirs')),
      }),
    ),
    people: v.record(v.string(), v.string()),
  }),
  v.title('ShadowingOverview'),
);
