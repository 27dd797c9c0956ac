/** What retention deleted, by day: counts and dates only. */
import { safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function retentionKeys(root: string) {
  return {
    /** What retention deleted: one entry per case, by day, with counts and dates only (never a reference). */
    retentionLogPartition: (): string => `${root}#RETENTION-LOG`,
    retentionLogEntry: (deletedOn: string, entryId: string): Key => ({ PK: `${root}#RETENTION-LOG`, SK: `DELETED#${safe(deletedOn, 'date')}#${safe(entryId, 'entry id')}` }),
  };
}
