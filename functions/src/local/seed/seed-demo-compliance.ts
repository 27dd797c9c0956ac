/**
 * Demo records compliance: the three months before this one, each with three cases drawn from
 * every team (the real seeded draw, from a fixed seed) and all of them checked, mostly "yes",
 * with a few "no" answers and notes, so the report and the dashboard show a trend at once.
 * This month is left undrawn for someone to try.
 */
import { COMPLIANCE_ITEMS, type ComplianceAnswer, type ComplianceItem } from '@waypoint/shared/compliance/compliance-checklist';
import { complianceCheckId, type ComplianceCheck, type ComplianceProgramme } from '@waypoint/shared/compliance/compliance-schemas';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { proposeSample, seededRandom } from '@waypoint/shared/programme/sampling';
import { clock, londonMonth } from '@waypoint/shared/time/clock';
import { putNewCheck, putNewComplianceProgramme } from '../../compliance/compliance-store.ts';
import type { TenantContext } from '../../platform/auth/caller.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { DEMO_TEAMS, demoCases, type DemoTenant } from './demo-data.ts';

const MONTHS_BACK = 3;
const PER_TEAM = 3;

async function created(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'conflict') return false;
    throw error;
  }
}

/** Answers that improve month by month: fewer "no" in later months, closure summaries not applicable to open cases. */
function demoAnswers(seed: string, monthsAgo: number): { answers: Record<ComplianceItem, ComplianceAnswer>; notes: Partial<Record<ComplianceItem, string>> } {
  const random = seededRandom(seed);
  const answers = {} as Record<ComplianceItem, ComplianceAnswer>;
  const notes: Partial<Record<ComplianceItem, string>> = {};
  for (const item of COMPLIANCE_ITEMS) {
    if (item === 'closure-summary') answers[item] = 'na';
    else answers[item] = random() < 0.04 + 0.04 * monthsAgo ? 'no' : 'yes';
    if (answers[item] === 'no' && item === 'genogram') notes[item] = 'No genogram on the file yet.';
    if (answers[item] === 'no' && item === 'supervision') notes[item] = 'Last supervision recorded over six weeks ago.';
  }
  return { answers, notes };
}

export async function seedDemoCompliance(options: { context: TenantContext; tenant: DemoTenant; seededAt: string }): Promise<number> {
  const { context, tenant, seededAt } = options;
  const p = tenant.prefix.toLowerCase();
  const cases = demoCases(tenant, seededAt);
  const thisMonth = londonMonth(clock.now());
  let written = 0;
  for (let back = MONTHS_BACK; back >= 1; back--) {
    const month = shiftMonth(thisMonth, -back);
    const at = `${month}-15T10:00:00.000Z`;
    const teams = DEMO_TEAMS.map((team) => {
      const candidates = cases.filter((c) => c.teamId === team.id).map((c) => ({ ref: c.ref, ...(c.holderId ? { holderId: c.holderId } : {}), caseType: c.caseType, status: c.status }));
      const seed = `demo-compliance-${p}-${month}-${team.id}`;
      const draw = proposeSample({ seed, month, size: PER_TEAM, candidates });
      return { teamId: team.id, seed, size: PER_TEAM, eligible: draw.eligible, candidates, picked: draw.picked };
    });
    const programme: ComplianceProgramme = { month, checksPerTeam: PER_TEAM, teams, drawnById: `${p}-qa`, version: 1, createdAt: at, updatedAt: at };
    if (await created(() => putNewComplianceProgramme(context, programme))) written++;
    for (const draw of teams) {
      for (const ref of draw.picked) {
        const c = cases.find((x) => x.ref === ref)!;
        const check: ComplianceCheck = {
          id: complianceCheckId(month, ref),
          month,
          caseRef: ref,
          teamId: c.teamId,
          caseType: c.caseType,
          ...(c.holderId ? { holderId: c.holderId } : {}),
          ...demoAnswers(`${month}.${ref}`, back),
          checkedById: `${p}-qa`,
          version: 1,
          createdAt: at,
          updatedAt: at,
        };
        if (await created(() => putNewCheck(context, check))) written++;
      }
    }
  }
  return written;
}
