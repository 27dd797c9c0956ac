/**
 * "What children and families told us" on the service view: how many sent responses staff
 * tagged in the period and how many carry each of the authority's themes, from the
 * `e.n` and `e.t.<theme>` counters of the monthly totals. Fewer than 5 tagged responses shows
 * no figure at all; a theme under 5 reads "fewer than 5", never its number.
 */
import { SUPPRESSION_THRESHOLD, type Shown } from '../reporting/small-numbers.ts';
import type { FeedbackThemeCount, FeedbackThemesFigure } from './service-view-schemas.ts';
import { counter, themeOfCounter, type Counters } from './totals-counters.ts';

const hidden: Shown = { value: null, suppressed: true };

/**
 * `themes` is the authority's list as it is now: each is listed, counted or not. A theme no
 * longer on the list (renamed or removed since it was used) is listed only when its count can
 * be shown, so leaving it out never says it had none.
 */
export function feedbackThemesFigure(total: Counters, themes: readonly string[]): FeedbackThemesFigure {
  const tagged = total[counter.feedbackTagged] ?? 0;
  if (tagged < SUPPRESSION_THRESHOLD) return { taggedResponses: hidden, withheld: true, themes: [] };
  const counts = new Map<string, number>(themes.map((t) => [t, 0]));
  for (const [name, n] of Object.entries(total)) {
    const theme = themeOfCounter(name);
    if (theme === undefined || n <= 0) continue;
    if (counts.has(theme) || n >= SUPPRESSION_THRESHOLD) counts.set(theme, (counts.get(theme) ?? 0) + n);
  }
  const rows: (FeedbackThemeCount & { n: number })[] = [...counts].map(([theme, n]) => (n < SUPPRESSION_THRESHOLD ? { theme, count: hidden, share: null, n: 0 } : { theme, count: { value: n, suppressed: false }, share: n / tagged, n }));
  const listed = (theme: string) => (themes.includes(theme) ? themes.indexOf(theme) : themes.length);
  // Shown counts most common first; hidden ones after, in the list's own order, so the order gives nothing away.
  rows.sort((a, b) => b.n - a.n || (a.n === 0 ? listed(a.theme) - listed(b.theme) : 0) || a.theme.localeCompare(b.theme));
  return { taggedResponses: { value: tagged, suppressed: false }, withheld: false, themes: rows.map(({ n: _n, ...row }) => row) };
}
