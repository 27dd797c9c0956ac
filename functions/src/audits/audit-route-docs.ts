/** How the audit, case-history and reflection routes appear in the OpenAPI document. */
import { SetMeetingBody } from '@waypoint/shared/audits/audit-meeting';
import { AUDIT_READERS, AUDIT_REOPENERS, AUDIT_RUNNERS } from '@waypoint/shared/audits/audit-roles';
import { AuditId, CancelAuditBody, CreateAuditBody, ListAuditsQuery, ReopenAuditBody, UpdateAuditBody } from '@waypoint/shared/audits/audit-schemas';
import { CreateReflectionBody } from '@waypoint/shared/audits/reflection-schemas';
import { CaseRef } from '@waypoint/shared/cases/case-schemas';
import { describeRoutes } from '../openapi/route-docs.ts';
import { ReflectionResource } from '../reflections/reflection-resources.ts';
import { AuditDetailResource, AuditPageResource, AuditResource, ReflectionListResource } from './audit-resources.ts';
import { CaseAuditsQuery } from './case-audit-routes.ts';

const SCOPE =
  'QA officers and senior managers see every audit; managers their teams’ audits and any they ran; case holders the audits of their practice and of the cases they hold now; students the audits they took part in. Anything else is a 404, the same as an audit that does not exist.';
const PAGING = { limit: 'Page size, 1 to 100; 25 when absent', month: 'Only audits in this programme month (`YYYY-MM`)', state: 'Only audits in this state' };

