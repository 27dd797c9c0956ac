/** The action lists' filters from the address; anything malformed is dropped rather than sent on. */
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';

export interface ActionListFilters {
  status: 'open' | 'closed';
  team?: string;
  cursor?: string;
}

export function listFilters(params: URLSearchParams): ActionListFilters {
  const team = v.safeParse(EntityId, params.get('team') ?? '');
  const cursor = params.get('cursor') ?? '';
  return {
    status: params.get('status') === 'closed' ? 'closed' : 'open',
    ...(team.success ? { team: team.output } : {}),
    ...(cursor && cursor.length <= 2048 ? { cursor } : {}),
  };
}
