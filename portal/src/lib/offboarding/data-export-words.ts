/** A data export's state and size in words, for the operator's and the admin's pages. */
import type { DataExport } from '@waypoint/shared/tenancy/offboarding-schemas';

export const EXPORT_STATES: Record<DataExport['state'], string> = { waiting: 'Waiting to start', collecting: 'Being made', packaging: 'Being made', ready: 'Ready', failed: 'Could not be made' };

/** A file's size in words a reader expects: KB below a megabyte. */
export function fileSize(bytes: number): string {
  return bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1_000)).toLocaleString('en-GB')} KB` : `${(bytes / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}
