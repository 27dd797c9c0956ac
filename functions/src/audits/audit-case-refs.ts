/**
 * Which case each audit is of, remembered per process (per Lambda instance). An audit never
 * moves to another case, and the index its actions are found by is the case's, so with this an
 * audit read asks for its actions beside its own partition rather than after it. Only a hint:
 * the read checks it against the audit it finds and asks again when they differ.
 */

/** Far more audits than one instance reads in its life; the oldest go first beyond it. */
const MAX_REMEMBERED = 20_000;
const caseRefs = new Map<string, string>();
const keyOf = (tenantId: string, auditId: string) => `${tenantId} ${auditId}`;

export const auditCaseRefs = {
  get: (tenantId: string, auditId: string): string | undefined => caseRefs.get(keyOf(tenantId, auditId)),
  remember(tenantId: string, auditId: string, caseRef: string): void {
    const key = keyOf(tenantId, auditId);
    if (caseRefs.get(key) === caseRef) return;
    if (caseRefs.size >= MAX_REMEMBERED) caseRefs.delete(caseRefs.keys().next().value!);
    caseRefs.set(key, caseRef);
  },
};
