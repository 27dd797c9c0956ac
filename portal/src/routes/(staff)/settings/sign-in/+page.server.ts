/**
 * Sign-in settings: the tenant admin connects the council's own identity provider, says which
 * email domains sign in through it and which of its groups give which role and teams, or
 * disconnects it. Every change carries the version read (If-Match); the provider is checked by
 * the API before anything is saved, and its reasons are shown beside the fields.
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { teamStatus } from '@waypoint/shared/teams/team-schemas';
import type { ProviderConnection } from '@waypoint/shared/federation/connection-schemas';
import type { FieldError } from '$lib/forms/form-errors';
import { requireTenantAdmin } from '$lib/people/people-access.server';
import { createApi, type Api } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import { connectBody, emptyRow, fieldErrorsFromApi, kindFrom, missingRoles, valuesFromForm, type SignInFormValues } from '$lib/settings/sign-in-form';
import type { Actions, PageServerLoad } from './$types';

const PATH = '/v1/identity-provider';
/** Statuses the form shows itself: bad input or an unusable provider, a claimed domain, someone else's change, no federation on this installation. */
const FORM_STATUSES = [400, 409, 412, 428, 503] as const;

export interface SignInFailure {
  errors: FieldError[];
  values: SignInFormValues;
  conflict?: boolean;
  action: 'save' | 'disconnect';
  /** A secret was typed, and (never being sent back) must be typed again. */
  secretDropped?: boolean;
}

async function readConnection(api: Api): Promise<{ connection: ProviderConnection; version: string } | null> {
  try {
    const { value, version } = await api.getVersioned<ProviderConnection>(PATH, { handle: [404] });
    return { connection: value, version };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireTenantAdmin(me);
  const api = createApi(event);
  const [current, teams] = await Promise.all([readConnection(api), api.teams()]);
  const params = event.url.searchParams;
  return {
    connection: current?.connection ?? null,
    version: current?.version ?? '',
    // Chosen from the link beside the form (no JavaScript needed), else the connection's own.
    kind: params.has('kind') ? kindFrom(params.get('kind')) : (current?.connection.kind ?? 'oidc'),
    teams: teams.items.map((t) => ({ id: t.id, name: t.name, open: teamStatus(t) === 'open' })),
    notice: params.has('saved') ? 'saved' : params.has('disconnected') ? 'disconnected' : null,
  };
};

async function readPost(event: RequestEvent) {
  const api = createApi(event);
  requireTenantAdmin(await api.me());
  const form = await event.request.formData();
  const version = form.get('version');
  return { api, form, version: typeof version === 'string' && /^\d*$/.test(version) ? version : null };
}

function refused(e: unknown, values: SignInFormValues, action: SignInFailure['action'], secretDropped = false) {
  if (!(e instanceof ApiError)) throw e;
  if (e.status === 412 || e.status === 428) return fail(412, { errors: [], values, conflict: true, action, secretDropped } satisfies SignInFailure);
  const errors = e.status === 400 || e.status === 409 ? fieldErrorsFromApi(e.problem.errors, values.kind) : [];
  return fail(e.status, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? 'Check your answers' }], values, action, secretDropped } satisfies SignInFailure);
}

export const actions: Actions = {
  save: async (event) => {
    const { api, form, version } = await readPost(event);
    const values = valuesFromForm(form);
    if (version === null) return fail(400, { errors: [{ field: 'form', message: 'Reload the page and make your changes again' }], values, action: 'save' } satisfies SignInFailure);
    // "Add another group": the same form back with one more empty row; nothing is saved.
    const secret = form.get('clientSecret');
    // The secret is never sent back to the browser, so a secret typed before adding a group must be typed again.
    if (form.get('intent') === 'add-group') return { values: { ...values, mappings: [...values.mappings, emptyRow()] }, added: true, secretDropped: typeof secret === 'string' && secret !== '' };
    const missing = missingRoles(values);
    if (missing.length > 0) return fail(400, { errors: missing, values, action: 'save', secretDropped: typeof secret === 'string' && secret !== '' } satisfies SignInFailure);
    try {
      await api.getVersioned(PATH, {
        method: 'PUT',
        body: connectBody(values, typeof secret === 'string' ? secret : ''),
        ...(version ? { ifMatch: version } : {}),
        handle: FORM_STATUSES,
      });
    } catch (e) {
      return refused(e, values, 'save', typeof secret === 'string' && secret !== '');
    }
    redirect(303, '/settings/sign-in?saved=1');
  },
  disconnect: async (event) => {
    const { api, version } = await readPost(event);
    const values = valuesFromForm(new FormData());
    if (!version) error(400, 'Reload the page and try again');
    try {
      await api.getJson(PATH, { method: 'DELETE', ifMatch: version, handle: [...FORM_STATUSES, 404] });
    } catch (e) {
      // Already disconnected (a second click): the page shows it as it is.
      if (e instanceof ApiError && e.status === 404) redirect(303, '/settings/sign-in?disconnected=1');
      return refused(e, values, 'disconnect');
    }
    redirect(303, '/settings/sign-in?disconnected=1');
  },
};
