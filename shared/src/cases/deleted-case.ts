/**
 * The stand-in for a case retention has deleted, in records that must stay (a sample, a review's
 * cohort): `DELETED-` and an id of the retention log's, never anything of the case. It is a valid
 * case reference in form, so every reader keeps working, and pages show "a case since deleted".
 */
export const DELETED_CASE_PREFIX = 'DELETED-';

export function deletedCaseStandIn(id: string): string {
  return `${DELETED_CASE_PREFIX}${id
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-12)
    .toUpperCase()}`;
}

export function isDeletedCaseStandIn(ref: string): boolean {
  return ref.startsWith(DELETED_CASE_PREFIX);
}

/** How a page names a stand-in: no reference, nothing to link to. */
export const DELETED_CASE_LABEL = 'A case since deleted';
