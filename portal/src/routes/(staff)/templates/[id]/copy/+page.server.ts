/** Copying a template to start a new one: version 1 of the copy is the original's newest version, under a new id. */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { TemplateId } from '@waypoint/shared/templates/template-schemas';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import { copyBodyFromForm, copyValuesFromForm, COPY_FORM_MESSAGES, type CopyFormValues } from '$lib/templates/copy-form';
import { templateApi } from '$lib/templates/template-api.server';
import type { Actions, PageServerLoad } from './$types';

export interface CopyFailure {
  errors: FieldError[];
  values: CopyFormValues;
}

function idFrom(raw: string): string {
  if (!v.is(TemplateId, raw)) error(404, 'Page not found');
  return raw;
}

export const load: PageServerLoad = async (event) => {
  const source = await templateApi(createApi(event)).latest(idFrom(event.params.id));
  return {
    source,
    initial: { templateId: '', name: `${source.name} (copy)`, description: source.description } satisfies CopyFormValues,
    idempotencyKey: randomUUID(),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const copyOf = idFrom(event.params.id);
    const form = await event.request.formData();
    const values = copyValuesFromForm(form);
    const parsed = copyBodyFromForm(copyOf, values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies CopyFailure);
    const key = form.get('idempotencyKey');
    try {
      await templateApi(createApi(event)).copy(parsed.body, typeof key === 'string' && key ? key : undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 409) return fail(409, { errors: [{ field: 'templateId', message: 'A template with that id already exists: choose another id' }], values } satisfies CopyFailure);
      const errors = fieldErrorsFromProblem(e.problem.errors, {}).map((x) => (x.field in COPY_FORM_MESSAGES ? x : { ...x, field: 'form' }));
      return fail(400, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies CopyFailure);
    }
    redirect(303, `/templates/${encodeURIComponent(parsed.body.templateId)}?copied=1`);
  },
};
