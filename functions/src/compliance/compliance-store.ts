/**
 * Records compliance in DynamoDB: the month's draw and every check in the authority's
 * compliance partition (keys.ts), a check created once (conditional on absence) and changed
 * only at the version the caller read.
 */
import type { ComplianceCheck, ComplianceProgramme } from '@waypoint/shared/compliance/compliance-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { readAllWithPrefix } from '../platform/database/partition-queries.ts';
import { createItem, getItem, updateVersioned } from '../platform/database/versioned-items.ts';

const CHECK_ID = /^(\d{4}-(?:0[1-9]|1[0-2]))\.([A-Za-z0-9-]{1,32})$/;

/** The month and case a check id names, or undefined for an id no check can have. */
export function parseCheckId(id: string): { month: string; caseRef: string } | undefined {
  const match = CHECK_ID.exec(id);
  return match ? { month: match[1]!, caseRef: match[2]! } : undefined;
}

export async function getCheck(tenant: TenantContext, id: string): Promise<ComplianceCheck | undefined> {
  const parsed = parseCheckId(id);
  return parsed ? getItem<ComplianceCheck>(tenant, tenant.keys.complianceCheck(parsed.month, parsed.caseRef)) : undefined;
}

/** 409 when the case already has a check that month. */
export function putNewCheck(tenant: TenantContext, check: ComplianceCheck): Promise<void> {
  return createItem({ tenant, key: tenant.keys.complianceCheck(check.month, check.caseRef), item: { ...check }, what: 'compliance check' });
}

export async function updateCheck(options: { tenant: TenantContext; current: ComplianceCheck; expectedVersion: number; changes: Partial<ComplianceCheck>; at: string }): Promise<ComplianceCheck> {
  const { after } = await updateVersioned<ComplianceCheck>({
    tenant: options.tenant,
    key: options.tenant.keys.complianceCheck(options.current.month, options.current.caseRef),
    expectedVersion: options.expectedVersion,
    changes: { ...options.changes },
    at: options.at,
    what: 'compliance check',
    current: options.current,
  });
  return after;
}

/** A month's checks, or (without a month) every check the authority has made: for the reconcile job. */
export function listChecks(tenant: TenantContext, month?: string): Promise<ComplianceCheck[]> {
  return readAllWithPrefix<ComplianceCheck>(tenant, tenant.keys.complianceChecksOfMonth(month));
}

export function getComplianceProgramme(tenant: TenantContext, month: string): Promise<ComplianceProgramme | undefined> {
  return getItem<ComplianceProgramme>(tenant, tenant.keys.complianceProgramme(month));
}

/** 409 when the month's cases were already drawn. */
export function putNewComplianceProgramme(tenant: TenantContext, programme: ComplianceProgramme): Promise<void> {
  return createItem({ tenant, key: tenant.keys.complianceProgramme(programme.month), item: { ...programme }, what: 'compliance programme' });
}
