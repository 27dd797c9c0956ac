/**
 * Calendar dates (`YYYY-MM-DD`) as people in England and Wales count them: working days
 * skip weekends and bank holidays; months are calendar months. Dates are civil dates, so no
 * arithmetic here can slip across a time-zone or summer-time boundary.
 */
import { BANK_HOLIDAYS_COVER, ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays.ts';
import { dateFormat } from './date-format.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BANK_HOLIDAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date));
const LONDON_DATE = dateFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

function toUtc(date: string): Date {
  const match = DATE.exec(date);
  if (!match) throw new CalendarError(`"${date}" is not a date like 2026-03-31`);
  const value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (value.toISOString().slice(0, 10) !== date) throw new CalendarError(`"${date}" is not a real date`);
  return value;
}

function fromUtc(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function isValidDate(date: string): boolean {
  try {
    toUtc(date);
    return true;
  } catch {
    return false;
  }
}

/** The date in London at an instant. */
export function londonDate(at: Date): string {
  return LONDON_DATE.format(at);
}

export function addDays(date: string, days: number): string {
  const value = toUtc(date);
  value.setUTCDate(value.getUTCDate() + days);
  return fromUtc(value);
}

/** Calendar months later; the 31st of a month with fewer days becomes its last day. */
export function addMonths(date: string, months: number): string {
  const value = toUtc(date);
  const day = value.getUTCDate();
  const target = new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target);
}

/** The last date of a `YYYY-MM` month. */
export function monthEnd(month: string): string {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

export function isBankHoliday(date: string): boolean {
  const year = date.slice(0, 4);
  if (year < BANK_HOLIDAYS_COVER.from.slice(0, 4) || year > BANK_HOLIDAYS_COVER.to.slice(0, 4)) {
    throw new CalendarError(`Bank holidays for ${year} are not in Waypoint's calendar yet`);
  }
  return BANK_HOLIDAYS.has(date);
}

export function isWorkingDay(date: string): boolean {
  const weekday = toUtc(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date);
}

/** The date `count` working days after `date` (the day itself is day 0). */
export function addWorkingDays(date: string, count: number): string {
  const day = toUtc(date);
  for (let added = 0; added < count;) if (nextDayIsWorking(day)) added++;
  return fromUtc(day);
}

/** Working days after `from`, up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  const day = toUtc(from);
  const last = toUtc(to).getTime();
  let count = 0;
  while (day.getTime() < last) if (nextDayIsWorking(day)) count++;
  return count;
}

/**
 * Moves `day` on by one and says whether the new day is a working day. One Date moved along
 * rather than a date string parsed, checked and written again for every day: a journey's
 * timescales walk thousands of days on each read of an audit.
 */
function nextDayIsWorking(day: Date): boolean {
  day.setUTCDate(day.getUTCDate() + 1);
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(fromUtc(day));
}
