/** Settings: everyone reads how the authority runs its QA; tenant admins change it (If-Match on the version). */
import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrorsFromProblem } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import { SETTINGS_FORM_MESSAGES, settingsFormValuesFromForm, settingsUpdateFromForm, type SettingsFormFailure } from '$lib/settings/settings-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const settings = await createApi(event).settings();
  return {
    settings: settings.value,
    version: settings.version,
    canEdit: me.role === 'admin',
    saved: event.url.searchParams.get('saved') === '1',
  };
};

export const actions: Actions = {
  default: async (event) => {
    const api = createApi(event);
    const me = await api.me();
    if (me.role !== 'admin') error(403, 'You do not have access to this page');
    const form = await event.request.formData();
    const values = settingsFormValuesFromForm(form);
    const version = form.get('version');
    if (typeof version !== 'string' || !/^\d+$/.test(version)) {
      return fail(400, { errors: [{ field: 'form', message: 'Reload the page and make your changes again' }], values } satisfies SettingsFormFailure);
    }
    const parsed = settingsUpdateFromForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies SettingsFormFailure);
    try {
      await api.updateSettings(version, parsed.body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 412 || e.status === 409) return fail(412, { errors: [], values, conflict: true } satisfies SettingsFormFailure);
      if (e.status === 400) {
        const errors = fieldErrorsFromProblem(e.problem.errors, SETTINGS_FORM_MESSAGES);
        return fail(400, {
          errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? 'Check your answers' }],
          values,
        } satisfies SettingsFormFailure);
      }
      return fail(e.status, { errors: [{ field: 'form', message: 'Reload the page and make your changes again' }], values } satisfies SettingsFormFailure);
    }
    redirect(303, '/settings?saved=1');
  },
};
