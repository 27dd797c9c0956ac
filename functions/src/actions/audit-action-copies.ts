/**
 * Every action raised in an audit has a copy in the audit's partition (`ACTION#<id>`), so the
 * audit's read view is one Query of that partition rather than two requests (the partition,
 * then the actions' index by case). The action's own item stays the record: the copy is written
 * after each write of it, and a copy never replaces a newer one, so writes that land out of
 * order, or a retry, leave the newest. The `ACTIONS-COPIED` mark says an audit's copies are
 * complete: every audit has it from its creation; one made before copies were kept gets it
 * from the reconcile job, which copies its actions first. Until then its read asks the index.
 * A crash between an action's write and its copy's leaves the copy a version behind until the
 * action's next write or the nightly reconcile, as it leaves the open-actions list.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { sourceAuditId, type Action } from '@waypoint/shared/actions/action-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { withoutKeys } from '../platform/database/versioned-items.ts';

/** Puts the copy of an action raised in an audit, unless the copy there is as new or newer; other actions have none. */
export async function copyActionBesideAudit(tenant: TenantContext, action: Action): Promise<void> {
  const auditId = sourceAuditId(action);
  if (auditId === undefined) return;
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        // Without the action's index attributes: the copy must not appear in its lists.
        Item: { ...withoutKeys<Action>({ ...action }), ...tenant.keys.auditAction(auditId, action.id) },
        ConditionExpression: 'attribute_not_exists(PK) OR #version < :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': action.version },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Marks an audit's copies complete: as it is created (no actions yet, and each one raised will be copied), or once the reconcile job has copied them. */
export async function markActionsCopied(tenant: TenantContext, auditId: string): Promise<void> {
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...tenant.keys.auditActionsCopied(auditId) } }));
}
