/**
 * Which cases a caller may see. Out of scope is answered exactly like "does not exist"
 * (404), so a caller learns nothing about cases they may not see.
 */
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { caseScopeOf, CASE_EDITORS, type CaseScope } from '@waypoint/shared/tenancy/roles';
import type { StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import { getUser } from '../users/user-store.ts';

export interface CaseViewer {
  caller: StaffCaller;
  scope: CaseScope;
  /** The caller's teams, for managers. */
  teamIds: string[];
  canEdit: boolean;
}

export async function caseViewer(tenant: TenantContext, caller: StaffCaller): Promise<CaseViewer> {
  const scope = caseScopeOf(caller.role);
  const teamIds = scope === 'team' ? ((await getUser(tenant, caller.userId))?.teamIds ?? []) : [];
  return { caller, scope, teamIds, canEdit: CASE_EDITORS.includes(caller.role) };
}

export function canSeeCase(viewer: CaseViewer, c: Pick<Case, 'teamId' | 'holderId' | 'studentId'>): boolean {
  switch (viewer.scope) {
    case 'tenant':
      return true;
    case 'team':
      return viewer.teamIds.includes(c.teamId);
    case 'own':
      return c.holderId === viewer.caller.userId;
    case 'student':
      return c.studentId === viewer.caller.userId;
    case 'none':
      return false;
  }
}

/** Teams a caller may put a case in: their own for managers, any for tenant-wide roles. */
export function canUseTeam(viewer: CaseViewer, teamId: string): boolean {
  return viewer.scope === 'tenant' || (viewer.scope === 'team' && viewer.teamIds.includes(teamId));
}
