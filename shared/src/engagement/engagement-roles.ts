/**
 * Who does what in engagement. QA officers and senior managers run activities across the
 * authority; team managers run them for their own teams; practitioners issue single-use
 * codes to the families they work with; alerts go to those who act on safeguarding
 * (managers for their teams). Tenant admins set the authority up and see no responses,
 * and students work under a practitioner, so neither appears here.
 */
import type { StaffRole } from '../tenancy/roles.ts';

/** Create and change activities (managers: only with a team of theirs). */
export const ACTIVITY_EDITORS: readonly StaffRole[] = ['manager', 'qa', 'senior'];
/** Read activities (managers and practitioners: their teams' and the authority-wide ones). */
export const ACTIVITY_READERS: readonly StaffRole[] = ['practitioner', 'manager', 'qa', 'senior'];
/** Issue, list and revoke codes (practitioners: single-use codes, for their own cases, their own codes). */
export const CODE_ISSUERS: readonly StaffRole[] = ['practitioner', 'manager', 'qa', 'senior'];
/** Read safety alerts and record what was done (managers: their teams' alerts). */
export const ALERT_HANDLERS: readonly StaffRole[] = ['manager', 'qa', 'senior'];
