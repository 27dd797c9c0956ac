/** One authority as the operator sees it: its details, status and size, and what can be done to it now. */
import { AUTHORITY_CHANGES, changesFor, isAuthorityChange } from '$lib/operator/authority-forms';
import { requireOperator } from '$lib/operator/operator-access.server';
import { readAuthority } from '$lib/operator/authority-page.server';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireOperator(me);
  const { value: authority } = await readAuthority(createApi(event), event.params.id);
  const added = event.url.searchParams.has('added');
  const done = event.url.searchParams.get('done') ?? '';
  const notice = added ? `${authority.name} has been added. We have emailed its first administrator an invitation to sign in.` : isAuthorityChange(done) ? `${authority.name} ${AUTHORITY_CHANGES[done].done}` : null;
  return {
    authority,
    changes: changesFor(authority.status).map((change) => ({ change, label: AUTHORITY_CHANGES[change].button })),
    notice,
    haveYourSay: `/have-your-say/${encodeURIComponent(authority.slug)}`,
  };
};
