/**
 * A link to start straight away: `start?code=ABCD-EFGH` (a code from a worker, a card or a
 * message) or `start?activity=<id>` (an activity's public link). Refusals go to their page.
 */
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { normaliseInvitationCode } from '@waypoint/shared/engagement/invitation-codes';
import { problemPath, requestLanguage, slugFrom, visitorAddress } from '$lib/engagement/area.server';
import { startSessionAndGo } from '$lib/engagement/start-session.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const slug = slugFrom(event.params.slug);
  const lang = requestLanguage(event);
  const rawCode = event.url.searchParams.get('code');
  const activity = event.url.searchParams.get('activity');
  if (rawCode !== null) {
    const code = normaliseInvitationCode(rawCode.slice(0, 64));
    if (!code) redirect(303, problemPath(slug, 'unknown-code'));
    return startSessionAndGo(event, { slug, lang, code, clientAddress: visitorAddress(event) });
  }
  if (activity !== null) {
    if (!v.is(ActivityId, activity)) redirect(303, problemPath(slug, 'unknown-activity'));
    return startSessionAndGo(event, { slug, lang, activityId: activity, clientAddress: visitorAddress(event) });
  }
  redirect(303, `/have-your-say/${slug}`);
};
