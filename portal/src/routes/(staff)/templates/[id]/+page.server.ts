/** One template: a published version's outline, every version, which versions open audits use, and the way to edit or copy it. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { TemplateId } from '@waypoint/shared/templates/template-schemas';
import { createApi } from '$lib/server/api';
import { templateApi } from '$lib/templates/template-api.server';
import { openAuditsByVersion } from '$lib/templates/template-usage.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const id = event.params.id;
  if (!v.is(TemplateId, id)) error(404, 'Page not found');
  const api = createApi(event);
  const templates = templateApi(api);
  const latest = await templates.latest(id);
  const asked = Number(event.url.searchParams.get('version'));
  const shown = Number.isInteger(asked) && asked >= 1 && asked < latest.version ? await templates.version(id, asked) : latest;
  const published = Number(event.url.searchParams.get('published'));
  return {
    latest,
    shown,
    usage: latest.kind === 'audit' ? await openAuditsByVersion(api, me, id) : null,
    notice: Number.isInteger(published) && published > 0 ? { kind: 'published' as const, version: published } : event.url.searchParams.has('copied') ? { kind: 'copied' as const, version: 1 } : null,
  };
};
