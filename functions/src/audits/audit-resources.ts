/** Response schemas for audits in the OpenAPI document. */
import * as v from 'valibot';
import { GradeViewResource } from '../grade-views/grade-view-resources.ts';
import { IsoDate, Month } from '@waypoint/shared/audits/audit-dates';
import { MeetingTime } from '@waypoint/shared/audits/audit-meeting';
import { AUDIT_STATES, AUDIT_TYPES, Partner, PeriodReviewed } from '@waypoint/shared/audits/audit-schemas';
import { CASE_TYPES, CaseRef, EntityId } from '@waypoint/shared/cases/case-schemas';
import { GradeValue } from '@waypoint/shared/templates/grade-scale';
import { TemplateId } from '@waypoint/shared/templates/template-schemas';
import { ActionResource } from '../actions/action-resources.ts';
import { AuditJourneyResource } from '../journey/journey-resources.ts';
import { ModerationResource } from '../moderation/moderation-resources.ts';
import { nextCursor, versionedFields } from '../openapi/resource-fields.ts';
import { ReflectionResource } from '../reflections/reflection-resources.ts';

const summaryEntries = {
  id: EntityId,
  caseRef: CaseRef,
  teamId: v.pipe(EntityId, v.description('The case’s team when the audit was created')),
  caseType: v.picklist(CASE_TYPES),
  templateId: TemplateId,
  templateVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.description('The template version this audit pinned when it was created')),
  templateName: v.string(),
  auditType: v.picklist(AUDIT_TYPES),
  month: Month,
  state: v.picklist(AUDIT_STATES),
  auditorId: EntityId,
  caseHolderId: v.optional(v.pipe(EntityId, v.description('The case holder when the audit was created'))),
  studentId: v.optional(EntityId),
  partners: v.array(Partner),
  conversationDate: v.optional(IsoDate),
  meetingDate: v.optional(v.pipe(IsoDate, v.description('The day booked for the audit conversation (London); after the month’s end the audit will be late'))),
  meetingTime: v.optional(v.pipe(MeetingTime, v.description('The time booked, `HH:MM` on the 24-hour clock, London time'))),
  periodReviewed: PeriodReviewed,
  sectionGrades: v.pipe(v.record(v.string(), GradeValue), v.description('Each section’s grade, by section id')),
  overallGrade: v.optional(GradeValue),
  safeguardingConcern: v.boolean(),
  safeguardingSections: v.pipe(v.array(v.string()), v.description('Sections with a safeguarding concern flagged')),
  completedAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  completedById: v.optional(EntityId),
  cancelledAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  cancelledById: v.optional(EntityId),
  cancelReason: v.optional(v.string()),
  reopenings: v.array(v.object({ at: v.pipe(v.string(), v.isoTimestamp()), byId: EntityId, reason: v.string() })),
  reauditOf: v.optional(v.pipe(EntityId, v.description('The Inadequate audit this re-audit follows up'))),
  sampledFor: v.optional(v.pipe(EntityId, v.description('The manager whose accepted monthly sample planned this audit'))),
  reviewId: v.optional(v.pipe(EntityId, v.description('The thematic review whose cohort this audit reviews; its auditor is the reviewer'))),
  createdById: EntityId,
  ...versionedFields,
};

const answers = v.pipe(v.record(v.string(), v.record(v.string(), v.union([v.string(), v.boolean()]))), v.description('`{ [sectionId]: { [questionId]: value } }` for the pinned template version'));
const people = v.pipe(v.record(v.string(), v.string()), v.description('Names of the staff named, by user id'));

export const AuditResource = v.pipe(v.object({ ...summaryEntries, answers }), v.title('Audit'));
export const AuditSummaryResource = v.pipe(v.object(summaryEntries), v.title('AuditSummary'));
const AuditSummaryResourceEntries = v.object(summaryEntries);
/** What the monthly programme, the journey and moderation add to the read view. */
const programmeEntries = {
  /** The child's journey as it stood for this audit, with each statutory timescale met, missed, due or overdue. */
  journey: AuditJourneyResource,
  moderation: v.pipe(v.nullable(ModerationResource), v.description('QA’s moderation, once moderated')),
  previousAudit: v.pipe(v.nullable(v.object({ audit: AuditSummaryResourceEntries, actions: v.array(ActionResource) })), v.description('For a re-audit: the audit it follows up and its actions, when you may see that audit')),
  reaudit: v.pipe(v.nullable(v.object({ id: EntityId, month: Month, state: v.picklist(AUDIT_STATES) })), v.description('For an Inadequate audit: its re-audit')),
};

export const AuditDetailResource = v.pipe(v.object({ ...summaryEntries, answers, reflections: v.array(ReflectionResource), gradeViews: v.array(GradeViewResource), actions: v.array(ActionResource), people, ...programmeEntries }), v.title('AuditDetail'));
export const AuditPageResource = v.object({ items: v.array(AuditSummaryResource), nextCursor, people });
export const ReflectionListResource = v.object({ items: v.array(ReflectionResource), people });
