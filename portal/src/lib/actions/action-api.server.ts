/** The action calls of the Waypoint API (lists, one action, its lifecycle moves), on top of the one typed client. */
import type { ActionMove } from '@waypoint/shared/actions/action-lifecycle';
import type { ActionImpactBody, ActionPage, ActionView, CreateActionBody } from '@waypoint/shared/actions/action-schemas';
import type { Api } from '../server/api.ts';

/** One action as its page reads it: the moves this person can make now and the names it mentions. */
export interface ActionDetail extends ActionView {
  moves: ActionMove[];
  people: Record<string, string>;
  /** For an action from feedback: the activity it came from. */
  activityTitle?: string;
}

export interface ActionListQuery {
  view: 'mine' | 'team' | 'case';
  status?: 'open' | 'closed';
  team?: string;
  caseRef?: string;
  limit?: number;
  cursor?: string;
}

/** Statuses a move's form handles itself: bad input, refusals, the lifecycle and stale versions. */
const MOVE_STATUSES = [400, 403, 409, 412, 428] as const;
/** Statuses the raising form handles: bad input, refusals, a source gone or out of reach, conflicts, a reused key. */
const RAISE_STATUSES = [400, 403, 404, 409, 422] as const;

export function actionApi(api: Api) {
  return {
    list: (query: ActionListQuery, handle?: readonly number[]) => api.getJson<ActionPage>('/v1/actions', { query: { ...query }, handle }),
    action: (id: string) => api.getVersioned<ActionDetail>(`/v1/actions/${encodeURIComponent(id)}`),
    raise: (body: CreateActionBody, idempotencyKey?: string) => api.getJson<ActionDetail>('/v1/actions', { method: 'POST', body, idempotencyKey, handle: RAISE_STATUSES }),
    move: (id: string, move: ActionMove, version: string, body: unknown) =>
      api.getVersioned<ActionDetail>(`/v1/actions/${encodeURIComponent(id)}/${move}`, {
        method: 'POST',
        // start takes no body; the others take their move's fields.
        body: move === 'start' ? undefined : body,
        ifMatch: version,
        handle: MOVE_STATUSES,
      }),
    /** The re-audit's answer: did it make a difference for the child? */
    impact: (id: string, version: string, body: ActionImpactBody) => api.getVersioned<ActionDetail>(`/v1/actions/${encodeURIComponent(id)}/impact`, { method: 'PUT', body, ifMatch: version, handle: [...MOVE_STATUSES, 404] }),
  };
}
