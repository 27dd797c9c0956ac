/** Safety alerts, newest first: the open ones, then the latest closed (or every closed one, page by page). */
import { redirect } from '@sveltejs/kit';
import { engagementApi } from '$lib/engagement/staff-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

const OPEN_LIMIT = 100;
const RECENT_CLOSED = 10;
const PAGE_SIZE = 25;

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const base = createApi(event);
  const api = engagementApi(base);
  // The time the page judges "acknowledged in time" by, so every row agrees.
  const now = new Date().toISOString();
  const params = event.url.searchParams;
  if (params.get('status') === 'closed') {
    const cursor = params.get('cursor')?.slice(0, 2048) || undefined;
    const page = await api.alerts({ status: 'closed', limit: PAGE_SIZE, cursor }).catch((e: unknown) => {
      // A cursor from an old address is refused: start again from the first page.
      if (e instanceof ApiError && cursor) redirect(303, '/alerts?status=closed');
      throw e;
    });
    return {
      now,
      acknowledgeHours: 24,
      view: 'closed' as const,
      open: [],
      closed: page.items,
      moreOpen: false,
      nextPageHref: page.nextCursor ? `/alerts?status=closed&cursor=${encodeURIComponent(page.nextCursor)}` : null,
      firstPageHref: cursor ? '/alerts?status=closed' : null,
    };
  }
  const [open, closed, settings] = await Promise.all([api.alerts({ status: 'open', limit: OPEN_LIMIT }), api.alerts({ status: 'closed', limit: RECENT_CLOSED }), base.settings()]);
  return { now, acknowledgeHours: settings.value.safeguardingAcknowledgeHours ?? 24, view: 'open' as const, open: open.items, closed: closed.items, moreOpen: open.nextCursor !== null, nextPageHref: null, firstPageHref: null };
};
