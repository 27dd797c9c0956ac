/** How the service, case and practitioner levels appear in the OpenAPI document. */
import * as v from 'valibot';
import { CaseRef, EntityId } from '@waypoint/shared/cases/case-schemas';
import { ServiceExportQuery, ServiceViewQuery } from '@waypoint/shared/dashboards/service-view-schemas';
import { AUDIT_READERS } from '@waypoint/shared/audits/audit-roles';
import { describeRoutes } from '../openapi/route-docs.ts';
import { CaseEvidenceResource, PractitionerLearningResource, ServiceViewResource, TeamViewResource } from './dashboard-resources.ts';
import { SERVICE_VIEWERS } from './service-routes.ts';
import { TEAM_PAGE_READERS } from './team-page-routes.ts';

const FILTERS = {
  period: '`month`, `quarter` (the calendar quarter) or `12m`; 12m when absent',
  to: 'The month the period ends with (YYYY-MM); this month when absent; never later (400)',
  team: 'Only this team (400 when there is no such team)',
  caseType: 'Only this case type',
};

export const dashboardRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/dashboards/service',
    tag: 'Dashboards',
    summary: 'The service-level view',
    description:
      'Audits due and completed on time, grades overall and by section, the trend by month, moderation agreement, actions raised and what became of them (done, verified, overdue, median days to done, whether they made a difference), the most common areas for development, grades and timeliness by group of children where cases record demographics (a group under 5 shows “fewer than 5”, and a second group is hidden when one alone would be), and what children and families told us: the themes staff tagged sent feedback with (a theme under 5 shows “fewer than 5”; with fewer than 5 responses tagged, no figure at all). From the monthly totals, so a 12-month view costs the same after ten years. Unknown parameters are a 400. No figure names or ranks a member of staff.',
    access: SERVICE_VIEWERS,
    query: v.object(ServiceViewQuery.entries),
    queryNotes: FILTERS,
    success: { status: 200, description: 'The figures', schema: ServiceViewResource },
  },
  {
    method: 'get',
    path: '/v1/dashboards/service/export',
    tag: 'Dashboards',
    summary: 'The rows behind one figure of the service view, as CSV',
    description: 'Takes the same filters as the view, and `figure`. Cells a spreadsheet would read as a formula (starting `= + - @`) are prefixed with an apostrophe; grades use the authority’s own names; small groups read “fewer than 5”.',
    access: SERVICE_VIEWERS,
    query: v.object(ServiceExportQuery.entries),
    queryNotes: { ...FILTERS, figure: 'Which figure’s rows' },
    success: { status: 200, description: 'A CSV file (attachment)', contentType: 'text/csv' },
  },
  {
    method: 'get',
    path: '/v1/dashboards/teams/{id}',
    tag: 'Dashboards',
    summary: 'A team’s page',
    description:
      'The team’s 12 months to this one from the monthly totals: audits on time, grades overall and by section, the most common areas for development, actions, records compliance (each exactly as the service view gives them for the team), open and overdue actions by owner in alphabetical order (counts only), and re-audits due. For the team’s managers, QA officers and senior managers; a team that is not the manager’s is a 403, one that does not exist (or is another authority’s) a 404.',
    access: TEAM_PAGE_READERS,
    params: { id: EntityId },
    success: { status: 200, description: 'The team’s figures', schema: TeamViewResource },
  },
  {
    method: 'get',
    path: '/v1/cases/{ref}/evidence',
    tag: 'Dashboards',
    summary: 'The case level: audits, grades over time, the journey and actions',
    description: 'For whoever may see the case (404 otherwise).',
    access: AUDIT_READERS,
    params: { ref: CaseRef },
    success: { status: 200, description: 'The case’s evidence', schema: CaseEvidenceResource },
  },
  {
    method: 'get',
    path: '/v1/practitioners/{id}/learning',
    tag: 'Dashboards',
    summary: 'A person’s learning record',
    description:
      'Their audits (of their practice, or as a student), grades, their own reflections, the actions they own and their learning themes. Only the person and the managers of their teams may read it (404 for anyone else; 403 for tenant admins). No route lists or ranks people.',
    access: AUDIT_READERS,
    params: { id: EntityId },
    success: { status: 200, description: 'The learning record', schema: PractitionerLearningResource },
  },
]);
