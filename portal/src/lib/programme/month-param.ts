/** Which programme month a page shows: a `YYYY-MM` from the address, or this month in London. */
import * as v from 'valibot';
import { Month } from '@waypoint/shared/programme/programme-schemas';
import { londonMonth } from '@waypoint/shared/time/clock';

export function isMonth(value: unknown): value is string {
  return v.is(Month, value);
}

/** A malformed month falls back to this one rather than failing: it is only a filter. */
export function monthOrCurrent(raw: string | null | undefined, now: Date): string {
  return isMonth(raw) ? raw : londonMonth(now);
}
