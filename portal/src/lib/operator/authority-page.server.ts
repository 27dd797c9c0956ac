/** Reading one authority for the operator's pages: an id that is not an authority's is simply not found. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Api } from '../server/api.ts';
import { operatorApi } from './operator-api.server.ts';

const AuthorityId = v.pipe(v.string(), v.uuid());

export function authorityIdFrom(raw: string | undefined): string {
  if (!v.is(AuthorityId, raw)) error(404, 'Page not found');
  return raw.toLowerCase();
}

export function readAuthority(api: Api, raw: string | undefined) {
  return operatorApi(api).authority(authorityIdFrom(raw));
}
