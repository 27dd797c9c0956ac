/** Every template of the authority, audits and feedback forms, with its newest version. */
import { templateApi } from '$lib/templates/template-api.server';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { items } = await templateApi(createApi(event)).list();
  const byName = [...items].sort((a, b) => a.name.localeCompare(b.name));
  return { audits: byName.filter((t) => t.kind === 'audit'), reviews: byName.filter((t) => t.kind === 'review'), forms: byName.filter((t) => t.kind === 'feedback-form') };
};
