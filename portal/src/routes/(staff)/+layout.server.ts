/** Every staff page needs a session, the caller's identity and role, and the authority's branding. */
import { error, redirect } from '@sveltejs/kit';
import { FALLBACK_HEADER_COLOUR, headerColour } from '$lib/branding/header-colour';
import { isOperatorArea, OPERATOR_AREA, qualityAssuranceAreas, staffNavigation } from '$lib/navigation/staff-navigation';
import { createApi } from '$lib/server/api';
import { portalConfig } from '$lib/server/config';
import { ApiError } from '$lib/server/errors';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const { locals, url } = event;
  if (!locals.session) redirect(303, `/signin?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
  const api = createApi(event);
  const devOutbox = portalConfig().devOutbox;

  // Settings are read alongside /v1/me; an operator has no tenant, so its 403 is expected.
  const [me, settings] = await Promise.all([
    api.me(),
    api.settings([403, 404]).then(
      (s) => s.value,
      (e: unknown) => {
        if (e instanceof ApiError) return null;
        throw e;
      },
    ),
  ]);

  const isOperator = me.role === 'operator' || me.tenant === null;
  // The operator sees no authority's records, so every other staff page leads to their own area; a tenant's staff may not open it.
  if (isOperator && !isOperatorArea(url.pathname)) redirect(303, OPERATOR_AREA);
  if (!isOperator && isOperatorArea(url.pathname)) error(403, 'You do not have access to this page');

  return {
    me,
    user: { name: locals.session.name || me.user.name, email: locals.session.email || me.user.email },
    authorityName: settings?.name ?? me.tenant?.name ?? 'Platform operations',
    headerColour: settings ? headerColour(settings.primaryColour) : FALLBACK_HEADER_COLOUR,
    accentColour: settings?.accentColour ?? '#ffdd00',
    navigation: staffNavigation(isOperator ? 'operator' : me.role, { devOutbox: devOutbox && !isOperator }),
    hasSettings: !isOperator,
    qualityAreas: isOperator ? [] : qualityAssuranceAreas(me.role),
  };
};
