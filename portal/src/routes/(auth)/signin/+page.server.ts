/**
 * The sign-in page asks for an email address first. People whose address belongs to a domain
 * their council has connected go straight to the council's own sign-in (the sign-in service's
 * `identity_provider`, as Cognito takes it); everyone else goes on to the Waypoint password
 * page with the address filled in. A signed-in user is returned to where they were going.
 */
import { fail, redirect } from '@sveltejs/kit';
import { beginSignIn } from '$lib/server/auth/oidc';
import { discoverSignIn } from '$lib/server/auth/sign-in-discovery';
import { safeReturnTo } from '$lib/server/session/return-to';
import { writeLoginState } from '$lib/server/session/staff-session';
import type { Actions, PageServerLoad } from './$types';

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

/** An address as people type them: something before and after one @, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const actions: Actions = {
  default: async ({ request, cookies }) => {
    const form = await request.formData();
    const raw = form.get('email');
    const email = typeof raw === 'string' ? raw.trim() : '';
    const returnToRaw = form.get('returnTo');
    const returnTo = safeReturnTo(typeof returnToRaw === 'string' ? returnToRaw : null);
    if (email === '') return fail(400, { email, error: 'Enter your work email address' });
    if (email.length > 254 || !EMAIL.test(email)) return fail(400, { email, error: 'Enter your work email address, like name@council.gov.uk' });

    let target: URL;
    let federated: boolean;
    try {
      const route = await discoverSignIn(email);
      federated = route.method === 'federated';
      const { url, login } = await beginSignIn(returnTo, { loginHint: email, identityProvider: route.method === 'federated' ? route.providerName : undefined });
      writeLoginState(cookies, login);
      target = url;
    } catch (cause) {
      console.error('Sign-in could not start:', (cause as Error).message);
      redirect(303, '/signin?problem=unavailable');
    }
    // The sign-in service passes a council's people straight on to the council's own provider,
    // whose address this page's form-action policy cannot know; a browser refuses a form post
    // redirected there. So they continue from a page of their own (at once, by a refresh that
    // needs no JavaScript, or by its link), which is a new navigation, not the form's.
    if (federated) return { continueTo: target.href };
    redirect(303, target.href);
  },
};
