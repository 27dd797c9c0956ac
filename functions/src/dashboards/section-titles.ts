/**
 * Section titles by id across the authority's audit templates, for labelling figures. Kept
 * in memory for five minutes per tenant: a dashboard is read far more often than a template
 * is published, and a title a few minutes old labels the same section.
 */
import { clock } from '@waypoint/shared/time/clock';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getTemplateVersion, listTemplateSummaries } from '../templates/template-store.ts';

const FRESH_FOR_MS = 5 * 60 * 1000;
const cache = new Map<string, { at: number; titles: Record<string, string> }>();

export async function sectionTitles(tenant: TenantContext): Promise<Record<string, string>> {
  const cached = cache.get(tenant.tenantId);
  if (cached && clock.now().getTime() - cached.at < FRESH_FOR_MS) return cached.titles;
  const titles: Record<string, string> = {};
  for (const summary of await listTemplateSummaries(tenant, 'audit')) {
    const version = await getTemplateVersion(tenant, summary.templateId, summary.latestVersion);
    for (const section of version?.sections ?? []) titles[section.id] ??= section.title;
  }
  cache.set(tenant.tenantId, { at: clock.now().getTime(), titles });
  return titles;
}
