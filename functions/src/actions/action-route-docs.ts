/** How the action routes appear in the OpenAPI document. */
import { CreateActionBody } from '@waypoint/shared/actions/action-schemas';
import { AUDIT_READERS, AUDIT_RUNNERS } from '@waypoint/shared/audits/audit-roles';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { describeRoutes } from '../openapi/route-docs.ts';
import { ActionResource } from './action-resources.ts';

export const actionRouteDocs = describeRoutes([
  {
    method: 'post',
    path: '/v1/actions',
    tag: 'Actions',
    summary: 'Raise an action from an audit finding',
    description:
      'The action starts open. The audit must be one you run (else 400 on `source.auditId`), the section one of its template’s, the owner active staff in the case’s team (400 on `ownerId`), the due date today or later. A cancelled audit raises no actions (409). The owner is emailed. Send `Idempotency-Key` to make a retry safe.',
    access: AUDIT_RUNNERS,
    body: CreateActionBody,
    otherErrors: [409],
    success: { status: 201, description: 'The new action', schema: ActionResource, etag: true, location: true },
  },
  {
    method: 'get',
    path: '/v1/actions/{id}',
    tag: 'Actions',
    summary: 'Read an action',
    description: 'Its owner, and whoever may see the audit it came from, may read it; to anyone else it is a 404.',
    access: AUDIT_READERS,
    params: { id: EntityId },
    success: { status: 200, description: 'The action', schema: ActionResource, etag: true },
  },
]);
