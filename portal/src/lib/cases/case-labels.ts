/** Words for case fields that have no label in the shared schema. */
import { AGE_BANDS } from '@waypoint/shared/cases/case-schemas';

export const AGE_BAND_OPTIONS = AGE_BANDS.map((band) => ({ value: band, label: band.replace('-', ' to ') }));

export const STATUS_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
] as const;

export function ageBandLabel(band: string | undefined): string {
  return band ? band.replace('-', ' to ') : 'Not recorded';
}
