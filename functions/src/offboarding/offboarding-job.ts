/**
 * The offboarding job: makes the full exports asked for, then, for each authority whose
 * leaving day plus the cooling-off period has come, starts deleting its data, and carries on
 * every deletion under way (`tenant-deletion.ts`). Every ten minutes in AWS, where it is also the
 * sweep for exports: each is started the moment it is asked for (`lambda-export-work.ts`); a pass stops taking new work
 * before the Lambda's time runs out and the next run resumes from the saved steps.
 */
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { deletionDueOn } from '@waypoint/shared/tenancy/tenant-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { JobDependencies, JobResult } from '../jobs/job-registry.ts';
import { getTenantEntry, listDirectory } from '../tenants/tenant-directory.ts';
import { runDataExports } from './data-export-job.ts';
import { beginDeletion, continueDeletion } from './tenant-deletion.ts';

/** The jobs Lambda has ten minutes; a pass stops starting new pages after this. */
export const PASS_MS = 8 * 60 * 1000;

export async function runOffboarding(deps: JobDependencies, options: { passMs?: number } = {}): Promise<JobResult> {
  const deadline = Date.now() + (options.passMs ?? PASS_MS);
  const result = { exports: 0, deletionsStarted: 0, deletionsFinished: 0 };
  result.exports = await runDataExports(deps, deadline);
  const today = londonDate(clock.now());
  const platform = { db: deps.platformClient, tableName: deps.tableName };
  for (const { id, status } of await listDirectory(deps)) {
    if (status !== 'offboarding' && status !== 'deleting') continue;
    let entry = await getTenantEntry(platform, id);
    if (!entry) continue;
    if (entry.status === 'offboarding' && entry.leavesOn && deletionDueOn(entry.leavesOn) <= today && (await beginDeletion(deps, entry))) {
      result.deletionsStarted++;
      entry = await getTenantEntry(platform, id);
    }
    if (entry?.status !== 'deleting') continue;
    if ((await continueDeletion(deps, entry, deadline)) === 'done') result.deletionsFinished++;
  }
  return result;
}
