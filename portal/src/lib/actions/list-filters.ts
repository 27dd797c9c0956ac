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

/** "3 of these 25 actions are overdue.", "The 1 action listed is overdue.": about the actions shown, in plain words. */
export function overdueText(overdue: number, listed: number): string {
  if (overdue === listed) return listed === 1 ? 'This action is overdue.' : `All ${listed} of these actions are overdue.`;
  return `${overdue} of these ${listed} actions ${overdue === 1 ? 'is' : 'are'} overdue.`;
}
