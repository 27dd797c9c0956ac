/** Response schema for actions in the OpenAPI document. */
import * as v from 'valibot';
import { ACTION_PRIORITIES, ACTION_STATES, CreateActionBody } from '@waypoint/shared/actions/action-schemas';
import { CaseRef, EntityId } from '@waypoint/shared/cases/case-schemas';
import { versionedFields } from '../openapi/resource-fields.ts';

const { source, description, finding, ownerId, dueDate } = CreateActionBody.entries;

export const ActionResource = v.pipe(
  v.object({
    id: EntityId,
    source,
    description,
    finding,
    ownerId,
    dueDate,
    priority: v.picklist(ACTION_PRIORITIES),
    state: v.picklist(ACTION_STATES),
    caseRef: CaseRef,
    teamId: v.pipe(EntityId, v.description('The case’s team when the action was raised')),
    raisedById: EntityId,
    ...versionedFields,
  }),
  v.title('Action'),
);
