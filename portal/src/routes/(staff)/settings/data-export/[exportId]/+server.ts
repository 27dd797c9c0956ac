/** Downloading a ready export: the API checks the admin and gives a link valid for a minute, to which the browser is sent. */
import { error, redirect } from '@sveltejs/kit';
import { dataExportApi } from '$lib/offboarding/data-export-api.server';
import { requireTenantAdmin } from '$lib/people/people-access.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const api = createApi(event);
  requireTenantAdmin(await api.me());
  if (!/^[0-9A-Z]{26}$/.test(event.params.exportId)) error(404, 'Page not found');
  let url: string;
  try {
    url = (await dataExportApi(api).link(event.params.exportId)).url;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 404) error(404, 'Page not found');
    redirect(303, '/settings/data-export?export=not-ready');
  }
  redirect(303, url);
};
