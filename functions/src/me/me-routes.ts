/** `/v1/me`: the signed-in user, their role, teams and authority. */
import { Hono } from 'hono';
import type { AppEnv } from '../api/app-env.ts';
import { tenantContext } from '../platform/auth/caller.ts';
import { getTenantSummary } from '../tenants/tenant-directory.ts';
import { listTeams } from '../teams/team-store.ts';
import { getUser } from '../users/user-store.ts';

export const meRoutes = new Hono<AppEnv>();

meRoutes.get('/', async (c) => {
  const { caller, deps } = c.var;
  if (caller.tenantId === null) {
    return c.json({ user: { id: caller.userId, email: null, name: 'Platform operator' }, role: caller.role, teams: [], tenant: null });
  }
  const tenant = tenantContext({ tenantId: caller.tenantId, db: deps.dataClientFor(caller.tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
  const [user, teams, summary] = await Promise.all([getUser(tenant, caller.userId), listTeams(tenant), getTenantSummary(tenant)]);
  const mine = teams.filter((t) => user?.teamIds.includes(t.id)).map((t) => ({ id: t.id, name: t.name }));
  return c.json({
    user: { id: caller.userId, email: user?.email ?? null, name: user?.name ?? null },
    role: caller.role,
    teams: mine,
    tenant: summary,
  });
});
