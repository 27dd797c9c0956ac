/**
 * Dates, times and months in words, as UK staff read them, in Europe/London whatever the
 * server's zone: one formatter for the portal and for emails, so no page or message shows
 * "2026-12-06".
 */

import { dateFormat as lazyFormat } from '../time/date-format.ts';

// Made on first use, so a cold start that formats no date does not load the zone data.
const dateFormat = lazyFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const dateTimeFormat = lazyFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const monthFormat = lazyFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function parse(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  // A calendar day ("2026-12-06") is that day in London: read it at noon UTC, which is the same day there.
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** "6 December 2026", from a calendar day or an instant. */
export function formatDate(iso: string | undefined): string {
  const d = parse(iso);
  return d ? dateFormat.format(d) : 'Not known';
}

/** "6 Dec 2026, 14:05" */
export function formatDateTime(iso: string | undefined): string {
  const d = parse(iso);
  return d ? dateTimeFormat.format(d) : 'Not known';
}

/** "2026-12" → "December 2026" */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return monthFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}
