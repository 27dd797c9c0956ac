/**
 * An action raised from an item a records compliance check answered "no". It is about the
 * check's case and takes the team that holds the case now (as an audit's does); a check that
 * does not exist, or an item not answered "no", is a 400 on the source.
 */
import type { ActionSource } from '@waypoint/shared/actions/action-schemas';
import { COMPLIANCE_ROLES } from '@waypoint/shared/compliance/compliance-roles';
import { requireRole, type StaffCaller, type TenantContext } from '../platform/auth/caller.ts';
import { ApiError, type FieldError } from '../platform/http/api-error.ts';
import { getCase } from '../cases/case-store.ts';
import { getCheck } from '../compliance/compliance-store.ts';
import type { ActionOrigin } from './action-origin.ts';

type ComplianceSource = Extract<ActionSource, { type: 'compliance' }>;

export async function complianceOrigin(options: { tenant: TenantContext; staff: StaffCaller; source: ComplianceSource; requestedTeam: string | undefined }): Promise<ActionOrigin> {
  const { tenant, staff, source, requestedTeam } = options;
  requireRole(staff, COMPLIANCE_ROLES);
  const check = await getCheck(tenant, source.checkId);
  if (!check) throw new ApiError('validation', 'The action refers to a compliance check that does not exist', { errors: [{ path: 'source.checkId', message: 'No such compliance check' }] });
  const errors: FieldError[] = [];
  if (check.answers[source.item] !== 'no') errors.push({ path: 'source.item', message: 'Only an item the check answered “no” raises an action' });
  if (requestedTeam !== undefined) errors.push({ path: 'teamId', message: 'An action from a compliance check is for the case’s team: leave the team out' });
  const checkedCase = await getCase(tenant, check.caseRef);
  return { caseRef: check.caseRef, teamId: checkedCase?.teamId ?? check.teamId, caseType: checkedCase?.caseType ?? check.caseType, errors };
}
