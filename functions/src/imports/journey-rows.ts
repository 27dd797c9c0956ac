/** A row of a journey events file: which case, what happened, and when. */
import type { JourneyEventType } from '@waypoint/shared/journey/journey-events';
import { parseImportDate, parseJourneyEvent } from '@waypoint/shared/imports/import-values';
import { BANK_HOLIDAYS_COVER } from '@waypoint/shared/time/bank-holidays';
import type { RowReader } from './import-rows.ts';

export interface JourneyEventFromRow {
  ref: string;
  type: JourneyEventType;
  date: string;
}

const REF = /^[A-Za-z0-9-]{1,32}$/;

export function journeyEventFromRow(row: RowReader, _lookups: unknown, today: string): { key: string; value: JourneyEventFromRow } | undefined {
  const ref = row.required('ref', 'The case reference');
  if (ref !== undefined && !REF.test(ref)) row.problem('ref', 'This is not a case reference Waypoint can keep: use letters, digits and hyphens only, at most 32 characters.');
  const type = row.parse('event', row.required('event', 'The event'), parseJourneyEvent);
  const raw = row.raw('date');
  if (raw === undefined && !row.problems.some((p) => p.column === row.columnOf('date'))) row.problem('date', 'The date is missing.');
  const date = row.parse('date', raw, (cell: string | Date) => parseImportDate(cell, today));
  if (date !== undefined && date < BANK_HOLIDAYS_COVER.from) row.problem('date', `Waypoint’s calendar starts on ${BANK_HOLIDAYS_COVER.from}; events before then cannot be recorded.`);
  if (row.problems.length || !ref || !type || !date) return undefined;
  return { key: `${ref.toUpperCase()}|${type}|${date}`, value: { ref, type, date } };
}
