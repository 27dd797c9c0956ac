/** How the action routes appear in the OpenAPI document. */
import * as v from 'valibot';
import { ActionImpactBody, CancelActionBody, CompleteActionBody, CreateActionBody, ListActionsQuery, ReopenActionBody, VerifyActionBody } from '@waypoint/shared/actions/action-schemas';
import { AUDIT_READERS, AUDIT_RUNNERS } from '@waypoint/shared/audits/audit-roles';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { describeRoutes, type RouteDoc } from '../openapi/route-docs.ts';
import { ActionDetailResource, ActionPageResource } from './action-resources.ts';

const MOVE_ORDER = 'Checked in this order: If-Match sent (428), the body (400), who may (403), the version quoted (412), then the lifecycle (409).';

function move(name: string, summary: string, description: string, body?: RouteDoc['body']): RouteDoc {
  return {
    method: 'post',
    path: `/v1/actions/{id}/${name}`,
    tag: 'Actions',
    summary,
    description: `${description} ${MOVE_ORDER}`,
    access: AUDIT_READERS,
    params: { id: EntityId },
    ...(body ? { body } : {}),
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The action as it now stands', schema: ActionDetailResource, etag: true },
  };
}

export const actionRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/actions',
    tag: 'Actions',
    summary: 'List my actions, my teams’ actions or a case’s actions',
    description:
      '`view=mine`: your own actions. `view=team`: a manager’s teams (or `team`, one of them), or any team for QA officers and senior managers; practitioners and students get 403. `view=case` with `caseRef`: the case’s actions, grouped by audit, for whoever may see the case (404 otherwise). `status=open` (the default for mine and team) lists open and in-progress actions, overdue first then by due date; `closed` lists done, verified and cancelled ones, newest first; a case lists all unless `status` is given. Unknown parameters are a 400. Tenant admins get 403.',
    access: AUDIT_READERS,
    query: v.object(ListActionsQuery.entries),
    queryNotes: { limit: '1 to 100; 25 when absent', cursor: 'The `nextCursor` of the previous page' },
    success: { status: 200, description: 'A page of actions, each with whether it is overdue', schema: ActionPageResource },
  },
  {
    method: 'post',
    path: '/v1/actions',
    tag: 'Actions',
    summary: 'Raise an action from an audit finding or a feedback comment',
    description:
      'The action starts open. From an audit (`source.type` `audit`): the audit must be one you run (else 400 on `source.auditId`), the section one of its template’s, the owner active staff in the case’s team (400 on `ownerId`); a cancelled audit raises no actions (409). From feedback (`source.type` `feedback`): the response must be a sent one with a comment you could read on the activity’s comments page (the same roles and activities; 404 otherwise, as for another authority’s). Such an action is about the service and has no `caseRef`, even when the response came through a code linked to a case, so it shows nothing the comments page does not. Its team is the activity’s; for an activity for the whole authority, name it in `teamId` (400 when missing; managers name one of their own teams). From a records compliance check (`source.type` `compliance`, QA officers and senior managers): the item must be one the check answered “no” (400 on `source.item`; an unknown check is a 400 on `source.checkId`); the action is about the check’s case, in the team holding it now, usually owned by its case holder. `teamId` is refused for any other action. The due date must be today or later (400 on `dueDate`). The owner is emailed. Send `Idempotency-Key` to make a retry safe.',
    access: AUDIT_RUNNERS,
    body: CreateActionBody,
    otherErrors: [409],
    success: { status: 201, description: 'The new action', schema: ActionDetailResource, etag: true, location: true },
  },
  {
    method: 'get',
    path: '/v1/actions/{id}',
    tag: 'Actions',
    summary: 'Read an action',
    description:
      'Its owner, the managers of its team, and whoever may see the audit it came from (for one from feedback, whoever raised it) may read it; QA officers and senior managers read any. To anyone else it is a 404. `moves` lists what you can do with it now; `activityTitle` names the activity an action from feedback came from.',
    access: AUDIT_READERS,
    params: { id: EntityId },
    success: { status: 200, description: 'The action', schema: ActionDetailResource, etag: true },
  },
  move('start', 'Start an open action', 'The owner, or someone overseeing the action (a manager of its team, the auditor, whoever raised it, QA, senior managers).'),
  move('complete', 'Record an action as done, with its evidence', 'The owner or someone overseeing it. `doneOn` cannot be in the future nor before the action was raised (400). The owner’s managers and the auditor are asked to verify it.', CompleteActionBody),
  move('verify', 'Verify a done action', 'Only the owner’s manager or the auditor; never the owner (403), even a manager verifying their own. The owner is told.', VerifyActionBody),
  move('reopen', 'Reopen a done or verified action, with a reason', 'The owner’s manager, the auditor or QA; never the owner. What had been recorded as done is kept in `reopenings`. The owner is told.', ReopenActionBody),
  move('cancel', 'Cancel an open action, with a reason', 'Someone overseeing it: a manager of its team, the auditor, whoever raised it, QA, senior managers.', CancelActionBody),
  {
    method: 'put',
    path: '/v1/actions/{id}/impact',
    tag: 'Actions',
    summary: 'Say whether the action made a difference for the child, from the re-audit',
    description:
      'The re-audit of a case asks this of each action the previous audit raised (`previousAudit.actions` on its read view). `reauditId` must be that re-audit (400 otherwise); whoever may run it answers. A cancelled action or re-audit is a 409. Answering again replaces the answer.',
    access: AUDIT_RUNNERS,
    params: { id: EntityId },
    body: ActionImpactBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The action with its answer', schema: ActionDetailResource, etag: true },
  },
]);
