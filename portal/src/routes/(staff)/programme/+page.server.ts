/** `/programme` opens this month (in London). */
import { redirect } from '@sveltejs/kit';
import { londonMonth } from '@waypoint/shared/time/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  redirect(303, `/programme/${londonMonth(new Date())}`);
};
