/**
 * Who imports what: QA officers and senior managers bring in cases and journey events (they see
 * every case); QA officers and tenant admins bring in staff. Anyone else is told the import does
 * not exist, as for any record they may not see. Reference changes move cases, so they are for
 * those who see every case too.
 */
import type { ImportKind } from './import-schemas.ts';
import type { StaffRole } from '../tenancy/roles.ts';

export const IMPORTERS: Record<ImportKind, readonly StaffRole[]> = {
  cases: ['qa', 'senior'],
  journey: ['qa', 'senior'],
  staff: ['qa', 'admin'],
  references: ['qa', 'senior'],
};

export function canImport(role: StaffRole, kind: ImportKind): boolean {
  return IMPORTERS[kind].includes(role);
}

export function canImportAnything(role: StaffRole): boolean {
  return Object.values(IMPORTERS).some((roles) => roles.includes(role));
}
