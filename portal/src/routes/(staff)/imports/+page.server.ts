/** Imports: the authority's recent imports and a form to start one (what the file holds, which system it came from, its format). */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { CreateImportBody, IMPORT_KINDS } from '@waypoint/shared/imports/import-schemas';
import { canImport, canImportAnything } from '@waypoint/shared/imports/import-roles';
import { isStaffRole } from '@waypoint/shared/tenancy/roles';
import { importApi } from '$lib/imports/import-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!isStaffRole(me.role) || !canImportAnything(me.role)) error(403, 'You do not have access to this page');
  const role = me.role;
  const imports = await importApi(createApi(event)).list();
  return { imports: imports.items, kinds: IMPORT_KINDS.filter((k) => canImport(role, k)) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = { kind: String(form.get('kind') ?? ''), source: String(form.get('source') ?? ''), format: String(form.get('format') ?? '') };
    const parsed = v.safeParse(CreateImportBody, values);
    if (!parsed.success) {
      const errors = parsed.issues.map((issue) => ({ field: String(issue.path?.[0]?.key ?? 'kind'), message: issue.message }));
      return fail(400, { errors, values });
    }
    let id: string;
    try {
      id = (await importApi(createApi(event)).start(parsed.output, randomUUID())).id;
    } catch (e) {
      if (e instanceof ApiError) return fail(e.status, { errors: [{ field: 'kind', message: e.problem.detail ?? e.problem.title }], values });
      throw e;
    }
    redirect(303, `/imports/${id}`);
  },
};
