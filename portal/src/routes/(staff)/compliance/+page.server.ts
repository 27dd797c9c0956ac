/** `/compliance` opens this month's cases (in London). */
import { redirect } from '@sveltejs/kit';
import { londonMonth } from '@waypoint/shared/time/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  redirect(303, `/compliance/${londonMonth(new Date())}`);
};
