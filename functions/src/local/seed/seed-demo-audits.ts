/**
 * Writes an authority's built-in templates and demo audits. Every item is created only if
 * absent, so seeding again never overwrites what someone has changed since; an audit that
 * already exists is left with everything hanging off it.
 */
import { sourceAuditId } from '@waypoint/shared/actions/action-schemas';
import { clock } from '@waypoint/shared/time/clock';
import { putNewAction } from '../../actions/action-store.ts';
import { putNewAudit } from '../../audits/audit-store.ts';
import type { TenantContext } from '../../platform/auth/caller.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { putNewReflection } from '../../reflections/reflection-store.ts';
import { ensureBuiltInTemplates } from '../../templates/built-in-templates.ts';
import { demoAudits } from './demo-audits.ts';
import type { DemoTenant } from './demo-data.ts';

/** Runs a create; true when it wrote, false when the item was already there. */
async function created(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'conflict') return false;
    throw error;
  }
}

export async function seedDemoAudits(options: { context: TenantContext; tenant: DemoTenant; seededAt: string }): Promise<number> {
  const { context } = options;
  await ensureBuiltInTemplates(context, options.seededAt);
  const data = demoAudits(options.tenant, clock.now());
  let written = 0;
  for (const audit of data.audits) {
    if (!(await created(() => putNewAudit(context, audit, { totals: false })))) continue;
    written++;
    for (const reflection of data.reflections.filter((r) => r.auditId === audit.id)) if (await created(() => putNewReflection(context, reflection))) written++;
    for (const action of data.actions.filter((a) => sourceAuditId(a) === audit.id)) if (await created(() => putNewAction(context, action, { totals: false }))) written++;
  }
  return written;
}
