/** "What shadowing teaches us", for leaders: themes across shadowing, what practitioners said leaders should change, and the actions raised. */
import { error } from '@sveltejs/kit';
import { createApi } from '$lib/server/api';
import { shadowingApi } from '$lib/shadowing/shadowing-api.server';
import { canLearnFromShadowing } from '$lib/shadowing/shadowing-permissions';
import type { PageServerLoad } from './$types';

/** The periods offered; anything else in the address reads as the usual year. */
const PERIODS = [3, 6, 12, 24] as const;
const DEFAULT_MONTHS = 12;

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canLearnFromShadowing(me.role)) error(403, 'You do not have access to this page');
  const asked = Number(event.url.searchParams.get('months'));
  const months = (PERIODS as readonly number[]).includes(asked) ? asked : DEFAULT_MONTHS;
  return { learning: await shadowingApi(createApi(event)).learning(months), months, periods: PERIODS.map((m) => ({ value: String(m), label: `The last ${m} months` })), isManager: me.role === 'manager' };
};
