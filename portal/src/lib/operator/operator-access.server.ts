/** The operator area is the platform operator's alone; an authority's staff get the 403 page. */
import { error } from '@sveltejs/kit';
import type { Me } from '../server/api.ts';

export function requireOperator(me: Pick<Me, 'role'>): void {
  if (me.role !== 'operator') error(403, 'You do not have access to this page');
}
