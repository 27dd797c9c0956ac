/**
 * Gives an authority the templates Waypoint ships, as version 1 of each. Safe to run again:
 * existing versions are kept, so an authority's own later versions are never touched.
 */
import { BUILT_IN_TEMPLATES } from '@waypoint/shared/templates/built-in/built-in-templates';
import { BUILT_IN_PUBLISHER } from '@waypoint/shared/templates/built-in/built-in-template-items';
import type { TenantContext } from '../platform/auth/caller.ts';
import { publishTemplateVersion } from './template-store.ts';

export { BUILT_IN_PUBLISHER };

export async function ensureBuiltInTemplates(tenant: TenantContext, at: string): Promise<void> {
  for (const definition of BUILT_IN_TEMPLATES) {
    await publishTemplateVersion({ tenant, definition, publishedBy: BUILT_IN_PUBLISHER, at, builtIn: true, version: 1 });
  }
}
