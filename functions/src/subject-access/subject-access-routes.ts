/**
 * Subject access exports: `POST /v1/cases/{ref}/subject-access-export` (everything that names a
 * case) and `POST /v1/users/{id}/subject-access-export` (everything about a member of staff),
 * each a ZIP of a readable HTML report and the records as JSON. Only QA officers and senior
 * managers make them, always with a reason; the activity log keeps who made each and why.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { CaseRef, EntityId } from '@waypoint/shared/cases/case-schemas';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { SUBJECT_ACCESS_ROLES, SubjectAccessExportBody } from '@waypoint/shared/subject-access/subject-access-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { findCase } from '../cases/case-store.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { notFound } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { getUser } from '../users/user-store.ts';
import { caseSubjectRecords } from './case-subject-records.ts';
import { deliverExport } from './export-delivery.ts';
import { reportContext } from './report-context.ts';
import { caseReport, staffReport } from './subject-access-report.ts';
import { staffSubjectRecords } from './staff-subject-records.ts';

export const caseSubjectAccessRoutes = new Hono<AppEnv>();
export const staffSubjectAccessRoutes = new Hono<AppEnv>();

caseSubjectAccessRoutes.post('/:ref/subject-access-export', async (c) => {
  const { tenant, staff } = c.var;
  const ref = readParam(c, 'ref', CaseRef);
  requireRole(staff, SUBJECT_ACCESS_ROLES);
  const found = await findCase(tenant, ref);
  if (!found) throw notFound('case');
  const { reason } = await readJsonBody(c, SubjectAccessExportBody);
  const at = clock.nowIso();
  const records = await caseSubjectRecords(tenant, found);
  const ctx = await reportContext({
    tenant,
    staff,
    reason,
    at,
    records: { audits: records.audits, actions: records.actions, others: [found.holderId, found.studentId ?? undefined, ...records.journey.map((e) => e.recordedById), ...records.complianceChecks.map((k) => k.checkedById)] },
  });
  // Logged before a byte is sent: an export that was made is always on record.
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'subject-access-export', entityId: `case.${found.ref}`, versionBefore: null, versionAfter: 1, at, changes: [], reason });
  return deliverExport({
    tenant,
    objects: c.var.deps.objects,
    filename: `case-${found.ref}-records-${londonDate(new Date(at))}.zip`,
    report: caseReport(ctx, records),
    records: { export: { subject: { case: found.ref }, madeAt: at, madeBy: staff.userId, reason, engagementResponses: 'Not included: feedback through Have your say is anonymous' }, ...records },
  });
});

staffSubjectAccessRoutes.post('/:id/subject-access-export', async (c) => {
  const { tenant, staff } = c.var;
  const userId = readParam(c, 'id', EntityId);
  requireRole(staff, SUBJECT_ACCESS_ROLES);
  const person = await getUser(tenant, userId);
  if (!person) throw notFound('user');
  const { reason } = await readJsonBody(c, SubjectAccessExportBody);
  const at = clock.nowIso();
  const records = await staffSubjectRecords(tenant, person);
  const ctx = await reportContext({ tenant, staff, reason, at, records: { audits: records.audits, actions: records.actions, others: [person.id, ...records.shadowing.flatMap((s) => [s.shadowerId, s.practitionerId])] } });
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'subject-access-export', entityId: `staff.${person.id}`, versionBefore: null, versionAfter: 1, at, changes: [], reason });
  return deliverExport({
    tenant,
    objects: c.var.deps.objects,
    filename: `staff-${person.id}-records-${londonDate(new Date(at))}.zip`,
    report: staffReport(ctx, records),
    records: { export: { subject: { staff: person.id }, madeAt: at, madeBy: staff.userId, reason }, ...records },
  });
});

const ZIP_SUCCESS = {
  status: 200,
  description:
    'A ZIP holding `report.html` (the records in words, to read or print) and `records.json` (the same records in full). An export whose records pass 4 MB is instead written to storage and answered 201 with `{ downloadUrl, expiresAt, filename }`: a presigned address that works for five minutes.',
  contentType: 'application/zip',
} as const;

export const subjectAccessRouteDocs = describeRoutes([
  {
    method: 'post',
    path: '/v1/cases/{ref}/subject-access-export',
    tag: 'Subject access',
    summary: 'Export everything that names a case, for a subject access request',
    description:
      'The case, its journey, every audit with its answers, reflections and moderation, every action and every records compliance check of it. Feedback given through Have your say is anonymous and never included. The activity log records who made the export and the reason given.',
    access: SUBJECT_ACCESS_ROLES,
    params: { ref: CaseRef },
    body: SubjectAccessExportBody,
    success: ZIP_SUCCESS,
  },
  {
    method: 'post',
    path: '/v1/users/{id}/subject-access-export',
    tag: 'Subject access',
    summary: 'Export everything about a member of staff, for a subject access request',
    description: 'Their record, the audits they took part in, their reflections, learning record, actions, work shadowing and what the activity log says they did. The activity log records who made the export and the reason given.',
    access: SUBJECT_ACCESS_ROLES,
    params: { id: v.pipe(EntityId, v.description('The person’s id')) },
    body: SubjectAccessExportBody,
    success: ZIP_SUCCESS,
  },
]);
