/**
 * An audit of one case on a pinned template version: who took part, when, the period it
 * looked at, the answers, and where it is in its lifecycle.
 */
import type { GradeView } from './grade-view-schemas.ts';
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { CaseRef, EntityId, type CaseType } from '../cases/case-schemas.ts';
import { answersPatchSchema, type Answers } from '../templates/answer-schemas.ts';
import type { Grade } from '../templates/grade-scale.ts';
import { TemplateId, type TemplateDefinition } from '../templates/template-schemas.ts';
import type { Action } from '../actions/action-schemas.ts';
import type { AuditJourney } from '../journey/journey-schemas.ts';
import type { Moderation } from '../moderation/moderation-schemas.ts';
import { IsoDate, Month } from './audit-dates.ts';
import { MeetingTime } from './audit-meeting.ts';
import type { Reflection } from './reflection-schemas.ts';

export const AUDIT_STATES = ['planned', 'in-progress', 'completed', 'cancelled'] as const;
export type AuditState = (typeof AUDIT_STATES)[number];
export const AUDIT_STATE_LABELS: Record<AuditState, string> = { planned: 'Planned', 'in-progress': 'In progress', completed: 'Completed', cancelled: 'Cancelled' };

export const AUDIT_TYPES = ['monthly', 'deep-dive', 'thematic'] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];
export const AUDIT_TYPE_LABELS: Record<AuditType, string> = { monthly: 'Monthly', 'deep-dive': 'Deep dive', thematic: 'Thematic' };

/** Audit and reflection ids are ULIDs (the demo data uses readable fixed ids). */
export const AuditId = EntityId;

const Name = Text({ max: 120, required: 'Enter a name' });

/** Someone from another agency who took part (TAC summaries especially): no account, just a name. */
export const Partner = v.strictObject({
  name: Name,
  agency: Text({ max: 120, required: 'Enter the agency' }),
  role: v.optional(Text({ max: 120 })),
});
export type Partner = v.InferOutput<typeof Partner>;
export const Partners = v.pipe(v.array(Partner), v.maxLength(20, 'List at most 20 partners'));

/** The months of practice the audit looked at; typically the last 12. */
export const PeriodReviewed = v.pipe(
  v.strictObject({ from: IsoDate, to: IsoDate }),
  v.check((p) => p.from <= p.to, 'The period must start before it ends'),
);
export type PeriodReviewed = v.InferOutput<typeof PeriodReviewed>;

const Reason = Text({ max: 2000, required: 'Give a reason', lines: 'many' });

export const CreateAuditBody = v.strictObject({
  caseRef: CaseRef,
  templateId: TemplateId,
  auditType: v.optional(v.picklist(AUDIT_TYPES), 'monthly'),
  /** The programme month; the current month in London when absent. */
  month: v.optional(Month),
  /** The date of the audit conversation, when already known: not in the future, not before the case opened. */
  conversationDate: v.optional(IsoDate),
  /** The day booked for the audit conversation, when known: not in the past, in the audit's month or later (then late). */
  meetingDate: v.optional(IsoDate),
  /** The time booked, `HH:MM`; only with `meetingDate`. */
  meetingTime: v.optional(MeetingTime),
  studentId: v.optional(EntityId),
  partners: v.optional(Partners, []),
  /** The 12 months up to today when absent. */
  periodReviewed: v.optional(PeriodReviewed),
});
export type CreateAuditBody = v.InferOutput<typeof CreateAuditBody>;

const headerChanges = {
  auditType: v.optional(v.picklist(AUDIT_TYPES)),
  month: v.optional(Month),
  conversationDate: v.optional(v.nullable(IsoDate)),
  studentId: v.optional(v.nullable(EntityId)),
  partners: v.optional(Partners),
  periodReviewed: v.optional(PeriodReviewed),
};

/**
 * A draft save. `answers` merges into what is saved (`null` clears an answer); a field
 * set to `null` is removed. As documented for every template: the exact answer shape
 * comes from the pinned version, see `updateAuditBodyFor`.
 */
