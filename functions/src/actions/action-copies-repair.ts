/**
 * The reconcile job's repair of the copies of actions beside their audits (audit-action-copies.ts):
 * what a crash between an action's write and its copy's left behind, and, once, the copies of
 * actions raised before copies were kept.
 */
import { sourceAuditId } from '@waypoint/shared/actions/action-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { inParallel } from '../platform/database/in-parallel.ts';
import { queryEveryPage } from '../platform/database/partition-queries.ts';
import { listTeams } from '../teams/team-store.ts';
import { listActionsOfTeam } from './action-store.ts';
import { copyActionBesideAudit, markActionsCopied } from './audit-action-copies.ts';

/** How many copies the reconcile job writes at once. */
const PARALLEL_WRITES = 8;

/**
 * Copies each action raised in an audit where its copy is missing or older, then marks every
 * audit's copies complete: all the copies first, since an action may be of another team than its
 * audit, so no mark is ahead of them. Returns how many actions it looked at.
 */
export async function repairActionCopies(tenant: TenantContext): Promise<number> {
  const teams = await listTeams(tenant);
  let looked = 0;
  for (const team of teams) {
    const actions = (await listActionsOfTeam(tenant, team.id)).filter((action) => sourceAuditId(action) !== undefined);
    await inParallel(actions, PARALLEL_WRITES, (action) => copyActionBesideAudit(tenant, action));
    looked += actions.length;
  }
  for (const team of teams) {
    const audits = await queryEveryPage(tenant, { IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.auditsByTeam(team.id).GSI2PK }, ProjectionExpression: 'id' });
    await inParallel(audits, PARALLEL_WRITES, (audit) => markActionsCopied(tenant, String(audit.id)));
  }
  return looked;
}
