/**
 * Someone who signed in through their council's own sign-in, in none of the groups their
 * authority has mapped, waits here: no data, just what happens next. Once an administrator
 * has approved them, the same address takes them in.
 */
import { redirect } from '@sveltejs/kit';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.session) redirect(303, '/signin');
  try {
    await createApi(event).getJson('/v1/me', { handle: [403] });
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return { name: event.locals.session.name };
    throw e;
  }
  // Approved since (or never waiting): in they go.
  redirect(303, '/');
};