export const UpdateAuditBody = v.strictObject({
  ...headerChanges,
  answers: v.optional(v.pipe(v.record(v.string(), v.record(v.string(), v.unknown())), v.description('`{ [sectionId]: { [questionId]: value | null } }` as the pinned template version defines'))),
});

/** The draft-save body for an audit on this template version: answers checked question by question. */
export function updateAuditBodyFor(template: Pick<TemplateDefinition, 'sections'>) {
  return v.strictObject({ ...headerChanges, answers: v.optional(answersPatchSchema(template)) });
}
export type UpdateAuditBody = v.InferOutput<ReturnType<typeof updateAuditBodyFor>>;

export const CancelAuditBody = v.strictObject({ reason: Reason });
export const ReopenAuditBody = v.strictObject({ reason: Reason });

export const ListAuditsQuery = v.object({
  month: v.optional(Month),
  team: v.optional(EntityId),
  caseRef: v.optional(CaseRef),
  state: v.optional(v.picklist(AUDIT_STATES)),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'limit must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(100))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});

export interface Reopening {
  at: string;
  byId: string;
  reason: string;
}

export interface Audit {
  id: string;
  caseRef: string;
  /** The case's team and type when the audit was created; an audit stays with its team. */
  teamId: string;
  caseType: CaseType;
  templateId: string;
  templateVersion: number;
  templateName: string;
  auditType: AuditType;
  month: string;
  state: AuditState;
  auditorId: string;
  /** The case holder when the audit was created: whose practice it looks at. */
  caseHolderId?: string;
  studentId?: string;
  partners: Partner[];
  conversationDate?: string;
  /** The day booked for the conversation (`PUT /v1/audits/{id}/meeting`); audits planned before bookings have none. */
  meetingDate?: string;
  /** `HH:MM`, London time, when a time is booked too. */
  meetingTime?: string;
  periodReviewed: PeriodReviewed;
  answers: Answers;
  /** Derived from the answers on every save. */
  sectionGrades: Record<string, Grade>;
  overallGrade?: Grade;
  safeguardingConcern: boolean;
  safeguardingSections: string[];
  completedAt?: string;
  completedById?: string;
  cancelledAt?: string;
  cancelledById?: string;
  cancelReason?: string;
  reopenings: Reopening[];
  /** A re-audit names the Inadequate audit it follows up. */
  reauditOf?: string;
  /** An audit from a manager's accepted monthly sample names that manager. */
  sampledFor?: string;
  /** An audit of a thematic review's cohort names the review; its auditor is the reviewer, whatever their role. */
  reviewId?: string;
  createdById: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The audit a re-audit follows up, with the actions it raised, on the re-audit's read view. */
export interface PreviousAudit {
  audit: Omit<Audit, 'answers'>;
  actions: Action[];
}

/** Where an Inadequate audit's re-audit stands, on that audit's read view. */
export interface ReauditLink {
  id: string;
  month: string;
  state: AuditState;
}

/** An audit as its read view shows it: with its reflections, its actions and the names of the people named. */
export interface AuditDetail extends Audit {
  reflections: Reflection[];
  /** The case holder's and student's views on the section grades, once the audit is completed. */
  gradeViews: GradeView[];
  actions: Action[];
  /** Names of the staff the audit, its reflections and actions name, by user id. */
  people: Record<string, string>;
  /** The child's journey as it stood for this audit, with the statutory timescales judged. */
  journey?: AuditJourney;
  /** QA's moderation, once the audit has been moderated. */
  moderation?: Moderation | null;
  /** For a re-audit: the audit it follows up and that audit's actions (when the reader may see it). */
  previousAudit?: PreviousAudit | null;
  /** For an audit that scheduled a re-audit: where the re-audit stands. */
  reaudit?: ReauditLink | null;
}

/** An audit in a list: everything but the answers. */
export type AuditSummary = Omit<Audit, 'answers'>;

/** A page of audits, with the names of the staff they name. */
export interface AuditPage {
  items: AuditSummary[];
  nextCursor: string | null;
  people: Record<string, string>;
}
