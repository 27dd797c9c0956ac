/** Staff home: who you are, where, and the first few cases in your scope. */
import { canSeeCases } from '$lib/navigation/staff-navigation';
import { createApi } from '$lib/server/api';
import { readDirectory } from '$lib/server/cases/case-directory';
import type { PageServerLoad } from './$types';

const HOME_CASES = 5;

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canSeeCases(me.role)) return { cases: null, directory: null };
  const api = createApi(event);
  const [cases, directory] = await Promise.all([api.cases({ limit: HOME_CASES }), readDirectory(api, { people: true })]);
  return { cases, directory };
};
