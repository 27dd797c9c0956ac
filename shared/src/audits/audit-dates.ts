/** Calendar dates and months as they are in England and Wales, for audit rules. */
import * as v from 'valibot';
import { isIsoDate } from '../templates/answer-schemas.ts';

/** `YYYY-MM-DD` of an instant in Europe/London (a conversation at 00:30 BST is that day). */
export { londonDate } from '../time/calendar-dates.ts';

export const IsoDate = v.pipe(v.string(), v.isoDate('Enter a real date as YYYY-MM-DD'), v.check(isIsoDate, 'Enter a real date as YYYY-MM-DD'));

/** A programme month, `YYYY-MM`. */
export const Month = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter a month as YYYY-MM'));

/** The date `months` calendar months before `date` (clamped to the month's last day). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}
