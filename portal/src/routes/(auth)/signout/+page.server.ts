/** Sign out: a form post (so another site cannot sign staff out), then the provider's own sign-out. */
import { redirect } from '@sveltejs/kit';
import { signOutUrl } from '$lib/server/auth/oidc';
import { clearStaffSession } from '$lib/server/session/staff-session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.session) redirect(303, '/signin');
  return {};
};

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    const idToken = locals.session?.idToken;
    clearStaffSession(cookies);
    redirect(303, await signOutUrl(idToken));
  },
};
