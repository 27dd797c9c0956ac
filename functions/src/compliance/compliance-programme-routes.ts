/**
 * `/v1/compliance/programmes/{month}`: the month's records compliance cases. Drawing takes N
 * open cases from every team with the audit sample's seeded sampling (`proposeSample`), each
 * team's seed and candidates kept so the draw can be replayed; the month is drawn once, and
 * drawing again shows what was drawn. Reading it says which cases are checked and which is next.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { itemsAnsweredNo } from '@waypoint/shared/compliance/compliance-checklist';
import { COMPLIANCE_ROLES } from '@waypoint/shared/compliance/compliance-roles';
import { DrawComplianceBody, Month, complianceCheckId, type ComplianceProgramme, type ComplianceProgrammeView } from '@waypoint/shared/compliance/compliance-schemas';
import { formatMonth } from '@waypoint/shared/formatting/dates';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { proposeSample } from '@waypoint/shared/programme/sampling';
import { clock, londonMonth } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole, type TenantContext } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { setEtag } from '../platform/http/versioning.ts';
import { teamCaseCandidates } from '../programmes/sample-candidates.ts';
import { listTeams } from '../teams/team-store.ts';
import { getUserNames } from '../users/user-store.ts';
import { getComplianceProgramme, listChecks, putNewComplianceProgramme } from './compliance-store.ts';

export const complianceProgrammeRoutes = new Hono<AppEnv>();

export async function complianceProgrammeView(tenant: TenantContext, month: string, programme: ComplianceProgramme | undefined): Promise<ComplianceProgrammeView> {
  const [teams, checks] = await Promise.all([listTeams(tenant), programme ? listChecks(tenant, month) : Promise.resolve([])]);
  const checkByRef = new Map(checks.map((c) => [c.caseRef, c]));
  const nameOf = new Map(teams.map((t) => [t.id, t.name]));
  const rows = (programme?.teams ?? []).map((draw) => ({
    teamId: draw.teamId,
    name: nameOf.get(draw.teamId) ?? draw.teamId,
    eligible: draw.eligible,
    cases: draw.picked.map((ref) => {
      const check = checkByRef.get(ref);
      const holderId = draw.candidates.find((c) => c.ref === ref)?.holderId;
      return { caseRef: ref, teamId: draw.teamId, ...(holderId ? { holderId } : {}), checkId: complianceCheckId(month, ref), checked: check !== undefined, noItems: check ? itemsAnsweredNo(check.answers) : [] };
    }),
  }));
  const all = rows.flatMap((r) => r.cases);
  const replays = (programme?.teams ?? []).every((d) => JSON.stringify(proposeSample({ seed: d.seed, month, size: d.size, candidates: d.candidates }).picked) === JSON.stringify(d.picked));
  const people = Object.fromEntries(await getUserNames(tenant, [...(programme ? [programme.drawnById] : []), ...all.flatMap((c) => (c.holderId ? [c.holderId] : []))]));
  return {
    month,
    drawn: programme ? { checksPerTeam: programme.checksPerTeam, drawnById: programme.drawnById, createdAt: programme.createdAt, replays } : null,
    teams: rows,
    checked: all.filter((c) => c.checked).length,
    total: all.length,
    next: all.find((c) => !c.checked)?.caseRef ?? null,
    people,
  };
}

async function respond(c: Context<AppEnv>, month: string, programme: ComplianceProgramme | undefined, status: 200 | 201 = 200) {
  if (programme) setEtag(c, programme.version);
  return c.json(await complianceProgrammeView(c.var.tenant, month, programme), status);
}

complianceProgrammeRoutes.get('/programmes/:month', async (c) => {
  requireRole(c.var.staff, COMPLIANCE_ROLES);
  const month = readParam(c, 'month', Month);
  return respond(c, month, await getComplianceProgramme(c.var.tenant, month));
});

complianceProgrammeRoutes.post('/programmes/:month', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, COMPLIANCE_ROLES);
  const month = readParam(c, 'month', Month);
  const body = await readJsonBody(c, DrawComplianceBody);
  const current = londonMonth(clock.now());
  if (month < current || month > shiftMonth(current, 1)) {
    throw new ApiError('validation', 'Cases are drawn for this month or next', { errors: [{ path: 'month', message: `Choose ${formatMonth(current)} or ${formatMonth(shiftMonth(current, 1))}` }] });
  }
  // Drawn once: drawing again (a retry, a second person) shows the month's cases as drawn.
  const existing = await getComplianceProgramme(tenant, month);
  if (existing) return respond(c, month, existing);
  const teams = await listTeams(tenant);
  const draws = await Promise.all(
    teams.map(async (team) => {
      const candidates = await teamCaseCandidates(tenant, team.id);
      const seed = randomUUID();
      const draw = proposeSample({ seed, month, size: body.checksPerTeam, candidates });
      return { teamId: team.id, seed, size: body.checksPerTeam, eligible: draw.eligible, candidates, picked: draw.picked };
    }),
  );
  const at = clock.nowIso();
  const programme: ComplianceProgramme = { month, checksPerTeam: body.checksPerTeam, teams: draws, drawnById: staff.userId, version: 1, createdAt: at, updatedAt: at };
  try {
    await putNewComplianceProgramme(tenant, programme);
  } catch (error) {
    if (!(error instanceof ApiError && error.kind === 'conflict')) throw error;
    return respond(c, month, await getComplianceProgramme(tenant, month));
  }
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'compliance-programme', entityId: month, versionBefore: null, versionAfter: 1, at, changes: ['checksPerTeam', 'teams'] });
  c.header('Location', `/v1/compliance/programmes/${month}`);
  return respond(c, month, programme, 201);
});
