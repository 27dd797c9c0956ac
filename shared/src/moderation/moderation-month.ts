/**
 * Which month moderation opens on: the latest with work in it (audits completed, or already
 * moderated), so QA and senior managers do not land on a month with nothing to see, as the
 * first days of every month would otherwise be.
 */
import { counter } from '../dashboards/totals-counters.ts';
import type { TotalsRow } from '../dashboards/totals-rollups.ts';

/** How many months before this one are looked at; older work is reached with the month links. */
export const MODERATION_LOOK_BACK_MONTHS = 12;

/** The latest of `months` (oldest first) whose authority-wide totals count a completed or moderated audit; the last month when none does. */
export function latestMonthWithWork(months: readonly string[], rows: readonly TotalsRow[]): string {
  const busy = new Set(rows.filter((r) => (r.counters[counter.auditsCompleted] ?? 0) > 0 || (r.counters[counter.moderatedAudits] ?? 0) > 0).map((r) => r.month));
  return [...months].reverse().find((m) => busy.has(m)) ?? months.at(-1)!;
}
