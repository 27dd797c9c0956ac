/**
 * The demo authority's monthly programme for the current month, built from the demo audits
 * exactly as the API would: each manager's sample drawn from a seed fixed by month and
 * manager (so re-seeding the same month draws the same cases), the home team's proposed and
 * waiting to be accepted, another's accepted into planned audits, the third's proposed with
 * a swap; and the re-audit that an Inadequate audit calls for, now late.
 */
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { isOutstanding } from '@waypoint/shared/programme/audit-timeliness';
import { reauditMonth } from '@waypoint/shared/programme/programme-dates';
import type { Sample } from '@waypoint/shared/programme/programme-schemas';
import { proposeSample, swapProblem, type SampleCandidate } from '@waypoint/shared/programme/sampling';
import { defaultSettings } from '@waypoint/shared/settings/settings-schemas';
import { BUILT_IN_TEMPLATES } from '@waypoint/shared/templates/built-in/built-in-templates';
import { londonMonth } from '@waypoint/shared/time/clock';
import { buildPlannedAudit, programmeTemplateId, reauditId, sampledAuditId } from '../../programmes/planned-audits.ts';
import { demoCases, demoUsers, type DemoTenant } from './demo-data.ts';

export interface DemoProgramme {
  samples: Sample[];
  /** Planned audits: the accepted sample's and the re-audits. */
  audits: Audit[];
}

const CASES_AT = '2026-01-05T09:00:00.000Z';
/** Demo audits all pin version 1 of the built-in templates. */
const versionOne = (templateId: string) => ({ ...BUILT_IN_TEMPLATES.find((t) => t.templateId === templateId)!, version: 1 });
const templateFor = (c: Case) => versionOne(programmeTemplateId(c));

/** What the demo audits say about sampling a case: the same rule the API applies to real audits. */
function candidateOf(c: Case, audits: readonly Audit[]): SampleCandidate {
  const own = audits.filter((a) => a.caseRef === c.ref);
  const completedOn = own
    .filter((a) => a.state === 'completed' && a.completedAt)
    .map((a) => londonDate(new Date(a.completedAt!)))
    .sort();
  return { ref: c.ref, ...(c.holderId ? { holderId: c.holderId } : {}), caseType: c.caseType, status: c.status, ...(completedOn.length ? { lastAuditedOn: completedOn.at(-1)! } : {}), auditUnderWay: own.some((a) => isOutstanding(a.state)) };
}

export function demoProgramme(tenant: DemoTenant, now: Date, audits: readonly Audit[]): DemoProgramme {
  const month = londonMonth(now);
  const today = londonDate(now);
  const at = now.toISOString();
  const cases = demoCases(tenant, CASES_AT);
  const byRef = new Map(cases.map((c) => [c.ref, c]));
  const planned: Audit[] = [];

  // The re-audit of every Inadequate demo audit, three months (the default) after it completed.
  const months = defaultSettings(tenant.name).reauditAfterMonths;
  for (const previous of audits.filter((a) => a.state === 'completed' && a.overallGrade === 'inadequate')) {
    const c = byRef.get(previous.caseRef)!;
    const fields = { id: reauditId(previous.id), auditedCase: c, auditorId: previous.auditorId, month: reauditMonth(londonDate(new Date(previous.completedAt!)), months), createdById: previous.auditorId, at: previous.completedAt!, reauditOf: previous.id };
    planned.push(buildPlannedAudit(fields, versionOne(previous.templateId), londonDate(new Date(previous.completedAt!))));
  }

  const managers = demoUsers(tenant).filter((u) => u.role === 'manager');
  const samples: Sample[] = managers.map((manager, index) => {
    const candidates = cases.filter((c) => manager.teamIds.includes(c.teamId)).map((c) => candidateOf(c, [...audits, ...planned]));
    const seed = `demo:${month}:${manager.id}`;
    const size = defaultSettings(tenant.name).auditsPerManagerPerMonth;
    const draw = proposeSample({ seed, month, size, candidates });
    const sample: Sample = {
      month,
      managerId: manager.id,
      teamIds: manager.teamIds,
      state: 'proposed',
      seed,
      size,
      eligible: draw.eligible,
      candidates,
      proposed: draw.picked,
      picked: draw.picked,
      swaps: [],
      auditIds: [],
      proposedById: manager.id,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    if (index === 1) {
      // Another team's manager has accepted: their audits are planned.
      const auditIds = sample.picked.map((ref) => sampledAuditId(month, manager.id, ref));
      sample.picked.forEach((ref, n) => planned.push(buildPlannedAudit({ id: auditIds[n]!, auditedCase: byRef.get(ref)!, auditorId: manager.id, month, createdById: manager.id, at, sampledFor: manager.id }, templateFor(byRef.get(ref)!), today)));
      return { ...sample, state: 'accepted', auditIds, acceptedById: manager.id, acceptedAt: at, version: 2 };
    }
    if (index === 2) {
      // The third has swapped one case, with a reason, and not yet accepted.
      const out = sample.picked[0];
      const incoming = candidates.find((c) => out !== undefined && swapProblem({ month, picked: sample.picked, out, in: c.ref, candidates }) === null);
      if (out && incoming) {
        const picked = sample.picked.map((ref) => (ref === out ? incoming.ref : ref));
        return { ...sample, picked, swaps: [{ out, in: incoming.ref, reason: 'The case holder starts long-term leave this week; audit a case they can talk through with us.', byId: manager.id, at }], version: 2 };
      }
    }
    return sample;
  });
  return { samples, audits: planned };
}
