/** How the records compliance routes appear in the OpenAPI document. */
import * as v from 'valibot';
import { COMPLIANCE_ROLES } from '@waypoint/shared/compliance/compliance-roles';
import { ChangeCheckBody, ComplianceCheckId, ComplianceExportQuery, ComplianceReportQuery, DrawComplianceBody, Month, RecordCheckBody } from '@waypoint/shared/compliance/compliance-schemas';
import { describeRoutes } from '../openapi/route-docs.ts';
import { ComplianceCheckResource, ComplianceProgrammeResource, ComplianceReportResource } from './compliance-resources.ts';

const TAG = 'Records compliance';
const FILTERS = { to: 'The last of the 12 months; this month when absent, never a later one', team: 'One team’s checks only' };

export const complianceRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/compliance/programmes/{month}',
    tag: TAG,
    summary: 'The month’s records compliance cases',
    description: 'Each team’s drawn cases with whether each is checked and which items were answered “no”, and `next`, the first case not yet checked. Before the month is drawn, `drawn` is null and there are no teams.',
    access: COMPLIANCE_ROLES,
    params: { month: Month },
    success: { status: 200, description: 'The month’s cases', schema: ComplianceProgrammeResource, etag: true },
  },
  {
    method: 'post',
    path: '/v1/compliance/programmes/{month}',
    tag: TAG,
    summary: 'Draw the month’s cases to check',
    description:
      'This month or next (400 on `month` otherwise). Takes `checksPerTeam` open cases (5 when absent) from every team with the same seeded sampling as the audit sample, spread across case holders and case types; each team’s seed and candidates are kept so the draw replays. A month is drawn once: drawing again answers 200 with the cases already drawn.',
    access: COMPLIANCE_ROLES,
    params: { month: Month },
    body: DrawComplianceBody,
    success: { status: 201, description: 'The cases drawn', schema: ComplianceProgrammeResource, etag: true, location: true },
  },
  {
    method: 'post',
    path: '/v1/compliance/checks',
    tag: TAG,
    summary: 'Record a records compliance check of a case',
    description:
      'Every item of the checklist answered `yes`, `no` or `na` (400 naming each one left out), with an optional note per item. The month may not be after this one; the case must exist (400 on `caseRef`). One check per case per month: a second is a 409 (change the first with PUT). The check counts in the monthly totals at the case’s team and type when checked. Send `Idempotency-Key` to make a retry safe.',
    access: COMPLIANCE_ROLES,
    body: RecordCheckBody,
    otherErrors: [409],
    success: { status: 201, description: 'The check', schema: ComplianceCheckResource, etag: true, location: true },
  },
  {
    method: 'get',
    path: '/v1/compliance/checks/{id}',
    tag: TAG,
    summary: 'Read a records compliance check',
    access: COMPLIANCE_ROLES,
    params: { id: ComplianceCheckId },
    success: { status: 200, description: 'The check', schema: ComplianceCheckResource, etag: true },
  },
  {
    method: 'put',
    path: '/v1/compliance/checks/{id}',
    tag: TAG,
    summary: 'Change a records compliance check',
    description: 'Every item answered again, with the notes to keep (a note left out is removed). Saving it unchanged changes nothing.',
    access: COMPLIANCE_ROLES,
    params: { id: ComplianceCheckId },
    body: ChangeCheckBody,
    ifMatch: true,
    success: { status: 200, description: 'The check', schema: ComplianceCheckResource, etag: true },
  },
  {
    method: 'get',
    path: '/v1/compliance/report',
    tag: TAG,
    summary: 'The records compliance report: 12 months',
    description:
      'The share compliant (yes ÷ (yes + no); not applicable counts for neither) overall, by month, by checklist item and by team, from the monthly totals, so it costs the same whatever the years of checks behind it. The service dashboard’s compliance figure for the same 12 months and team is the same sum.',
    access: COMPLIANCE_ROLES,
    query: v.object(ComplianceReportQuery.entries),
    queryNotes: FILTERS,
    success: { status: 200, description: 'The report', schema: ComplianceReportResource },
  },
  {
    method: 'get',
    path: '/v1/compliance/report/export',
    tag: TAG,
    summary: 'One table of the compliance report, as CSV',
    description: 'The same filters as the report, and `figure`: `months`, `items` or `teams`. Cells a spreadsheet would read as a formula are prefixed with an apostrophe.',
    access: COMPLIANCE_ROLES,
    query: v.object(ComplianceExportQuery.entries),
    queryNotes: { ...FILTERS, figure: 'Which table' },
    success: { status: 200, description: 'A CSV file (attachment)', contentType: 'text/csv' },
  },
]);
