/** Imports: each with its problems and refused rows, listed and marked active, and the saved column mappings. */
import { isoTime, rowNumber, safe, versionNumber, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function importKeys(root: string) {
  return {
    /**
     * Imports: each in its own partition with the problems each check found (`PROBLEM#<attempt>#<row>`)
     * and the rows it refused (`REFUSED#<row>`), in row order. Listed newest last on GSI1; an
     * entry on GSI2 exists only while the import has work for the import job to do.
     */
    importRecord: (importId: string): Key => ({ PK: `${root}#IMPORT#${safe(importId, 'import id')}`, SK: 'IMPORT' }),
    importPartition: (importId: string): string => `${root}#IMPORT#${safe(importId, 'import id')}`,
    /** A problem the check found; each check (a new mapping) has its own, so an old check's never show. */
    importProblem: (importId: string, attempt: number, row: number, index: number): Key => ({
      PK: `${root}#IMPORT#${safe(importId, 'import id')}`,
      SK: `PROBLEM#${versionNumber(attempt)}#${rowNumber(row)}#${String(index).padStart(3, '0')}`,
    }),
    importProblemsPrefix: (attempt: number): string => `PROBLEM#${versionNumber(attempt)}#`,
    importRefused: (importId: string, row: number): Key => ({ PK: `${root}#IMPORT#${safe(importId, 'import id')}`, SK: `REFUSED#${rowNumber(row)}` }),
    importIndexEntries: (i: { id: string; createdAt: string; active: boolean }) => ({
      GSI1PK: `${root}#IMPORTS`,
      GSI1SK: `${isoTime(i.createdAt)}#${safe(i.id, 'import id')}`,
      ...(i.active ? { GSI2PK: `${root}#IMPORTS#ACTIVE`, GSI2SK: `${isoTime(i.createdAt)}#${safe(i.id, 'import id')}` } : {}),
    }),
    importsOfAuthority: () => ({ GSI1PK: `${root}#IMPORTS` }),
    activeImports: () => ({ GSI2PK: `${root}#IMPORTS#ACTIVE` }),
    /** The column mapping last saved for one kind of file from one source system. */
    importMapping: (kind: string, source: string): Key => ({ PK: root, SK: `IMPORT-MAPPING#${safe(kind, 'import kind')}#${safe(source, 'import source')}` }),
  };
}
