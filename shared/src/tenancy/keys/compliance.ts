/** Records compliance: the month's draw and its checks, in one partition. */
import { safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function complianceKeys(root: string) {
  return {
    /**
     * Records compliance: the month's draw and every check in one partition of the authority's,
     * a month's checks together (`CHECK#<month>#<case>`), so a month is one Query and the
     * reconcile job reads every check in one.
     */
    compliancePartition: (): string => `${root}#COMPLIANCE`,
    complianceProgramme: (month: string): Key => ({ PK: `${root}#COMPLIANCE`, SK: `PROGRAMME#${safe(month, 'month')}` }),
    complianceCheck: (month: string, caseRef: string): Key => ({ PK: `${root}#COMPLIANCE`, SK: `CHECK#${safe(month, 'month')}#${safe(caseRef, 'case reference')}` }),
    complianceChecksOfMonth: (month?: string) => ({ PK: `${root}#COMPLIANCE`, SK: month === undefined ? 'CHECK#' : `CHECK#${safe(month, 'month')}#` }),
  };
}
