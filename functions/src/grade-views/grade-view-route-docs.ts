/** OpenAPI descriptions of `/v1/audits/{id}/grade-views`: the case holder's voice on the grades. */
import { AUDIT_READERS } from '@waypoint/shared/audits/audit-roles';
import { AuditId } from '@waypoint/shared/audits/audit-schemas';
import { GradeViewBody, GradeViewReplyBody } from '@waypoint/shared/audits/grade-view-schemas';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { PartId } from '@waypoint/shared/templates/template-schemas';
import { describeRoutes } from '../openapi/route-docs.ts';
import { GradeViewsResource } from './grade-view-resources.ts';

const SEEING = 'Someone who cannot see the audit gets a 404, the same as an audit that does not exist.';

export const gradeViewRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/audits/{id}/grade-views',
    tag: 'Audits',
    summary: 'Read the views on an audit’s grades',
    description: `Whether the case holder and the student agreed with each section’s grade, why not, and any reply. Whoever may see the audit. The ETag (once a view exists) is what changing a view or replying quotes. ${SEEING}`,
    access: AUDIT_READERS,
    params: { id: AuditId },
    success: { status: 200, description: 'The views', schema: GradeViewsResource, etag: true },
  },
  {
    method: 'put',
    path: '/v1/audits/{id}/grade-views/{sectionId}',
    tag: 'Audits',
    summary: 'Agree or disagree with a section’s grade',
    description: `The audit’s case holder, or the student who took part, once the audit is completed (before: 409; anyone else who can see the audit: 403; a section without a grade: 404). \`reason\` is required to disagree and left out to agree. A first view needs no If-Match; changing one does (428 without, 412 when stale); sending the same view again changes nothing. A disagreement emails the auditor and every QA officer, who may reply or moderate the audit; the views count towards “agreed with the grade” on the service dashboard. ${SEEING}`,
    access: ['practitioner', 'student', 'manager', 'qa', 'senior'],
    params: { id: AuditId, sectionId: PartId },
    body: GradeViewBody,
    otherErrors: [409, 412, 428],
    success: { status: 200, description: 'Every view on the audit', schema: GradeViewsResource, etag: true },
  },
  {
    method: 'put',
    path: '/v1/audits/{id}/grade-views/{sectionId}/{personId}/reply',
    tag: 'Audits',
    summary: 'Reply to someone who disagreed with a grade',
    description: `The auditor or a QA officer (anyone else who can see the audit: 403). Only a disagreement takes a reply (an agreement: 409; no such view: 404). Replying again replaces the reply. The person who disagreed is emailed. ${SEEING}`,
    access: ['manager', 'qa', 'senior'],
    params: { id: AuditId, sectionId: PartId, personId: EntityId },
    body: GradeViewReplyBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'Every view on the audit', schema: GradeViewsResource, etag: true },
  },
]);
