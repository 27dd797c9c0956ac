/** Evidence files on an action (`/v1/actions/{id}/files`): anyone who may see the action may attach and open them. */
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { findVisibleAction } from '../actions/action-scope.ts';
import { caseViewer } from '../cases/case-scope.ts';
import { readParam } from '../platform/http/validation.ts';
import { evidenceFileRoutes } from './evidence-file-routes.ts';

export const actionFileRoutes = evidenceFileRoutes('/:id', {
  async find(c) {
    const { tenant, staff } = c.var;
    const action = await findVisibleAction(tenant, await caseViewer(tenant, staff), readParam(c, 'id', EntityId));
    return { type: 'action', id: action.id, keyParts: ['actions', action.id] };
  },
});
