/** Starts a sign-in: keeps state, nonce and PKCE verifier in a sealed cookie, then goes to the provider. */
import { redirect } from '@sveltejs/kit';
import { beginSignIn } from '$lib/server/auth/oidc';
import { safeReturnTo } from '$lib/server/session/return-to';
import { writeLoginState } from '$lib/server/session/staff-session';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, cookies }) => {
  const returnTo = safeReturnTo(url.searchParams.get('returnTo'));
  let target: URL;
  try {
    const { url: authorizationUrl, login } = await beginSignIn(returnTo);
    writeLoginState(cookies, login);
    target = authorizationUrl;
  } catch (cause) {
    console.error('Sign-in could not start:', (cause as Error).message);
    redirect(303, '/signin?problem=unavailable');
  }
  redirect(303, target.href);
};
