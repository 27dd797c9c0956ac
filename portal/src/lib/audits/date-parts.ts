/** The GOV.UK date pattern: day, month and year typed separately, turned into `YYYY-MM-DD` and back. */
import { isIsoDate } from '@waypoint/shared/templates/answer-schemas';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

export type DateReading = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid'; message: string };

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** People type "3", "03", "March" or "mar" for a month; all mean the same. */
function monthNumber(raw: string): number | undefined {
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const name = raw.toLowerCase();
  const index = name.length >= 3 ? MONTH_NAMES.findIndex((m) => m.startsWith(name)) : -1;
  return index === -1 ? undefined : index + 1;
}

/** `describe` names the date in messages, e.g. "The date of the conversation". */
export function readDateParts(parts: DateParts, describe: string): DateReading {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { kind: 'empty' };
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
  if (missing.length > 0) return { kind: 'invalid', message: `${describe} must include a ${missing.join(' and ')}` };
  const m = monthNumber(month);
  if (!/^\d{1,2}$/.test(day) || m === undefined || !/^\d{4}$/.test(year)) return { kind: 'invalid', message: `${describe} must be a real date` };
  const iso = `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isIsoDate(iso)) return { kind: 'invalid', message: `${describe} must be a real date` };
  return { kind: 'date', iso };
}

export function datePartsFromIso(iso: string | undefined | null): DateParts {
  const match = iso?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!match) return { ...EMPTY_DATE };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

/** Reads `<name>-day`, `<name>-month` and `<name>-year` from a posted form. */
export function datePartsFromForm(form: FormData, name: string): DateParts {
  const text = (suffix: string) => {
    const value = form.get(`${name}-${suffix}`);
    return typeof value === 'string' ? value : '';
  };
  return { day: text('day'), month: text('month'), year: text('year') };
}
