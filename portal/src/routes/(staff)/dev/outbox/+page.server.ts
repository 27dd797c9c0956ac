/** The developer outbox: email Waypoint would have sent for this authority (local machines only). */
import { error } from '@sveltejs/kit';
import { createApi } from '$lib/server/api';
import { portalConfig } from '$lib/server/config';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  // Off unless DEV_OUTBOX=1: in AWS the page does not exist.
  if (!portalConfig().devOutbox) error(404, 'Page not found');
  await event.parent();
  const outbox = await createApi(event).outbox({ limit: 50 });
  return { messages: outbox.items };
};
