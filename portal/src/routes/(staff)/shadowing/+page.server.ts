/** "Work shadowing": what the signed-in person has to do, the shadowing they booked and that of their own work. */
import { error } from '@sveltejs/kit';
import { createApi } from '$lib/server/api';
import { shadowingApi } from '$lib/shadowing/shadowing-api.server';
import { londonToday } from '$lib/shadowing/shadowing-context.server';
import { canBookShadowing, canLearnFromShadowing, canUseShadowing } from '$lib/shadowing/shadowing-permissions';
import type { ShadowingMove } from '@waypoint/shared/shadowing/shadowing-schemas';
import type { PageServerLoad } from './$types';

/** Moves that ask something of the reader now; cancelling and withdrawal are always there and ask nothing. */
const TO_DO: readonly ShadowingMove[] = ['agree', 'record-consent', 'give-feedback'];

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canUseShadowing(me.role)) error(403, 'You do not have access to this page');
  const list = await shadowingApi(createApi(event)).mine();
  // The list names its people once, beside the items.
  const items = list.items.map((s) => ({ ...s, people: list.people }));
  const toDo = items.filter((s) => s.moves.some((m) => TO_DO.includes(m)) || (s.moves.includes('observe') && s.observation === undefined));
  return {
    today: londonToday(),
    toDo,
    booked: items.filter((s) => s.side === 'shadower'),
    ofMyWork: items.filter((s) => s.side === 'practitioner'),
    canBook: canBookShadowing(me.role),
    canLearn: canLearnFromShadowing(me.role),
    isPractitioner: me.role === 'practitioner',
  };
};
