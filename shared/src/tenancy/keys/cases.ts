/** Cases: each case's profile and journey in its own partition, the lookup by any spelling of its reference, its index entries, and references changed by a file. */
import { safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function caseKeys(root: string) {
  return {
    case: (caseRef: string): Key => ({ PK: `${root}#CASE#${safe(caseRef, 'case reference')}`, SK: 'PROFILE' }),
    /** Finds a case however its reference is typed: the upper-case form points to the stored one. */
    caseRefLookup: (caseRef: string): Key => ({ PK: `${root}#CASE-REF#${safe(caseRef, 'case reference').toUpperCase()}`, SK: 'CASE-REF' }),
    /** Index keys: cases by team (GSI1), by case holder (GSI2), by student (GSI3). */
    casesByTeam: (teamId?: string) => ({
      GSI1PK: `${root}#CASES`,
      GSI1SK: teamId === undefined ? 'TEAM#' : `TEAM#${safe(teamId, 'team id')}#`,
    }),
    caseIndexEntries: (c: { ref: string; teamId: string; holderId?: string; studentId?: string }) => ({
      GSI1PK: `${root}#CASES`,
      GSI1SK: `TEAM#${safe(c.teamId, 'team id')}#CASE#${safe(c.ref, 'case reference')}`,
      ...(c.holderId ? { GSI2PK: `${root}#HOLDER#${safe(c.holderId, 'user id')}`, GSI2SK: `CASE#${c.ref}` } : {}),
      ...(c.studentId ? { GSI3PK: `${root}#STUDENT#${safe(c.studentId, 'user id')}`, GSI3SK: `CASE#${c.ref}` } : {}),
    }),
    casesByHolder: (userId: string) => ({ GSI2PK: `${root}#HOLDER#${safe(userId, 'user id')}` }),
    casesByStudent: (userId: string) => ({ GSI3PK: `${root}#STUDENT#${safe(userId, 'user id')}` }),
    /** The child's journey: one versioned document in the case's partition, beside its profile. */
    journey: (caseRef: string): Key => ({ PK: `${root}#CASE#${safe(caseRef, 'case reference')}`, SK: 'JOURNEY' }),
    /**
     * Case references changed by a file: one entry per old reference (upper case), in one
     * partition, saying where it went and whether the move finished. The marker a stopped move
     * resumes from, and the record that keeps an old link working.
     */
    caseRenamesPartition: (): string => `${root}#CASE-RENAMES`,
    caseRename: (oldRef: string): Key => ({ PK: `${root}#CASE-RENAMES`, SK: `FROM#${safe(oldRef, 'case reference').toUpperCase()}` }),
  };
}
