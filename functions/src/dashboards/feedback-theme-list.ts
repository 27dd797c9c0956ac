/**
 * The authority's feedback themes for the service view, kept in memory for five minutes per
 * tenant like the section titles: the list only decides which themes are named when their
 * counts are hidden (the counts come from the totals), and a dashboard is read far more often
 * than the list changes, so this saves a read on every view.
 */
import { clock } from '@waypoint/shared/time/clock';
import { getThemes } from '../engagement/results/results-store.ts';
import type { TenantContext } from '../platform/auth/caller.ts';

const FRESH_FOR_MS = 5 * 60 * 1000;
const cache = new Map<string, { at: number; themes: string[] }>();

export async function feedbackThemeList(tenant: TenantContext): Promise<string[]> {
  const cached = cache.get(tenant.tenantId);
  if (cached && clock.now().getTime() - cached.at < FRESH_FOR_MS) return cached.themes;
  const { themes } = await getThemes(tenant);
  cache.set(tenant.tenantId, { at: clock.now().getTime(), themes });
  return themes;
}
