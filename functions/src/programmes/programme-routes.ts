/**
 * `GET /v1/programmes/{month}`: the monthly audit programme. QA officers and senior
 * managers see every team; a team manager sees their own row and their teams' audits.
 */
import { Hono } from 'hono';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { Month } from '@waypoint/shared/programme/programme-schemas';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { today } from '../audits/audit-checks.ts';
import { caseViewer } from '../cases/case-scope.ts';
import { requireRole, type TenantContext } from '../platform/auth/caller.ts';
import { readParam } from '../platform/http/validation.ts';
import { getSettings } from '../settings/settings-store.ts';
import { listTeams } from '../teams/team-store.ts';
import { listUsers } from '../users/user-store.ts';
import { listMonthAudits, listOutstandingTeamAudits } from './month-audits.ts';
import { programmeMonth } from './programme-view.ts';
import { SAMPLE_READERS } from './sample-routes.ts';
import { listSamples } from './sample-store.ts';

export const programmeRoutes = new Hono<AppEnv>();

/** An authority has hundreds of staff at most: the user partition, a page at a time. */
async function allStaff(tenant: TenantContext): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers({ tenant, limit: 100, cursor });
    users.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return users;
}

programmeRoutes.get('/:month', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, SAMPLE_READERS);
  const month = readParam(c, 'month', Month);
  const viewer = await caseViewer(tenant, staff);
  const everyone = await allStaff(tenant);
  const wholeTenant = viewer.scope === 'tenant';
  const teamIds = wholeTenant ? (await listTeams(tenant)).map((t) => t.id) : viewer.teamIds;
  const managers = wholeTenant ? everyone.filter((u) => u.role === 'manager' && u.active) : everyone.filter((u) => u.id === staff.userId);
  const settings = await getSettings(tenant);
  const samples = (await listSamples(tenant, month)).filter((s) => managers.some((m) => m.id === s.managerId));
  const audits = await listMonthAudits(tenant, month, wholeTenant ? undefined : teamIds, { programmeOnly: true });
  const earlier = (await Promise.all(teamIds.map((t) => listOutstandingTeamAudits(tenant, t, shiftMonth(month, -12), shiftMonth(month, -1))))).flat();
  const view = programmeMonth({
    month,
    today: today(),
    auditsPerManagerPerMonth: settings?.auditsPerManagerPerMonth ?? 0,
    managers,
    staff: new Map(everyone.map((u) => [u.id, u])),
    samples,
    audits,
    earlierOutstanding: earlier.filter((a) => a.month < month),
  });
  const named = new Set([...view.rows.map((r) => r.userId), ...[...view.audits, ...view.late].flatMap((a) => [a.auditorId, a.caseHolderId ?? []].flat())]);
  return c.json({ ...view, people: Object.fromEntries(everyone.filter((u) => named.has(u.id)).map((u) => [u.id, u.name])) });
});
