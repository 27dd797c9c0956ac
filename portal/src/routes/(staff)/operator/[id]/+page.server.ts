/** One authority as the operator sees it: its details, status and size, what can be done to it now, its data exports and its deletion. */
import { redirect } from '@sveltejs/kit';
import type { DataExport, TenantDeletion } from '@waypoint/shared/tenancy/offboarding-schemas';
import { AUTHORITY_CHANGES, changesFor, isAuthorityChange } from '$lib/operator/authority-forms';
import { requireOperator } from '$lib/operator/operator-access.server';
import { authorityIdFrom, readAuthority } from '$lib/operator/authority-page.server';
import { operatorApi } from '$lib/operator/operator-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

const EXPORT_NOTICES: Record<string, string> = {
  asked: 'We are exporting its data. This page shows when the file is ready to download: reload it in a few minutes.',
  'not-ready': 'That export is still being made. Reload this page in a few minutes.',
  refused: 'Its data can no longer be exported: it is being deleted or has been deleted.',
};

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireOperator(me);
  const api = createApi(event);
  const { value: authority } = await readAuthority(api, event.params.id);
  const added = event.url.searchParams.has('added');
  const done = event.url.searchParams.get('done') ?? '';
  const exportNotice = EXPORT_NOTICES[event.url.searchParams.get('export') ?? ''] ?? null;
  const notice = added ? `${authority.name} has been added. We have emailed its first administrator an invitation to sign in.` : isAuthorityChange(done) ? `${authority.name} ${AUTHORITY_CHANGES[done].done}` : exportNotice;
  let exports: DataExport[] = [];
  if (authority.status !== 'deleted') {
    try {
      exports = (await operatorApi(api).exports(authority.id)).items;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
  let deletion: TenantDeletion | null = null;
  if (authority.status === 'deleting' || authority.status === 'deleted') {
    try {
      deletion = await operatorApi(api).deletion(authority.id);
    } catch (e) {
      // The job has moved the authority on but not yet written its record: the page says it is starting.
      if (!(e instanceof ApiError)) throw e;
    }
  }
  return {
    authority,
    changes: changesFor(authority.status).map((change) => ({ change, label: AUTHORITY_CHANGES[change].button })),
    notice,
    haveYourSay: `/have-your-say/${encodeURIComponent(authority.slug)}`,
    exports,
    canExport: authority.status !== 'deleting' && authority.status !== 'deleted',
    deletion,
  };
};

export const actions: Actions = {
  /** Asks for a full export of the authority's data; asking again while one is being made is that one. */
  export: async (event) => {
    const api = createApi(event);
    requireOperator(await api.me());
    const id = authorityIdFrom(event.params.id);
    let outcome = 'asked';
    try {
      await operatorApi(api).askForExport(id);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      outcome = 'refused';
    }
    redirect(303, `/operator/${encodeURIComponent(id)}?export=${outcome}#data-export`);
  },
};
