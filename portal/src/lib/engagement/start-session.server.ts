/** Opens a session with a code or an activity's public link, keeps its token in the cookie, and goes to the questions. */
import { redirect, type Cookies } from '@sveltejs/kit';
import type { EngagementLanguage } from '@waypoint/shared/engagement/languages';
import { redirectForRefusal } from './area.server.ts';
import { publicApi, type PublicRefusal } from './public-api.server.ts';
import { areaPath, setSessionCookie } from './session-cookie.server.ts';

interface Opening {
  slug: string;
  lang: EngagementLanguage;
  code?: string;
  activityId?: string;
  website?: string;
  /** The person's own address, for the API's limit on wrong codes; never stored as it is. */
  clientAddress?: string;
}

/** Goes to the questions when the session opens; otherwise returns why not, for the caller to say. */
export async function tryStartSession(event: { cookies: Cookies }, options: Opening): Promise<PublicRefusal> {
  const { slug, lang, code, activityId, website, clientAddress } = options;
  const result = await publicApi.startSession(slug, { ...(code ? { code } : { activityId }), lang, ...(website ? { website } : {}) }, clientAddress);
  if (!result.ok) return result;
  setSessionCookie(event.cookies, slug, result.value);
  redirect(303, `${areaPath(slug)}/answer`);
}

/** As `tryStartSession`, sending any refusal to the page that explains it. */
export async function startSessionAndGo(event: { cookies: Cookies }, options: Opening): Promise<never> {
  const refusal = await tryStartSession(event, options);
  redirectForRefusal(options.slug, refusal, options.code ? 'unknown-code' : 'unknown-activity');
}
