/**
 * Calendar dates (`YYYY-MM-DD`) as people in England and Wales count them: working days
 * skip weekends and bank holidays; months are calendar months. Dates are civil dates, so no
 * arithmetic here can slip across a time-zone or summer-time boundary.
 */
import { BANK_HOLIDAYS_COVER, ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays.ts';
import { dateFormat } from './date-format.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BANK_HOLIDAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date));
const DAY_MS = 24 * 60 * 60 * 1000;
/** The same holidays as days since 1970, and the years they cover, for walking a Date along without writing it out. */
const BANK_HOLIDAY_DAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => Date.parse(`${h.date}T00:00:00Z`) / DAY_MS));
const COVERED_YEARS = { from: Number(BANK_HOLIDAYS_COVER.from.slice(0, 4)), to: Number(BANK_HOLIDAYS_COVER.to.slice(0, 4)) };
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

let formattedMinute = Number.NaN;
let formattedDate = '';

/**
 * The date in London at an instant. Every staff request asks for today's date (is the
 * authority's service paused?), and a time-zone format costs more than the rest of the
 * check, so the date of the last minute asked about is kept: London's offset from UTC is
 * whole hours, so a day never starts or ends inside a minute.
 */
export function londonDate(at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== formattedMinute) {
    formattedDate = LONDON_DATE.format(at);
    formattedMinute = minute;
  }
  return formattedDate;
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

/** Answers already worked out: the same journeys' due dates are asked for on every read of their audits. */
const workingDaysLater = new Map<string, string>();
const REMEMBERED_DUE_DATES = 10_000;

/** The date `count` working days after `date` (the day itself is day 0). */
export function addWorkingDays(date: string, count: number): string {
  const key = `${date} ${count}`;
  const known = workingDaysLater.get(key);
  if (known !== undefined) return known;
  const day = toUtc(date);
  for (let added = 0; added < count;) if (nextDayIsWorking(day)) added++;
  const due = fromUtc(day);
  if (workingDaysLater.size >= REMEMBERED_DUE_DATES) workingDaysLater.clear();
  workingDaysLater.set(key, due);
  return due;
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
  if (weekday === 0 || weekday === 6) return false;
  const year = day.getUTCFullYear();
  if (year < COVERED_YEARS.from || year > COVERED_YEARS.to) throw new CalendarError(`Bank holidays for ${year} are not in Waypoint's calendar yet`);
  return !BANK_HOLIDAY_DAYS.has(day.getTime() / DAY_MS);
}
