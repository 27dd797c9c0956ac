/** The people and teams screens are the tenant admin's; everyone else gets the 403 page. */
import { error } from '@sveltejs/kit';
import type { Me } from '../server/api.ts';

export function requireTenantAdmin(me: Pick<Me, 'role'>): void {
  if (me.role !== 'admin') error(403, 'You do not have access to this page');
}
