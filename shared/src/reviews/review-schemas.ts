/**
 * Thematic reviews: a question about practice ("How well do we hear disabled children on
 * child protection plans?"), a cohort of cases chosen by criteria or by hand, reviewers who
 * audit each case with a review template, and the lead's findings and recommendations,
 * signed off by a senior manager and then published to staff.
 */
import * as v from 'valibot';
import { IsoDate } from '../audits/audit-dates.ts';
import { AGE_BANDS, CASE_TYPES, CaseRef, EntityId, type CaseType } from '../cases/case-schemas.ts';
import { DISABILITY_VALUES, ETHNICITY_CATEGORIES, GENDERS } from '../demographics/demographic-values.ts';
import { JourneyEventType } from '../journey/journey-events.ts';
import type { AuditState } from '../audits/audit-schemas.ts';
import type { Grade } from '../templates/grade-scale.ts';
import { TemplateId } from '../templates/template-schemas.ts';
import { Text } from '../text/text-schemas.ts';
import type { CohortCriteria, TeamQuota } from './cohort-criteria.ts';

/** Set up (`draft`), its cases being reviewed (`under-way`), `signed-off` by a senior manager, then `published` to staff. */
export const REVIEW_STATES = ['draft', 'under-way', 'signed-off', 'published'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = { draft: 'Being set up', 'under-way': 'Cases being reviewed', 'signed-off': 'Signed off', published: 'Published' };

/** The most cases one review looks at: each is an audit someone completes. */
export const MAX_COHORT = 100;
export const MAX_REVIEWERS = 30;

export const ReviewId = EntityId;
export const RecommendationId = EntityId;

const many = <T extends v.GenericSchema>(item: T, max: number, message: string) =>
  v.pipe(
    v.array(item),
    v.maxLength(max),
    v.check((list) => new Set(list as unknown[]).size === list.length, message),
  );

export const ReviewerIds = many(EntityId, MAX_REVIEWERS, 'Invite each reviewer once');

const reviewFields = {
  title: Text({ max: 120, required: 'Give the review a short title' }),
  /** The question the review answers. */
  question: Text({ max: 500, required: 'Write the question the review will answer', lines: 'many' }),
  /** What is in and out of the review, in words. */
  scope: Text({ max: 2000, required: 'Say what the review covers', lines: 'many' }),
  /** Reviewers complete their cases by this day (their audits fall in its month). */
  casesDueBy: IsoDate,
  /** Whether each reviewer goes through the case with its case holder (who is then told about it). */
  withCaseHolder: v.optional(v.boolean(), false),
};

export const CreateReviewBody = v.strictObject({
  ...reviewFields,
  /** A QA officer or senior manager; whoever creates it when absent. */
  leadId: v.optional(EntityId),
  /** A review template (`kind: review`); the built-in one when absent. */
  templateId: v.optional(TemplateId),
  reviewerIds: v.optional(ReviewerIds, []),
});
export type CreateReviewBody = v.InferOutput<typeof CreateReviewBody>;

export const UpdateReviewBody = v.strictObject({
  title: v.optional(reviewFields.title),
  question: v.optional(reviewFields.question),
  scope: v.optional(reviewFields.scope),
  casesDueBy: v.optional(reviewFields.casesDueBy),
  withCaseHolder: v.optional(v.boolean()),
  templateId: v.optional(TemplateId),
  reviewerIds: v.optional(ReviewerIds),
  /** The lead's findings, in paragraphs. */
  findings: v.optional(Text({ max: 8000, lines: 'many' })),
  /** Short themes the findings come back to, shown on the report. */
  themes: v.optional(many(Text({ max: 200, required: 'A theme cannot be blank' }), 12, 'List each theme once')),
});
export type UpdateReviewBody = v.InferOutput<typeof UpdateReviewBody>;

const list = <T extends readonly string[]>(values: T, what: string) => v.optional(many(v.picklist(values, `Choose ${what} from the list`), values.length, `Choose each ${what} once`));

export const JourneyEventCriterion = v.strictObject({
  type: JourneyEventType,
  atLeast: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  withinMonths: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120)),
});

export const CohortCriteriaSchema = v.pipe(
  v.strictObject({
    caseTypes: list(CASE_TYPES, 'a case type'),
    teamIds: v.optional(many(EntityId, 50, 'Choose each team once')),
    openFrom: v.optional(IsoDate),
    openTo: v.optional(IsoDate),
    ageBands: list(AGE_BANDS, 'an age band'),
    genders: list([...GENDERS, 'not-recorded'] as const, 'a gender'),
    ethnicities: list([...ETHNICITY_CATEGORIES, 'not-recorded'] as const, 'an ethnic group'),
    disabilities: list([...DISABILITY_VALUES, 'not-recorded'] as const, 'a disability value'),
    includeClosed: v.optional(v.boolean()),
    journeyEvent: v.optional(JourneyEventCriterion),
  }),
  v.forward(
    v.check((c) => c.openFrom === undefined || c.openTo === undefined || c.openFrom <= c.openTo, 'The range must start before it ends'),
    ['openTo'],
  ),
);

