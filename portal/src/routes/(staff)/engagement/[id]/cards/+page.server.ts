/** Printable invitation cards for an activity's working codes: an A4 sheet of them, or one card (`?code=`), each with the code, the short address and a QR code. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { formatInvitationCode } from '@waypoint/shared/engagement/invitation-codes';
import { qrSvg } from '$lib/engagement/cards/qr-svg.server';
import { canIssueCodes } from '$lib/engagement/engagement-permissions';
import { engagementApi } from '$lib/engagement/staff-api.server';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!v.is(ActivityId, event.params.id) || !canIssueCodes(me.role)) error(404, 'Page not found');
  const api = engagementApi(createApi(event));
  const [activity, codes] = await Promise.all([api.activity(event.params.id), api.codes(event.params.id, { limit: 100 })]);
  const slug = me.tenant?.slug ?? '';
  const only = event.url.searchParams.get('code');
  const working = codes.items.filter((c) => c.status === 'active' && (!only || c.code.replace('-', '') === only.replace('-', '').toUpperCase()));
  if (only && !working.length) error(404, 'Page not found');
  const shortUrl = `${event.url.host}/have-your-say/${slug}`;
  const cards = await Promise.all(
    working.map(async (c) => {
      const code = formatInvitationCode(c.code.replace('-', ''));
      const link = `${event.url.origin}/have-your-say/${slug}/start?code=${encodeURIComponent(code)}`;
      return { id: c.id, code, label: c.label ?? null, link, qr: await qrSvg(link) };
    }),
  );
  return { activity: activity.value, cards, shortUrl, single: !!only };
};
