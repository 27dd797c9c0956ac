/** Where the provider sends staff back: exchange the code, keep the session, continue where they were going. */
import { redirect } from '@sveltejs/kit';
import { completeSignIn } from '$lib/server/auth/oidc';
import { takeLoginState, writeStaffSession } from '$lib/server/session/staff-session';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, cookies }) => {
  const login = takeLoginState(cookies);
  if (!login) redirect(303, '/signin?problem=expired');
  const providerError = url.searchParams.get('error');
  if (providerError) redirect(303, `/signin?problem=${providerError === 'access_denied' ? 'cancelled' : 'failed'}`);

  let returnTo: string;
  try {
    const session = await completeSignIn(url, login);
    writeStaffSession(cookies, session);
    returnTo = login.returnTo;
  } catch (cause) {
    // The message names the failed check; the code and tokens are never logged.
    const inner = (cause as Error).cause as Error | undefined;
    console.error('Sign-in could not complete:', (cause as Error).message, inner?.message ?? '');
    redirect(303, '/signin?problem=failed');
  }
  redirect(303, returnTo);
};
