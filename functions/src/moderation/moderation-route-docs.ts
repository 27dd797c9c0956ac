/** How the moderation routes appear in the OpenAPI document. */
import { AUDIT_READERS } from '@waypoint/shared/audits/audit-roles';
import { AuditId } from '@waypoint/shared/audits/audit-schemas';
import { AgreementQuery, ListModerationsQuery, ModerateAuditBody, ModerationSuggestionsQuery } from '@waypoint/shared/moderation/moderation-schemas';
import { describeRoutes } from '../openapi/route-docs.ts';
import { AgreementReportResource, LatestModerationMonthResource, ModerationListResource, ModerationResource, ModerationSuggestionsResource } from './moderation-resources.ts';
import { AGREEMENT_READERS } from './moderation-report-routes.ts';
import { MODERATORS } from './moderation-routes.ts';

export const moderationRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/audits/{id}/moderation',
    tag: 'Moderation',
    summary: 'Read an audit’s moderation',
    description: 'Whoever may see the audit may read its moderation (it is on the audit’s read view too). 404 until the audit is moderated.',
    access: AUDIT_READERS,
    params: { id: AuditId },
    success: { status: 200, description: 'The moderation', schema: ModerationResource, etag: true },
  },
  {
    method: 'put',
    path: '/v1/audits/{id}/moderation',
    tag: 'Moderation',
    summary: 'Moderate a completed audit, or revise the moderation',
    description:
      'Re-grade any of the sections the auditor graded (`sections.<id>`: 400 for a section the auditor did not grade) and the overall grade, with a comment. The audit must be completed (409). You cannot moderate an audit you ran (403). The first PUT creates it (201); to revise it, quote its ETag in If-Match (428 without, 412 when stale). The auditor is emailed.',
    access: MODERATORS,
    params: { id: AuditId },
    body: ModerateAuditBody,
    otherErrors: [409, 412, 428],
    success: { status: 200, description: 'The moderation as revised (201 with Location when created)', schema: ModerationResource, etag: true },
  },
  {
    method: 'get',
    path: '/v1/moderation/suggestions',
    tag: 'Moderation',
    summary: 'A suggested random sample of the month’s audits to moderate',
    description: 'Completed audits of the month not yet moderated and not run by you, drawn from the month’s seed and spread over auditors and teams: a tenth of the month’s completed audits (at least one) unless `size` says otherwise.',
    access: MODERATORS,
    query: ModerationSuggestionsQuery,
    queryNotes: { size: 'How many to suggest, 1 to 50' },
    success: { status: 200, description: 'The suggestion', schema: ModerationSuggestionsResource },
  },
  {
    method: 'get',
    path: '/v1/moderation/agreement',
    tag: 'Moderation',
    summary: 'Agreement between auditors and moderators',
    description: 'Exact agreement and Cohen’s kappa with quadratic weights over the period’s moderated audits (by the audits’ months), for all teams and per team; on every re-graded section and on the overall grade alone. An unknown team is a 400.',
    access: AGREEMENT_READERS,
    query: AgreementQuery,
    queryNotes: { period: 'A month (`2026-11`), quarter (`2026-Q4`) or year (`2026`)', team: 'Only this team' },
    success: { status: 200, description: 'The figures', schema: AgreementReportResource },
  },
  {
    method: 'get',
    path: '/v1/moderation',
    tag: 'Moderation',
    summary: 'The moderations of a month’s audits',
    access: AGREEMENT_READERS,
    query: ListModerationsQuery,
    success: { status: 200, description: 'The month’s moderations', schema: ModerationListResource },
  },
  {
    method: 'get',
    path: '/v1/moderation/latest-month',
    tag: 'Moderation',
    summary: 'The month moderation opens on',
    description: 'The latest of this month (London) and the twelve before it in which audits were completed or moderated, from the monthly totals; this month when there are none.',
    access: AGREEMENT_READERS,
    success: { status: 200, description: 'The month', schema: LatestModerationMonthResource },
  },
]);
