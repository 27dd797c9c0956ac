/** OpenAPI descriptions of `/v1/engagement`: activities and their invitation codes. */
import { ActivityId, CreateActivityBody, ListActivitiesQuery, UpdateActivityBody } from '@waypoint/shared/engagement/activity-schemas';
import { ACTIVITY_EDITORS, ACTIVITY_READERS, CODE_ISSUERS } from '@waypoint/shared/engagement/engagement-roles';
import { CodeId, IssueCodeBody, ListCodesQuery } from '@waypoint/shared/engagement/invitation-codes';
import { describeRoutes } from '../openapi/route-docs.ts';
import { ActivityDetailResource, ActivityPageResource, ActivityResource, CodePageResource, CodeResource } from './engagement-resources.ts';

const ACTIVITY_SCOPE = 'QA officers and senior managers see every activity; team managers and practitioners see their teams’ activities and those for the whole authority. Anything else is a 404.';
const CODE_SCOPE = 'QA officers, senior managers and team managers (for activities they can see) issue either kind; practitioners issue single-use codes, linked only to cases they hold, and see and revoke their own codes.';

export const engagementRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/engagement/activities',
    tag: 'Engagement',
    summary: 'List engagement activities',
    description: `Newest opening date first. ${ACTIVITY_SCOPE}`,
    access: ACTIVITY_READERS,
    query: ListActivitiesQuery,
    queryNotes: { limit: 'At most 100; 25 when absent' },
    success: { status: 200, description: 'A page of activities', schema: ActivityPageResource },
  },
  {
    method: 'post',
    path: '/v1/engagement/activities',
    tag: 'Engagement',
    summary: 'Create an engagement activity',
    description: 'Pins the newest version of the feedback form named by `templateId`. A team manager must name one of their own teams.',
    access: ACTIVITY_EDITORS,
    body: CreateActivityBody,
    success: { status: 201, description: 'The new activity', schema: ActivityResource, etag: true, location: true },
  },
  {
    method: 'get',
    path: '/v1/engagement/activities/{id}',
    tag: 'Engagement',
    summary: 'Read an engagement activity',
    description: `With how many responses were begun and sent. ${ACTIVITY_SCOPE}`,
    access: ACTIVITY_READERS,
    params: { id: ActivityId },
    success: { status: 200, description: 'The activity', schema: ActivityDetailResource, etag: true },
  },
  {
    method: 'patch',
    path: '/v1/engagement/activities/{id}',
    tag: 'Engagement',
    summary: 'Change an engagement activity',
    description:
      'Send only what changes; `null` clears an optional field. `translations` is replaced as a whole, not merged: send every language the activity should keep (`cy`, `pl`, `ur`, `easy`, each `{ title, description? }`), and `null` or `{}` removes them all; leave it out to keep them as they are. The audience and the pinned form never change. Team managers change only their teams’ activities and keep them in their teams.',
    access: ACTIVITY_EDITORS,
    params: { id: ActivityId },
    body: UpdateActivityBody,
    ifMatch: true,
    success: { status: 200, description: 'The activity as changed', schema: ActivityResource, etag: true },
  },
  {
    method: 'get',
    path: '/v1/engagement/activities/{id}/codes',
    tag: 'Engagement',
    summary: 'List an activity’s invitation codes',
    description: `Newest first, with each code’s status and use. ${CODE_SCOPE}`,
    access: CODE_ISSUERS,
    params: { id: ActivityId },
    query: ListCodesQuery,
    success: { status: 200, description: 'A page of codes', schema: CodePageResource },
  },
  {
    method: 'post',
    path: '/v1/engagement/activities/{id}/codes',
    tag: 'Engagement',
    summary: 'Issue an invitation code',
    description: `A single-use code for one family (optionally linked to a case, so a safety alert can name it) or a shared code for a group or event. It expires on \`expiresOn\` and never works after the activity closes (a closed activity is a 409; so is linking a case whose reference is being changed). ${CODE_SCOPE}`,
    access: CODE_ISSUERS,
    params: { id: ActivityId },
    body: IssueCodeBody,
    success: { status: 201, description: 'The new code, with the code to give out', schema: CodeResource, location: true },
  },
  {
    method: 'post',
    path: '/v1/engagement/activities/{id}/codes/{codeId}/revoke',
    tag: 'Engagement',
    summary: 'Revoke an invitation code',
    description: `The code stops opening sessions at once; sessions already open can still finish their response. Revoking again changes nothing. ${CODE_SCOPE}`,
    access: CODE_ISSUERS,
    params: { id: ActivityId, codeId: CodeId },
    success: { status: 200, description: 'The code, revoked', schema: CodeResource },
  },
]);
