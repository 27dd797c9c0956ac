/** What each kind of file does with a row: how it is checked, and how a chunk of checked rows is applied. */
import type { ImportKind, ImportOutcome } from '@waypoint/shared/imports/import-schemas';
import type { SignInAccounts } from '../platform/accounts/sign-in-accounts.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { caseFromRow } from './case-rows.ts';
import { upsertCases } from './case-upsert.ts';
import type { ImportLookups } from './import-lookups.ts';
import type { RowReader } from './import-rows.ts';
import { journeyEventFromRow } from './journey-rows.ts';
import { addJourneyEvents } from './journey-upsert.ts';
import { staffFromRow } from './staff-rows.ts';
import { upsertStaff } from './staff-upsert.ts';
import { applyReferenceChanges } from './reference-apply.ts';
import { loadReferenceLookups, referenceChangeFromRow } from './reference-rows.ts';

export interface ApplyContext {
  tenant: TenantContext;
  importId: string;
  /** When the import was accepted: every record it writes carries this time. */
  at: string;
  /** Who accepted it. */
  actorId: string;
  /** Sign-in accounts, for staff files; absent where the job cannot make accounts. */
  accounts?: SignInAccounts;
}

/** What became of one row: a row refused only when applied (a journey event out of order) says why. */
export type RowOutcome = Exclude<ImportOutcome, 'refused'> | { refused: string };

export interface ImportKindHandler<T> {
  /** The row's value and the key two rows of one file must not share, or undefined with problems recorded on `row`. */
  check(row: RowReader, lookups: ImportLookups, today: string): { key: string; value: T } | undefined;
  apply(context: ApplyContext, rows: readonly { row: number; value: T }[]): Promise<RowOutcome[]>;
  /** How a repeated key is described: "The case reference NV-1 is also on row 4". */
  duplicate(key: string, firstRow: number): string;
  /** What rows are checked against, when a kind needs more than the teams and staff (read once per pass). */
  lookups?: (tenant: TenantContext) => Promise<ImportLookups>;
}

function handler<T>(h: ImportKindHandler<T>): ImportKindHandler<never> {
  return h as unknown as ImportKindHandler<never>;
}

export const IMPORT_HANDLERS: Record<ImportKind, ImportKindHandler<never>> = {
  cases: handler({
    check: caseFromRow,
    apply: (context, rows) => upsertCases(context.tenant, context.importId, rows, context.at),
    duplicate: (key, firstRow) => `The case reference ${key} is also on row ${firstRow}: each case can be on one row only. Only row ${firstRow} is imported.`,
  }),
  staff: handler({
    check: staffFromRow,
    apply: upsertStaff,
    duplicate: (key, firstRow) => `${key} is also on row ${firstRow}: each person can be on one row only. Only row ${firstRow} is imported.`,
  }),
  journey: handler({
    check: journeyEventFromRow,
    apply: addJourneyEvents,
    duplicate: (_key, firstRow) => `The same event on the same day for this case is also on row ${firstRow}. Only row ${firstRow} is imported.`,
  }),
  references: handler({
    check: referenceChangeFromRow,
    apply: applyReferenceChanges,
    duplicate: (key, firstRow) => `The case ${key} is also changed on row ${firstRow}: a case can change reference once per file. Only row ${firstRow} is imported.`,
    lookups: loadReferenceLookups,
  }),
};
