/** Dates in the public area, in the reader's language: "5 March 2026", "5 Mawrth 2026", "5 marca 2026". */
import type { EngagementLanguage } from '@waypoint/shared/engagement/languages';

const FORMATS: Record<EngagementLanguage, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  cy: new Intl.DateTimeFormat('cy', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  pl: new Intl.DateTimeFormat('pl', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ur: new Intl.DateTimeFormat('ur', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  easy: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** `YYYY-MM-DD` as a day; a date is a London day already, so it is formatted in UTC to keep it whole. */
export function formatPublicDate(isoDate: string, lang: EngagementLanguage): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : FORMATS[lang].format(d);
}