const Count = (max: number) => v.pipe(v.number('Enter a number'), v.integer('Enter a whole number'), v.minValue(1, 'Enter 1 or more'), v.maxValue(max, `Enter ${max} or fewer`));

/** Drawn by criteria: `size` cases, with `quotas` per team if wanted. */
export const DrawCohortBody = v.pipe(
  v.strictObject({
    method: v.literal('criteria'),
    criteria: CohortCriteriaSchema,
    size: Count(MAX_COHORT),
    quotas: v.optional(
      v.pipe(
        v.array(v.strictObject({ teamId: EntityId, count: Count(MAX_COHORT) })),
        v.maxLength(20),
        v.check((q) => new Set(q.map((x) => x.teamId)).size === q.length, 'Give each team one quota'),
      ),
    ),
  }),
  v.forward(
    v.check((b) => (b.quotas ?? []).reduce((sum, q) => sum + q.count, 0) <= b.size, 'The team quotas add up to more than the cohort’s size'),
    ['quotas'],
  ),
);

/** Picked by hand: each case with the reason it belongs in the review. */
export const PickCohortBody = v.strictObject({
  method: v.literal('hand'),
  cases: v.pipe(
    v.array(v.strictObject({ caseRef: CaseRef, reason: Text({ max: 500, required: 'Say why this case is in the review', lines: 'many' }) })),
    v.minLength(1, 'Pick at least one case'),
    v.maxLength(MAX_COHORT, `Pick at most ${MAX_COHORT} cases`),
    v.check((cases) => new Set(cases.map((c) => c.caseRef.toUpperCase())).size === cases.length, 'Pick each case once'),
  ),
});

export const CohortBody = v.variant('method', [DrawCohortBody, PickCohortBody], 'Choose how the cohort is chosen: criteria or hand');
export type CohortBody = v.InferOutput<typeof CohortBody>;

export const RecommendationBody = v.strictObject({ text: Text({ max: 2000, required: 'Write the recommendation', lines: 'many' }) });
export const SignOffBody = v.strictObject({ note: v.optional(Text({ max: 2000, lines: 'many' })) });
export const EmptyBody = v.strictObject({});

export const ListReviewsQuery = v.strictObject({ state: v.optional(v.picklist(REVIEW_STATES, 'Choose a state from the list')) });

export interface CohortCase {
  caseRef: string;
  teamId: string;
  caseType: CaseType;
  /** Why it was picked by hand. */
  reason?: string;
  /** Given when the review starts: who reviews it, and the audit they complete. */
  reviewerId?: string;
  auditId?: string;
}

export interface Cohort {
  method: 'criteria' | 'hand';
  criteria?: CohortCriteria;
  size?: number;
  quotas?: TeamQuota[];
  /** The draw's seed: with the matching cases kept beside the review, the draw replays. */
  seed?: string;
  /** How many cases matched the criteria. */
  eligible?: number;
  shortfalls?: { teamId: string; wanted: number; found: number }[];
  cases: CohortCase[];
  drawnAt: string;
  drawnById: string;
}

export interface Recommendation {
  id: string;
  text: string;
  writtenAt: string;
}

export interface ReviewSignOff {
  byId: string;
  at: string;
  note?: string;
}

export interface Review {
  id: string;
  title: string;
  question: string;
  scope: string;
  leadId: string;
  createdById: string;
  templateId: string;
  templateVersion: number;
  templateName: string;
  casesDueBy: string;
  withCaseHolder: boolean;
  reviewerIds: string[];
  state: ReviewState;
  cohort?: Cohort;
  findings?: string;
  themes: string[];
  recommendations: Recommendation[];
  startedAt?: string;
  signOff?: ReviewSignOff;
  publishedAt?: string;
  publishedById?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What the caller can do to a review now, so pages offer only forms that work. */
export const REVIEW_MOVES = ['edit', 'choose-cohort', 'start', 'write-findings', 'recommend', 'raise-action', 'sign-off', 'publish'] as const;
export type ReviewMove = (typeof REVIEW_MOVES)[number];

/** One cohort case's audit as the review shows it. */
export interface ReviewCaseAudit {
  caseRef: string;
  teamId: string;
  caseType: CaseType;
  reason?: string;
  reviewerId?: string;
  auditId?: string;
  state?: AuditState;
  overallGrade?: Grade;
}

export interface ReviewActionSummary {
  id: string;
  recommendationId: string;
  description: string;
  ownerId: string;
  teamId: string;
  dueDate: string;
  state: string;
  overdue: boolean;
}

/** A review as the caller reads it: reviewers who do not lead it see only their own cases. */
export interface ReviewView extends Review {
  /** Whether the draw gives the same cases again from its seed. */
  replays?: boolean;
  cases: ReviewCaseAudit[];
  actions: ReviewActionSummary[];
  moves: ReviewMove[];
  /** The caller leads, signs off or oversees it (and so sees every case). */
  oversees: boolean;
  people: Record<string, string>;
  teams: Record<string, string>;
}

export type ReviewSummary = Pick<Review, 'id' | 'title' | 'question' | 'leadId' | 'state' | 'casesDueBy' | 'createdAt' | 'publishedAt'> & { cases: number };

export interface ReviewList {
  items: ReviewSummary[];
  people: Record<string, string>;
}
