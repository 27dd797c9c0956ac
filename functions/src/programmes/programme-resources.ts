/** Response schemas for the monthly programme and samples in the OpenAPI document. */
import * as v from 'valibot';
import { IsoDate, Month } from '@waypoint/shared/audits/audit-dates';
import { MeetingTime } from '@waypoint/shared/audits/audit-meeting';
import { AUDIT_STATES } from '@waypoint/shared/audits/audit-schemas';
import { CASE_STATUSES, CASE_TYPES, CaseRef, EntityId } from '@waypoint/shared/cases/case-schemas';
import { SAMPLE_STATES } from '@waypoint/shared/programme/programme-schemas';
import { GradeValue } from '@waypoint/shared/templates/grade-scale';
import { STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { versionedFields } from '../openapi/resource-fields.ts';

const people = v.pipe(v.record(v.string(), v.string()), v.description('Names of the staff named, by user id'));
const timestamp = v.pipe(v.string(), v.isoTimestamp());

/** An audit as programme views list it: no answers, no details. */
export const SlimAuditResource = v.pipe(
  v.object({
    id: EntityId,
    caseRef: CaseRef,
    teamId: EntityId,
    caseType: v.picklist(CASE_TYPES),
    month: Month,
    state: v.picklist(AUDIT_STATES),
    auditorId: EntityId,
    caseHolderId: v.optional(EntityId),
    overallGrade: v.optional(GradeValue),
    completedAt: v.optional(timestamp),
    reauditOf: v.optional(EntityId),
    sampledFor: v.optional(EntityId),
    meetingDate: v.optional(IsoDate),
    meetingTime: v.optional(MeetingTime),
  }),
  v.title('AuditLine'),
);

const sampleEntries = {
  month: Month,
  managerId: EntityId,
  teamIds: v.array(EntityId),
  state: v.picklist(SAMPLE_STATES),
  seed: v.pipe(v.string(), v.description('The random seed the draw was made from')),
  size: v.pipe(v.number(), v.integer(), v.description('The tenant’s audits per manager per month when drawn')),
  eligible: v.number(),
  proposed: v.pipe(v.array(CaseRef), v.description('The draw as the seed made it')),
  picked: v.pipe(v.array(CaseRef), v.description('The sample now, swaps applied')),
  swaps: v.array(v.object({ out: CaseRef, in: CaseRef, reason: v.string(), byId: EntityId, at: timestamp })),
  auditIds: v.pipe(v.array(EntityId), v.description('The planned audits, in the order of `picked`, once accepted')),
  proposedById: EntityId,
  acceptedById: v.optional(EntityId),
  acceptedAt: v.optional(timestamp),
  ...versionedFields,
};

export const SampleSummaryResource = v.pipe(v.object(sampleEntries), v.title('SampleSummary'));

export const SampleDetailResource = v.pipe(
  v.object({
    ...sampleEntries,
    candidates: v.pipe(
      v.array(
        v.object({
          ref: CaseRef,
          holderId: v.optional(EntityId),
          caseType: v.picklist(CASE_TYPES),
          status: v.picklist(CASE_STATUSES),
          lastAuditedOn: v.optional(IsoDate),
          auditUnderWay: v.optional(v.boolean()),
          ineligibility: v.nullable(v.picklist(['closed', 'audited-in-last-12-months', 'audit-under-way'])),
        }),
      ),
      v.description('Every case of the manager’s teams when the sample was drawn, and why any could not be picked'),
    ),
    replays: v.pipe(v.boolean(), v.description('Drawing again from `seed` and `candidates` gives `proposed`')),
    people,
  }),
  v.title('Sample'),
);

const ProgrammeAuditResource = v.pipe(
  v.object({
    id: EntityId,
    caseRef: CaseRef,
    teamId: EntityId,
    caseType: v.picklist(CASE_TYPES),
    month: Month,
    state: v.picklist(AUDIT_STATES),
    auditorId: EntityId,
    caseHolderId: v.optional(EntityId),
    overallGrade: v.optional(GradeValue),
    dueDate: v.pipe(IsoDate, v.description('The last day of the audit’s month')),
    late: v.pipe(v.boolean(), v.description('The month has ended in London and the audit is not completed')),
    daysLate: v.number(),
    reauditOf: v.optional(EntityId),
    sampledFor: v.optional(EntityId),
    meetingDate: v.optional(v.pipe(IsoDate, v.description('The day booked for the audit conversation'))),
    meetingTime: v.optional(v.pipe(MeetingTime, v.description('The time booked, `HH:MM`'))),
  }),
  v.title('ProgrammeAudit'),
);

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const counts = v.pipe(v.object({ planned: count, inProgress: count, completed: count, cancelled: count, late: v.pipe(count, v.description('Late audits of this month and the 12 before: rows of `late`')) }), v.title('ProgrammeCounts'));

export const ProgrammeMonthResource = v.pipe(
  v.object({
    month: Month,
    dueDate: IsoDate,
    today: IsoDate,
    monthEnded: v.boolean(),
    auditsPerManagerPerMonth: v.number(),
    rows: v.array(
      v.object({
        userId: EntityId,
        role: v.nullable(v.picklist(STAFF_ROLES)),
        teamIds: v.array(EntityId),
        target: v.pipe(v.nullable(v.number()), v.description('Audits a month, for managers')),
        sample: v.nullable(SampleSummaryResource),
        counts,
      }),
    ),
    // Every audit you may see: the month’s by state, and `late.length` late. Used as is: a titled
    // schema wrapped in another pipe would be a second component of the same name.
    totals: counts,
    audits: v.pipe(v.array(ProgrammeAuditResource), v.description('The month’s audits you may see')),
    late: v.pipe(v.array(ProgrammeAuditResource), v.description('Late audits of this month and the 12 before, most overdue first')),
    people,
  }),
  v.title('ProgrammeMonth'),
);
