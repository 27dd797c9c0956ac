/** Section titles by id across the authority's audit templates, for labelling figures; kept per tenant for five minutes. */
import { getTemplateVersion, listTemplateSummaries } from '../templates/template-store.ts';
import { keptPerTenant } from './kept-per-tenant.ts';

export const sectionTitles = keptPerTenant(async (tenant) => {
  const titles: Record<string, string> = {};
  for (const summary of await listTemplateSummaries(tenant, 'audit')) {
    const version = await getTemplateVersion(tenant, summary.templateId, summary.latestVersion);
    for (const section of version?.sections ?? []) titles[section.id] ??= section.title;
  }
  return titles;
});
