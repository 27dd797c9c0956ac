/**
 * Imports from a case-management system's export: what can be imported, the fields each kind
 * of file fills, the sources whose column names Waypoint already knows, and the records the
 * API shows while a file is checked and imported.
 */
import * as v from 'valibot';

export const IMPORT_KINDS = ['cases', 'staff', 'journey', 'references'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  cases: 'Cases',
  staff: 'Staff',
  journey: 'Journey events',
  references: 'Reference changes',
};

export const IMPORT_SOURCES = ['liquidlogic-lcs', 'liquidlogic-ehm', 'mosaic', 'eclipse', 'carefirst', 'other'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const IMPORT_SOURCE_LABELS: Record<ImportSource, string> = {
  'liquidlogic-lcs': 'Liquidlogic LCS',
  'liquidlogic-ehm': 'Liquidlogic EHM',
  mosaic: 'Mosaic',
  eclipse: 'Eclipse',
  carefirst: 'CareFirst',
  other: 'Another system',
};

export interface ImportField {
  name: string;
  label: string;
  required: boolean;
  hint: string;
}

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  cases: [
    { name: 'ref', label: 'Case reference', required: true, hint: 'The authority’s own reference: letters, digits and hyphens' },
    { name: 'team', label: 'Team', required: true, hint: 'The team’s name or id as Waypoint knows it' },
    { name: 'caseType', label: 'Case type', required: true, hint: 'Early Help, Child in Need, Child Protection, Child Looked After or Care Leaver' },
    { name: 'holder', label: 'Case holder’s email', required: false, hint: 'Someone already in Waypoint' },
    { name: 'openedOn', label: 'Date opened', required: false, hint: 'Day/month/year or year-month-day' },
    { name: 'closedOn', label: 'Date closed', required: false, hint: 'A case with a closing date is imported as closed' },
    { name: 'status', label: 'Open or closed', required: false, hint: 'Open or closed; without it, a case is open unless it has a closing date' },
    { name: 'ageBand', label: 'Age band', required: false, hint: '0-4, 5-9, 10-15, 16-17 or 18-25' },
    { name: 'gender', label: 'Gender', required: false, hint: 'Female, male or other' },
    { name: 'ethnicity', label: 'Ethnicity', required: false, hint: 'White, mixed, Asian, Black or other' },
    { name: 'disability', label: 'Disability', required: false, hint: 'Yes or no' },
  ],
  staff: [
    { name: 'email', label: 'Email', required: true, hint: 'Their work email, which they sign in with' },
    { name: 'name', label: 'Name', required: true, hint: 'As colleagues know them' },
    { name: 'role', label: 'Role', required: true, hint: 'Practitioner, team manager, QA officer, senior manager, student or admin' },
    { name: 'teams', label: 'Teams', required: false, hint: 'Team names or ids, separated by semicolons' },
  ],
  journey: [
    { name: 'ref', label: 'Case reference', required: true, hint: 'A case already in Waypoint' },
    { name: 'event', label: 'Event', required: true, hint: 'Referral, assessment start or end, strategy discussion, ICPC, review, CLA start, visit' },
    { name: 'date', label: 'Date', required: true, hint: 'Day/month/year or year-month-day' },
  ],
  references: [
    { name: 'oldRef', label: 'Old case reference', required: true, hint: 'The reference the case has in Waypoint now' },
    { name: 'newRef', label: 'New case reference', required: true, hint: 'The reference it should have from now on: letters, digits and hyphens' },
  ],
};

export const IMPORT_STATUSES = ['uploading', 'reading', 'mapping', 'checking', 'checked', 'refused', 'importing', 'done', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  uploading: 'Waiting for the file',
  reading: 'Reading the file’s columns',
  mapping: 'Choose which column is which',
  checking: 'Checking the file',
  checked: 'Checked: ready to import',
  refused: 'The file cannot be imported',
  importing: 'Importing',
  done: 'Imported',
  cancelled: 'Cancelled',
};

export const IMPORT_OUTCOMES = ['created', 'updated', 'unchanged', 'refused'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];
export type ImportCounts = Record<ImportOutcome, number>;

/** One thing wrong with one row (or, with row 0, with the whole file), in plain words. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface ImportRecord {
  id: string;
  kind: ImportKind;
  source: ImportSource;
  /** The uploaded file's name, shown back to the person importing; never part of any storage key. */
  fileName: string;
  format: 'csv' | 'xlsx';
  status: ImportStatus;
  /** Column per field; set before checking. */
  mapping?: Record<string, string>;
  /** The file's header row, once read. */
  headers?: string[];
  /** Why the whole file cannot be imported, when status is `refused`. */
  fileProblem?: string;
  rowsTotal: number;
  rowsDone: number;
  /** Rows with problems found by the check (each is refused if the import goes ahead). */
  rowsWithProblems: number;
  /** How many times the file has been checked (each new mapping checks it again). */
  attempt: number;
  problemsListed: number;
  counts: ImportCounts;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  acceptedBy?: string;
  acceptedAt?: string;
  finishedAt?: string;
  version: number;
}

export const ImportId = v.pipe(v.string(), v.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not an import id'));

export const CreateImportBody = v.strictObject({
  kind: v.picklist(IMPORT_KINDS, 'Choose what the file holds'),
  source: v.picklist(IMPORT_SOURCES, 'Choose the system the file comes from'),
  /** Shown back to the person importing; without it the import is named by its kind and source. */
  fileName: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'Give the file’s name'), v.maxLength(200, 'Give a file name of 200 characters or fewer'))),
  format: v.picklist(['csv', 'xlsx'], 'Upload a CSV or an Excel (.xlsx) file'),
});
export type CreateImportBody = v.InferOutput<typeof CreateImportBody>;

const ColumnName = v.pipe(v.string(), v.maxLength(200));
export const ImportMappingBody = v.strictObject({
  mapping: v.pipe(
    v.record(v.pipe(v.string(), v.regex(/^[A-Za-z]{1,20}$/)), ColumnName),
    v.check((m) => Object.keys(m).length <= 20, 'Map at most 20 fields'),
  ),
});
export type ImportMappingBody = v.InferOutput<typeof ImportMappingBody>;

/** The largest file accepted: a 50,000-row export is a few megabytes. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** A real export has tens of columns. */
export const MAX_IMPORT_COLUMNS = 200;
export const MAX_IMPORT_ROWS = 100_000;
