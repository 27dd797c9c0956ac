/**
 * The tenant admin exports all of the authority's data while its service is open: a plain form
 * post asks for it (its key made with the page, so pressing twice makes one), and the page lists
 * the exports, with a download link once each is ready.
 */
import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { dataExportApi } from '$lib/offboarding/data-export-api.server';
import { requireTenantAdmin } from '$lib/people/people-access.server';
import { createApi } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
  asked: 'We are exporting your data. Reload this page in a few minutes to download it.',
  'not-ready': 'That export is still being made. Reload this page in a few minutes.',
};

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireTenantAdmin(me);
  const { items } = await dataExportApi(createApi(event)).list();
  return { exports: items, idempotencyKey: randomUUID(), notice: NOTICES[event.url.searchParams.get('export') ?? ''] ?? null };
};

export const actions: Actions = {
  default: async (event) => {
    const api = createApi(event);
    requireTenantAdmin(await api.me());
    const key = (await event.request.formData()).get('idempotencyKey');
    await dataExportApi(api).ask(typeof key === 'string' && /^[A-Za-z0-9-]{8,128}$/.test(key) ? key : randomUUID());
    redirect(303, '/settings/data-export?export=asked');
  },
};
