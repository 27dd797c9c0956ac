/** Response schemas for thematic reviews in the OpenAPI document. */
import * as v from 'valibot';
import { ACTION_STATES } from '@waypoint/shared/actions/action-schemas';
import { AUDIT_STATES } from '@waypoint/shared/audits/audit-schemas';
import { CASE_TYPES, EntityId } from '@waypoint/shared/cases/case-schemas';
import { GRADES } from '@waypoint/shared/templates/grade-scale';
import { REVIEW_MOVES, REVIEW_STATES } from '@waypoint/shared/reviews/review-schemas';
import { versionedFields } from '../openapi/resource-fields.ts';

const Timestamp = v.pipe(v.string(), v.isoTimestamp());
const Day = v.pipe(v.string(), v.isoDate());
const Names = v.record(v.string(), v.string());
const Shown = v.pipe(v.object({ value: v.nullable(v.number()), suppressed: v.boolean() }), v.description('A count; `null` and `suppressed` when the group is under 5 (or would give a hidden one away)'));

const CohortCase = v.object({ caseRef: v.string(), teamId: EntityId, caseType: v.picklist(CASE_TYPES), reason: v.optional(v.string()), reviewerId: v.optional(EntityId), auditId: v.optional(EntityId) });

const ActionSummary = v.object({ id: EntityId, recommendationId: EntityId, description: v.string(), ownerId: EntityId, teamId: EntityId, dueDate: Day, state: v.picklist(ACTION_STATES), overdue: v.boolean() });

export const ReviewResource = v.pipe(
  v.object({
    id: EntityId,
    title: v.string(),
    question: v.string(),
    scope: v.string(),
    leadId: EntityId,
    createdById: EntityId,
    templateId: v.string(),
    templateVersion: v.pipe(v.number(), v.integer()),
    templateName: v.string(),
    casesDueBy: Day,
    withCaseHolder: v.boolean(),
    reviewerIds: v.array(EntityId),
    state: v.picklist(REVIEW_STATES),
    cohort: v.optional(
      v.object({
        method: v.picklist(['criteria', 'hand']),
        criteria: v.optional(v.record(v.string(), v.unknown())),
        size: v.optional(v.number()),
        quotas: v.optional(v.array(v.object({ teamId: EntityId, count: v.number() }))),
        seed: v.optional(v.pipe(v.string(), v.description('The draw’s random seed: with the matching cases kept beside the review, it replays the draw'))),
        eligible: v.optional(v.pipe(v.number(), v.description('How many cases matched the criteria'))),
        shortfalls: v.optional(v.array(v.object({ teamId: EntityId, wanted: v.number(), found: v.number() }))),
        cases: v.array(CohortCase),
        drawnAt: Timestamp,
        drawnById: EntityId,
      }),
    ),
    findings: v.optional(v.string()),
    themes: v.array(v.string()),
    recommendations: v.array(v.object({ id: EntityId, text: v.string(), writtenAt: Timestamp })),
    startedAt: v.optional(Timestamp),
    signOff: v.optional(v.object({ byId: EntityId, at: Timestamp, note: v.optional(v.string()) })),
    publishedAt: v.optional(Timestamp),
    publishedById: v.optional(EntityId),
    replays: v.optional(v.pipe(v.boolean(), v.description('Whether drawing again from the seed gives the same cases (for those who oversee it)'))),
    cases: v.pipe(
      v.array(v.object({ ...CohortCase.entries, state: v.optional(v.picklist(AUDIT_STATES)), overallGrade: v.optional(v.picklist(GRADES)) })),
      v.description('The cohort’s cases with where each review audit stands; a reviewer who does not oversee the review sees only their own'),
    ),
    actions: v.array(ActionSummary),
    moves: v.pipe(v.array(v.picklist(REVIEW_MOVES)), v.description('What the caller can do now')),
    oversees: v.boolean(),
    people: Names,
    teams: Names,
    ...versionedFields,
  }),
  v.title('Review'),
);

export const ReviewListResource = v.object({
  items: v.array(v.object({ id: EntityId, title: v.string(), question: v.string(), leadId: EntityId, state: v.picklist(REVIEW_STATES), casesDueBy: Day, createdAt: Timestamp, publishedAt: v.optional(Timestamp), cases: v.number() })),
  people: Names,
});

const Count = v.object({ key: v.string(), label: v.string(), shown: Shown });

export const ReviewReportResource = v.pipe(
  v.object({
    review: v.object({
      id: EntityId,
      title: v.string(),
      question: v.string(),
      scope: v.string(),
      leadId: EntityId,
      state: v.picklist(REVIEW_STATES),
      templateName: v.string(),
      casesDueBy: Day,
      findings: v.optional(v.string()),
      themes: v.array(v.string()),
      signOff: v.optional(v.object({ byId: EntityId, at: Timestamp, note: v.optional(v.string()) })),
      publishedAt: v.optional(Timestamp),
    }),
    cohort: v.object({ method: v.picklist(['criteria', 'hand', 'none']), cases: v.number(), reviewed: v.number(), byTeam: v.array(Count), byCaseType: v.array(Count) }),
    grades: v.array(Count),
    questions: v.array(v.object({ sectionId: v.string(), sectionTitle: v.string(), questionId: v.string(), label: v.string(), answered: Shown, counts: v.array(Count) })),
    recommendations: v.array(v.object({ id: EntityId, text: v.string(), actions: v.array(ActionSummary) })),
    people: Names,
  }),
  v.title('ReviewReport'),
);