export const auditRouteDocs = describeRoutes([
  {
    method: 'post',
    path: '/v1/audits',
    tag: 'Audits',
    summary: 'Plan an audit of a case',
    description:
      'Pins the newest version of the template. The case must be in your scope (else 400 on `caseRef`), the conversation date not in the future nor before the case opened, a student a student social worker. A meeting (`meetingDate`, optionally `meetingTime`) follows the rules of `PUT /v1/audits/{id}/meeting`. The case holder is emailed (and a student, when a meeting is booked). While the case’s reference is being changed by an import, 409: try again in a moment. Send `Idempotency-Key` to make a retry safe.',
    access: AUDIT_RUNNERS,
    body: CreateAuditBody,
    otherErrors: [409],
    success: { status: 201, description: 'The planned audit', schema: AuditResource, etag: true, location: true },
  },
  {
    method: 'get',
    path: '/v1/audits',
    tag: 'Audits',
    summary: 'List the audits in your scope',
    description: `${SCOPE} Tenant admins get 403. Items leave out the answers.`,
    access: AUDIT_READERS,
    query: ListAuditsQuery,
    queryNotes: { ...PAGING, team: 'Only this team’s audits', caseRef: 'Only this case’s audits' },
    success: { status: 200, description: 'A page of audits', schema: AuditPageResource },
  },
  {
    method: 'get',
    path: '/v1/audits/{id}',
    tag: 'Audits',
    summary: 'Read an audit with its reflections and actions',
    description: SCOPE,
    access: AUDIT_READERS,
    params: { id: AuditId },
    success: { status: 200, description: 'The audit', schema: AuditDetailResource, etag: true },
  },
  {
    method: 'patch',
    path: '/v1/audits/{id}',
    tag: 'Audits',
    summary: 'Save answers and details as a draft',
    description:
      'Answers merge into what is saved, checked against the pinned template version (unknown question, wrong type, a grade off the scale: 400 naming `answers.<section>.<question>`); `null` clears. The first save of answers moves a planned audit to in progress. A safeguarding concern flagged in any section emails the team’s managers and QA at once. A `month` that starts after the booked meeting is a 400 on `month` (move the meeting first). The meeting itself is booked with `PUT /v1/audits/{id}/meeting` and cancelled with `DELETE`. Completed or cancelled audits cannot change (409).',
    access: AUDIT_RUNNERS,
    params: { id: AuditId },
    body: UpdateAuditBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The audit as saved', schema: AuditResource, etag: true },
  },
  {
    method: 'put',
    path: '/v1/audits/{id}/meeting',
    tag: 'Audits',
    summary: 'Book or move the meeting for the audit conversation',
    description:
      'The day (London) and, optionally, the time (`HH:MM`, 24-hour) the auditor and the case holder meet; leaving out the time removes one booked before. The day cannot be in the past (nor, today, a time already gone) nor before the audit’s month, and at most 12 months after the month’s end; a day after the month’s end is allowed and the audit will then be late (400 naming `meetingDate` or `meetingTime`, nothing written). Only the auditor, QA officers and managers of the audit’s team or the case’s team (else 403); not once the audit is completed or cancelled (409). The case holder and the student are emailed the new day and time, and the change is in the activity log.',
    access: AUDIT_RUNNERS,
    params: { id: AuditId },
    body: SetMeetingBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The audit with the meeting booked', schema: AuditResource, etag: true },
  },
  {
    method: 'delete',
    path: '/v1/audits/{id}/meeting',
    tag: 'Audits',
    summary: 'Cancel the meeting booked for the audit conversation',
    description:
      'Removes the day and time. The same people as for booking (else 403), not once the audit is completed or cancelled (409). The case holder and the student are emailed that the meeting is cancelled, and the change is in the activity log. When nothing is booked (a repeat of a cancellation that went through) the answer is 200 with the audit as it is, whichever version If-Match quoted: nothing is written or sent.',
    access: AUDIT_RUNNERS,
    params: { id: AuditId },
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The audit without a meeting booked', schema: AuditResource, etag: true },
  },
  {
    method: 'post',
    path: '/v1/audits/{id}/complete',
    tag: 'Audits',
    summary: 'Complete an audit in progress',
    description: 'Every required answer of the pinned template, and the conversation date, must be there (400 lists each one missing). The grades are then locked. The case holder and student are emailed.',
    access: AUDIT_RUNNERS,
    params: { id: AuditId },
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The completed audit', schema: AuditResource, etag: true },
  },
  {
    method: 'post',
    path: '/v1/audits/{id}/cancel',
    tag: 'Audits',
    summary: 'Cancel a planned audit or one in progress, with a reason',
    access: AUDIT_RUNNERS,
    params: { id: AuditId },
    body: CancelAuditBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The cancelled audit', schema: AuditResource, etag: true },
  },
  {
    method: 'post',
    path: '/v1/audits/{id}/reopen',
    tag: 'Audits',
    summary: 'Reopen a completed audit, with a reason',
    description: 'Back to in progress; the reason is kept on the audit (`reopenings`) and the change in the activity log.',
    access: AUDIT_REOPENERS,
    params: { id: AuditId },
    body: ReopenAuditBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The reopened audit', schema: AuditResource, etag: true },
  },
  {
    method: 'get',
    path: '/v1/audits/{id}/reflections',
    tag: 'Audits',
    summary: 'Read the reflections on an audit',
    description: `Oldest first. ${SCOPE}`,
    access: AUDIT_READERS,
    params: { id: AuditId },
    success: { status: 200, description: 'The reflections', schema: ReflectionListResource },
  },
  {
    method: 'post',
    path: '/v1/audits/{id}/reflections',
    tag: 'Audits',
    summary: 'Add your reflection on an audit',
    description: 'The audit’s case holder, and a student who took part, in their own words, before or after completion (others who can see the audit: 403; a cancelled audit: 409). The auditor is emailed. Send `Idempotency-Key` to make a retry safe.',
    access: ['practitioner', 'student', 'manager', 'qa', 'senior'],
    params: { id: AuditId },
    body: CreateReflectionBody,
    otherErrors: [409],
    success: { status: 201, description: 'The reflection', schema: ReflectionResource },
  },
  {
    method: 'get',
    path: '/v1/cases/{ref}/audits',
    tag: 'Audits',
    summary: 'A case’s audit history, newest month first',
    description: `The case must be in your scope (else 404); its audits are then those you may see. ${SCOPE}`,
    access: AUDIT_READERS,
    params: { ref: CaseRef },
    query: CaseAuditsQuery,
    queryNotes: PAGING,
    success: { status: 200, description: 'A page of the case’s audits', schema: AuditPageResource },
  },
]);
