/** The sign-in page: explains where staff are sent, or returns a signed-in user to where they were going. */
import { redirect } from '@sveltejs/kit';
import { safeReturnTo } from '$lib/server/session/return-to';
import type { PageServerLoad } from './$types';

const PROBLEMS: Record<string, string> = {
  expired: 'Your sign-in took too long or was started in another window. Sign in again.',
  failed: 'We could not sign you in. Try again.',
  unavailable: 'The sign-in service is not available just now. Try again in a few minutes.',
  cancelled: 'Sign-in was cancelled.',
  revoked: 'You have been signed out because your Waypoint account has been switched off. If you think this is a mistake, ask your authority’s Waypoint administrator.',
};

export const load: PageServerLoad = ({ locals, url }) => {
  const returnTo = safeReturnTo(url.searchParams.get('returnTo'));
  if (locals.session) redirect(303, returnTo);
  const problem = PROBLEMS[url.searchParams.get('problem') ?? ''];
  return { returnTo, problem };
};
