/** One person's learning record; the API shows it to them and their managers only (404 to anyone else). */
import { readGradeLabels } from '$lib/audits/audit-context.server';
import { learningApi } from '$lib/practitioners/learning-api.server';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = createApi(event);
  const [learning, labels] = await Promise.all([learningApi(api).learning(event.params.id), readGradeLabels(api)]);
  return { learning, labels };
};
