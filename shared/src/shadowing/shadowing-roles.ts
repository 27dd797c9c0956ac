/** Who takes part in work shadowing and who reads what it teaches. */
import type { StaffRole } from '../tenancy/roles.ts';

/** Senior and team managers shadow (a manager, practitioners in their own teams). */
export const SHADOWERS: readonly StaffRole[] = ['manager', 'senior'];
/** Practitioners are shadowed. */
export const SHADOWED: readonly StaffRole[] = ['practitioner'];
/** Leaders read the themes across shadowing and raise actions from them. */
export const SHADOWING_LEARNERS: readonly StaffRole[] = ['manager', 'qa', 'senior'];
