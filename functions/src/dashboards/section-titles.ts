/**
 * Section titles by id across the authority's audit templates, for labelling figures, and the
 * sections that hold an overall grade question (which have no section grade of their own, so
 * "below good" there means the overall grade); kept per tenant for five minutes. A thematic
 * review's tool counts too: its audits grade a case like any other, so a learning record's
 * themes name its sections and place its overall grades as its grades table does.
 */
import { getTemplateVersion, listTemplateSummaries } from '../templates/template-store.ts';
import { keptPerTenant } from './kept-per-tenant.ts';
import type { TenantContext } from '../platform/auth/caller.ts';

const templateSections = keptPerTenant(async (tenant) => {
  const titles: Record<string, string> = {};
  const overallGradeSections = new Set<string>();
  const graded = (await listTemplateSummaries(tenant)).filter((t) => t.kind === 'audit' || t.kind === 'review');
  for (const summary of graded) {
    const version = await getTemplateVersion(tenant, summary.templateId, summary.latestVersion);
    for (const section of version?.sections ?? []) {
      titles[section.id] ??= section.title;
      if (section.questions.some((q) => q.meaning === 'overall-grade')) overallGradeSections.add(section.id);
    }
  }
  return { titles, overallGradeSections: [...overallGradeSections] };
});

export async function sectionTitles(tenant: TenantContext): Promise<Record<string, string>> {
  return (await templateSections(tenant)).titles;
}

export async function overallGradeSections(tenant: TenantContext): Promise<string[]> {
  return (await templateSections(tenant)).overallGradeSections;
}
