/**
 * One import, at whatever step it is: the upload form, the column choices, the check's
 * problems with the accept button, progress, or the result. Every step is a plain page and a
 * plain form; while the job works, the page says how far it has got and reloading it (or,
 * with JavaScript, the page itself every few seconds) shows more.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { IMPORT_FIELDS, ImportId } from '@waypoint/shared/imports/import-schemas';
import { importApi } from '$lib/imports/import-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

function idOf(raw: string): string {
  const parsed = v.safeParse(ImportId, raw);
  if (!parsed.success) error(404, 'Page not found');
  return parsed.output;
}

export const load: PageServerLoad = async (event) => {
  const id = idOf(event.params.id);
  const imports = importApi(createApi(event));
  const record = await imports.get(id);
  const cursor = event.url.searchParams.get('cursor') ?? undefined;
  const changing = event.url.searchParams.has('change');
  const upload = record.status === 'uploading' ? (await imports.upload(id).catch(() => null))?.upload : undefined;
  const problems = record.status === 'checked' && !changing ? await imports.problems(id, cursor?.slice(0, 2048)) : undefined;
  const refused = record.status === 'done' && record.counts.refused > 0 ? await imports.refused(id) : undefined;
  return { record, upload, problems, refused, changing, fields: IMPORT_FIELDS[record.kind] };
};

const failure = (e: unknown) => {
  if (e instanceof ApiError) return fail(e.status, { errors: [{ field: 'form', message: e.problem.errors?.[0]?.message ?? e.problem.detail ?? e.problem.title }] });
  throw e;
};

export const actions: Actions = {
  uploaded: async (event) => {
    const id = idOf(event.params.id);
    try {
      await importApi(createApi(event)).uploaded(id);
    } catch (e) {
      return failure(e);
    }
    redirect(303, `/imports/${id}`);
  },
  mapping: async (event) => {
    const id = idOf(event.params.id);
    const form = await event.request.formData();
    const mapping: Record<string, string> = {};
    for (const [name, value] of form) {
      if (name.startsWith('field-') && typeof value === 'string' && value !== '') mapping[name.slice('field-'.length)] = value;
    }
    try {
      await importApi(createApi(event)).map(id, mapping);
    } catch (e) {
      return failure(e);
    }
    redirect(303, `/imports/${id}`);
  },
  accept: async (event) => {
    const id = idOf(event.params.id);
    try {
      await importApi(createApi(event)).accept(id);
    } catch (e) {
      return failure(e);
    }
    redirect(303, `/imports/${id}`);
  },
  cancel: async (event) => {
    const id = idOf(event.params.id);
    try {
      await importApi(createApi(event)).cancel(id);
    } catch (e) {
      return failure(e);
    }
    redirect(303, '/imports');
  },
};
