/**
 * Writes the demo data: authorities, teams, staff, cases, templates, six months of audits
 * and actions, this month's programme with journeys and moderations, and three months of
 * records compliance checks. Each item is
 * written only if absent, so seeding again changes nothing and never overwrites what someone
 * edited since. When anything was written, the tenant's monthly totals are rebuilt once
 * (as the reconcile job does), rather than added to item by item.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { platformKeys, tenantKeys, type Key } from '@waypoint/shared/tenancy/keys';
import { provisionTenant } from '../../tenants/tenant-creation.ts';
import { caseIndexAttributes } from '../../cases/case-store.ts';
import { tenantContext } from '../../platform/auth/caller.ts';
import { accountItem, type SignInAccount } from '../identity/account-store.ts';
import { DEMO_TOTP_SECRET } from '../identity/one-time-codes.ts';
import { hashPassword, type PasswordCost } from '../identity/passwords.ts';
import { DEMO_TEAMS, DEMO_TENANTS, OPERATOR, demoCases, demoUsers } from './demo-data.ts';
import { seedDemoAudits } from './seed-demo-audits.ts';
import { seedDemoEngagement } from './seed-demo-engagement.ts';
import { seedDemoProgramme } from './seed-demo-programme.ts';
import { seedDemoShadowing } from './seed-demo-shadowing.ts';
import { seedDemoCompliance } from './seed-demo-compliance.ts';
import { seedDemoReviews } from './seed-demo-reviews.ts';
import { reconcileTenantTotals } from '../../totals/totals-reconcile.ts';

/** The instant every demo item says it was created: fixed, so the seed is deterministic. */
const SEEDED_AT = '2026-01-05T09:00:00.000Z';

export async function seedDemoData(options: {
  db: DynamoDBDocumentClient;
  tableName: string;
  password: string;
  portalUrl: string;
  /** The demo accounts' hashing cost; the local provider's own when absent (the test suites' seed asks for less). */
  passwordCost?: PasswordCost;
}): Promise<{ written: number }> {
  const { db, tableName, portalUrl } = options;
  let written = 0;
  const putIfAbsent = async (key: Key, item: Record<string, unknown>) => {
    try {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...item, ...key }, ConditionExpression: 'attribute_not_exists(PK)' }));
      written++;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  };
  const putAccount = async (account: Omit<SignInAccount, 'passwordHash' | 'active'>) => {
    const key = platformKeys.account(account.email);
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key }));
    if (Item) return;
    // Enrolled with the demo authenticator secret, so the demo signs in through the real second step.
    await putIfAbsent(key, { ...accountItem({ ...account, passwordHash: await hashPassword(options.password, options.passwordCost), totpSecret: DEMO_TOTP_SECRET }) });
  };

  // The authorities side by side: each waits on the database one request at a time, so two
  // keep both the seed's thread and the database's busy (about 40% sooner than one after the other).
  const seedTenant = async (tenant: (typeof DEMO_TENANTS)[number]) => {
    const keys = tenantKeys(tenant.id);
    const context = tenantContext({ tenantId: tenant.id, db, tableName, portalUrl });
    // The same creation code as the operator's, less the first admin: the seed writes its people itself.
    const provisioned = await provisionTenant({
      platform: { db, tableName },
      tenant: context,
      newTenant: { tenantId: tenant.id, name: tenant.name, slug: tenant.slug, region: tenant.region, at: SEEDED_AT },
      adminEmail: `admin@${tenant.slug}.example`,
    });
    written += provisioned;
    // Each team is led by the first team manager in it (`manager@` leads Child in Need).
    const managers = demoUsers(tenant).filter((u) => u.role === 'manager');
    for (const team of DEMO_TEAMS) {
      const managerId = managers.find((m) => m.teamIds.includes(team.id))?.id;
      await putIfAbsent(keys.team(team.id), { id: team.id, name: team.name, status: 'open', ...(managerId ? { managerId } : {}), version: 1, createdAt: SEEDED_AT, updatedAt: SEEDED_AT });
    }
    for (const user of demoUsers(tenant)) {
      const { canSignIn, ...record } = user;
      await putIfAbsent(keys.user(user.id), { ...record, status: 'active', active: true, version: 1, createdAt: SEEDED_AT, updatedAt: SEEDED_AT });
      if (canSignIn) await putAccount({ email: user.email, userId: user.id, tenantId: tenant.id, role: user.role, name: user.name });
    }
    for (const c of demoCases(tenant, SEEDED_AT)) {
      const indexes = Object.fromEntries(Object.entries(caseIndexAttributes(context, c)).filter(([, v]) => v !== null));
      await putIfAbsent(keys.caseRefLookup(c.ref), { ref: c.ref });
      await putIfAbsent(keys.case(c.ref), { ...c, ...indexes });
    }
    // Counted apart: `written += await …` would add to the count as it was before the other authority's writes.
    let activity = 0;
    activity += await seedDemoAudits({ context, tenant, seededAt: SEEDED_AT });
    activity += await seedDemoEngagement({ context, tenant, seededAt: SEEDED_AT });
    activity += await seedDemoProgramme({ context, tenant });
    activity += await seedDemoShadowing({ context, tenant });
    activity += await seedDemoCompliance({ context, tenant, seededAt: SEEDED_AT });
    activity += await seedDemoReviews({ context, tenant });
    written += activity;
    if (activity > 0) await reconcileTenantTotals(context);
  };
  await Promise.all(DEMO_TENANTS.map(seedTenant));
  await putAccount({ email: OPERATOR.email, userId: OPERATOR.userId, tenantId: null, role: 'operator', name: OPERATOR.name });
  return { written };
}
