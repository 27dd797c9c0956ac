/** Full exports of the authority's data (offboarding). */
import { safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function dataExportKeys(root: string) {
  return {
    /** Full exports of the authority's data (offboarding): one partition, oldest first. */
    dataExportsPartition: (): string => `${root}#DATA-EXPORTS`,
    dataExport: (exportId: string): Key => ({ PK: `${root}#DATA-EXPORTS`, SK: `EXPORT#${safe(exportId, 'export id')}` }),
  };
}
