/** Programme months (`YYYY-MM`) as choices and in words, reckoned in Europe/London like the API. */
import { formatMonth } from '@waypoint/shared/formatting/dates';
import { londonMonth } from '@waypoint/shared/time/clock';

/** "2026-03" → "March 2026" */
export const monthLabel = formatMonth;

function shift(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** From `after` months ahead back to `before` months ago, newest first. */
export function monthOptions(now: Date, options: { before: number; after: number }): { value: string; label: string }[] {
  const current = londonMonth(now);
  const months: string[] = [];
  for (let by = options.after; by >= -options.before; by--) months.push(shift(current, by));
  return months.map((value) => ({ value, label: monthLabel(value) }));
}

export function currentMonth(now: Date): string {
  return londonMonth(now);
}
