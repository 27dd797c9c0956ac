/** Programme months (`YYYY-MM`) as choices and in words, reckoned in Europe/London like the API. */
import { londonMonth } from '@waypoint/shared/time/clock';

const MONTH_FORMAT = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-03" → "March 2026" */
export function monthLabel(month: string): string {
  const match = month.match(/^(\d{4})-(\d{2})$/);
  if (!match) return month;
  return MONTH_FORMAT.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

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
