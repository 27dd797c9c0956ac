/** Who runs records compliance checks: QA officers and senior managers draw, check and read the report. */
import type { StaffRole } from '../tenancy/roles.ts';

export const COMPLIANCE_ROLES: readonly StaffRole[] = ['qa', 'senior'];
