/** Opens a session with a code or an activity's public link, keeps its token in the cookie, and goes to the questions. */
import { redirect, type Cookies } from '@sveltejs/kit';
import type { EngagementLanguage } from '@waypoint/shared/engagement/languages';
import { redirectForRefusal } from './area.server.ts';
import { publicApi } from './public-api.server.ts';
import { areaPath, setSessionCookie } from './session-cookie.server.ts';

export async function startSessionAndGo(
  event: { cookies: Cookies },
  options: { slug: string; lang: EngagementLanguage; code?: string; activityId?: string; website?: string },
): Promise<never> {
  const { slug, lang, code, activityId, website } = options;
  const result = await publicApi.startSession(slug, { ...(code ? { code } : { activityId }), lang, ...(website ? { website } : {}) });
  if (!result.ok) redirectForRefusal(slug, result, code ? 'unknown-code' : 'unknown-activity');
  setSessionCookie(event.cookies, slug, result.value);
  redirect(303, `${areaPath(slug)}/answer`);
}
