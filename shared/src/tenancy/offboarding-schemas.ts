/**
 * Offboarding an authority: the full export of its data and the certificate of deletion, as
 * the API returns them and the portal shows them. Counts and dates only: neither says what any
 * record held.
 */

/** How far the offboarding job has got with deleting an authority. */
export const DELETION_STEPS = ['counting', 'removing-sign-in-provider', 'removing-accounts', 'deleting-records', 'deleting-files', 'checking', 'done'] as const;
export type DeletionStep = (typeof DELETION_STEPS)[number];

export interface RecordCount {
  /** The record type's name, as in the export's file names. */
  type: string;
  description: string;
  count: number;
}

/**
 * An authority's deletion: progress while the job works, and once `step` is `done` its
 * certificate. Kept in the platform's own partition, so it outlives the authority's data.
 */
export interface TenantDeletion {
  tenantId: string;
  /** The authority as it was named, so the certificate says whose data went. */
  name: string;
  slug: string;
  leavesOn: string;
  /** The day deletion was due (the leaving day plus the cooling-off period). */
  dueOn: string;
  startedAt: string;
  step: DeletionStep;
  /** Records found when deletion began, by type. */
  records: RecordCount[];
  recordsTotal: number;
  /** Stored files found when deletion began, by area (evidence, imports, exports). */
  files: { area: string; count: number }[];
  filesTotal: number;
  /** Sign-in accounts deleted from the sign-in service (the user pool in AWS). */
  accountsRemoved: number;
  /** The council's own sign-in provider, taken out of the sign-in service (0 or 1). */
  signInProvidersRemoved: number;
  /** Email domains that signed in through that provider, let go so another authority may connect them. */
  emailDomainsReleased: number;
  /** What a last pass found left after deleting: 0 and 0 on a certificate. */
  recordsRemaining?: number;
  filesRemaining?: number;
  finishedAt?: string;
  /** A number for the certificate, derived from the authority and when deletion finished. */
  certificateNumber?: string;
}

export const DATA_EXPORT_STATES = ['waiting', 'collecting', 'packaging', 'ready', 'failed'] as const;
export type DataExportState = (typeof DATA_EXPORT_STATES)[number];

/** A full export of an authority's data: a ZIP with a CSV and a JSON file per record type. */
export interface DataExport {
  id: string;
  state: DataExportState;
  requestedAt: string;
  /** `operator`, or the user id of the authority's admin who asked. */
  requestedBy: string;
  /** Records written so far (collecting) or in all (ready), by type. */
  records: RecordCount[];
  recordsTotal: number;
  finishedAt?: string;
  /** The ZIP's size in bytes once ready. */
  size?: number;
  filename?: string;
}
