/**
 * Downloading a full data export: the API checks the operator and that the export is ready, and
 * gives a link valid for a minute, to which the browser is sent. One still being made sends them
 * back to the authority with a note.
 */
import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireOperator } from '$lib/operator/operator-access.server';
import { authorityIdFrom } from '$lib/operator/authority-page.server';
import { operatorApi } from '$lib/operator/operator-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

const ExportId = v.pipe(v.string(), v.regex(/^[0-9A-Z]{26}$/));

export const GET: RequestHandler = async (event) => {
  const api = createApi(event);
  requireOperator(await api.me());
  const id = authorityIdFrom(event.params.id);
  if (!v.is(ExportId, event.params.exportId)) error(404, 'Page not found');
  let url: string;
  try {
    url = (await operatorApi(api).exportLink(id, event.params.exportId)).url;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    redirect(303, `/operator/${encodeURIComponent(id)}?export=not-ready#data-export`);
  }
  redirect(303, url);
};
