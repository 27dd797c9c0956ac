/** Links in emails: full addresses on the portal's public URL, never a bare path a mail client cannot open. */
import type { TenantContext } from '../auth/caller.ts';

/** "Read it in Waypoint: https://waypoint.example/audits/01J…" */
export function portalLink(tenant: Pick<TenantContext, 'portalUrl'>, path: string): string {
  return new URL(path, tenant.portalUrl).href;
}
