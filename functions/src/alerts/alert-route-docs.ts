/** OpenAPI descriptions of `/v1/alerts`: safety alerts from engagement responses. */
import { ALERT_ACKNOWLEDGERS, AlertId, ListAlertsQuery, RecordAlertActionBody } from '@waypoint/shared/engagement/alert-schemas';
import { ALERT_HANDLERS } from '@waypoint/shared/engagement/engagement-roles';
import { describeRoutes } from '../openapi/route-docs.ts';
import { AlertDetailResource, AlertPageResource, AlertResource } from './alert-resources.ts';

const SCOPE = 'QA officers and senior managers see every alert; team managers the alerts of their teams (the activity’s team, or the linked case’s). Anything else is a 404.';

export const alertRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/alerts',
    tag: 'Alerts',
    summary: 'List safety alerts',
    description: `Open alerts (new and in hand) or closed ones, newest first, from have your say and from audits (\`source\`). ${SCOPE}`,
    access: ALERT_HANDLERS,
    query: ListAlertsQuery,
    queryNotes: { status: '`open` (the default) or `closed`', limit: 'At most 100; 25 when absent' },
    success: { status: 200, description: 'A page of alerts', schema: AlertPageResource },
  },
  {
    method: 'get',
    path: '/v1/alerts/{id}',
    tag: 'Alerts',
    summary: 'Read a safety alert',
    description: `With the response as it stands now (the person may have gone on answering) and what staff have done. ${SCOPE}`,
    access: ALERT_HANDLERS,
    params: { id: AlertId },
    success: { status: 200, description: 'The alert', schema: AlertDetailResource, etag: true },
  },
  {
    method: 'post',
    path: '/v1/alerts/{id}/actions',
    tag: 'Alerts',
    summary: 'Record what was done about an alert',
    description: `Adds a note of what was done and moves the alert to in hand, or closes it. Recorded in the activity log. ${SCOPE}`,
    access: ALERT_HANDLERS,
    params: { id: AlertId },
    body: RecordAlertActionBody,
    success: { status: 201, description: 'The alert with the action added', schema: AlertResource, etag: true },
  },
  {
    method: 'post',
    path: '/v1/alerts/{id}/acknowledgement',
    tag: 'Alerts',
    summary: 'Acknowledge a safeguarding concern from an audit',
    description: `A team manager of the audit’s team or a QA officer (a senior manager: 403) says they have the concern in hand, within the authority’s set hours (\`safeguardingAcknowledgeHours\`, 24 by default); a new alert moves to in hand. Unacknowledged ones are escalated to the senior managers by email, once. Acknowledging again changes nothing. A have-your-say alert is a 409. No body. ${SCOPE}`,
    access: ALERT_ACKNOWLEDGERS,
    params: { id: AlertId },
    otherErrors: [409],
    success: { status: 200, description: 'The alert as acknowledged', schema: AlertResource, etag: true },
  },
]);
