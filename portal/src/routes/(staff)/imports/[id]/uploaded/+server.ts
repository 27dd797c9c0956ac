/** Where the storage service sends the browser after a direct upload: tell the API the file is there, then show the import. */
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { ImportId } from '@waypoint/shared/imports/import-schemas';
import { importApi } from '$lib/imports/import-api.server';
import { createApi } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const id = v.safeParse(ImportId, event.params.id);
  if (!id.success) redirect(303, '/imports');
  // If the file has not arrived, the import page says so and offers the upload again.
  await importApi(createApi(event))
    .uploaded(id.output)
    .catch(() => undefined);
  redirect(303, `/imports/${id.output}`);
};
