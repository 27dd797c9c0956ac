/**
 * The one clock. Everything that needs "now" asks it, so tests can set the time; months
 * and working days are reckoned in Europe/London.
 */
import { dateFormat } from './date-format.ts';

let override: (() => Date) | undefined;

export const clock = {
  now(): Date {
    return override ? override() : new Date();
  },
  nowIso(): string {
    return clock.now().toISOString();
  },
  /** Tests only: fix the time (a Date) or make it follow a function; `undefined` restores real time. */
  set(value: Date | (() => Date) | undefined): void {
    override = value === undefined ? undefined : typeof value === 'function' ? value : () => new Date(value);
  },
};

const LONDON_MONTH = dateFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' });

/** `YYYY-MM` of an instant as a person in England or Wales would name the month. */
export function londonMonth(at: Date): string {
  const parts = Object.fromEntries(LONDON_MONTH.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}`;
}
