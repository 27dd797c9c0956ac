/**
 * The authority's feedback themes for the service view, kept like the section titles: the
 * list only decides which themes are named when their counts are hidden (the counts come
 * from the totals).
 */
import { getThemes } from '../engagement/results/results-store.ts';
import { keptPerTenant } from './kept-per-tenant.ts';

export const feedbackThemeList = keptPerTenant(async (tenant) => (await getThemes(tenant)).themes);
