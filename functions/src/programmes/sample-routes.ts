/**
 * `/v1/programmes/{month}/samples`: a manager's monthly sample. Proposing draws it from a
 * fresh random seed, recorded with the candidates so the draw can be replayed; the manager
 * (or QA for them) swaps cases for eligible ones with a reason, then accepts, which plans
 * the audits. Once accepted the sample is fixed: proposing or swapping again is a 409.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { Month, ProposeSampleBody, SwapSampleBody, type Sample, type SampleDetail } from '@waypoint/shared/programme/programme-schemas';
import { ineligibility, proposeSample, swapProblem, type SwapProblem } from '@waypoint/shared/programme/sampling';
import { londonMonth, clock } from '@waypoint/shared/time/clock';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { findCase, getCase, refuseWhileMoving } from '../cases/case-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole, type TenantContext } from '../platform/auth/caller.ts';
import { ApiError, forbidden, notFound } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { getSettings } from '../settings/settings-store.ts';
import { getUser, getUserNames } from '../users/user-store.ts';
import { planProgrammeAudit, programmeTemplateId, sampledAuditId } from './planned-audits.ts';
import { candidateFor, candidatesForTeams } from './sample-candidates.ts';
import { getSample, putNewSample, updateSample } from './sample-store.ts';
import { formatMonth } from '@waypoint/shared/formatting/dates';

export const SAMPLERS = ['manager', 'qa'] as const;
export const SAMPLE_READERS = ['manager', 'qa', 'senior'] as const;

export const sampleRoutes = new Hono<AppEnv>();

const activityId = (sample: Pick<Sample, 'month' | 'managerId'>) => `${sample.month}.${sample.managerId}`;

/** Who may handle a manager's sample: the manager themself, QA for any manager (senior managers read). */
async function sampleManager(c: Context<AppEnv>, managerId: string | undefined, named: 'body' | 'path', roles: readonly string[]): Promise<User> {
  const { tenant, staff } = c.var;
  if (!roles.includes(staff.role)) throw forbidden('Team managers draw their own samples; QA officers can for any manager');
  if (staff.role === 'manager') {
    if (managerId !== undefined && managerId !== staff.userId) {
      if (named === 'path') throw notFound('sample');
      throw forbidden('A team manager proposes their own sample');
    }
    const self = await getUser(tenant, staff.userId);
    if (!self?.active) throw forbidden('Your account is not active');
    return self;
  }
  if (managerId === undefined) throw new ApiError('validation', 'Name the manager', { errors: [{ path: 'managerId', message: 'Name the team manager whose sample this is' }] });
  const manager = await getUser(tenant, managerId);
  if (!manager || manager.role !== 'manager' || !manager.active) {
    if (named === 'path') throw notFound('sample');
    throw new ApiError('validation', 'No such team manager', { errors: [{ path: 'managerId', message: 'No such team manager' }] });
  }
  return manager;
}

export async function sampleDetail(tenant: TenantContext, sample: Sample): Promise<SampleDetail> {
  const monthStart = `${sample.month}-01`;
  const replayed = proposeSample({ seed: sample.seed, month: sample.month, size: sample.size, candidates: sample.candidates });
  const people = Object.fromEntries(await getUserNames(tenant, [sample.managerId, sample.proposedById, sample.acceptedById ?? [], ...sample.swaps.map((s) => s.byId), ...sample.candidates.map((c) => c.holderId ?? [])].flat()));
  return {
    ...sample,
    candidates: sample.candidates.map((c) => ({ ...c, ineligibility: ineligibility(c, monthStart) })),
    replays: JSON.stringify(replayed.picked) === JSON.stringify(sample.proposed),
    people,
  };
}

async function respond(c: Context<AppEnv>, sample: Sample, status: 200 | 201 = 200) {
  setEtag(c, sample.version);
  return c.json(await sampleDetail(c.var.tenant, sample), status);
}

sampleRoutes.post('/:month/samples', async (c) => {
  const { tenant, staff } = c.var;
  const month = readParam(c, 'month', Month);
  requireRole(staff, SAMPLERS);
  const body = await readJsonBody(c, ProposeSampleBody);
  const manager = await sampleManager(c, body.managerId, 'body', SAMPLERS);
  const current = londonMonth(clock.now());
  if (month < current || month > shiftMonth(current, 1)) {
    throw new ApiError('validation', 'Samples are drawn for this month or next', { errors: [{ path: 'month', message: `Choose ${formatMonth(current)} or ${formatMonth(shiftMonth(current, 1))}` }] });
  }
  const existing = await getSample(tenant, month, manager.id);
  if (existing?.state === 'accepted') throw new ApiError('conflict', `The sample for ${month} was accepted and is fixed`);
  // A proposal stands until it is accepted: proposing again shows it rather than drawing a fresh one to choose from.
  if (existing) return respond(c, existing);

  const settings = await getSettings(tenant);
  const candidates = await candidatesForTeams(tenant, manager.teamIds);
  const seed = randomUUID();
  const draw = proposeSample({ seed, month, size: settings?.auditsPerManagerPerMonth ?? 0, candidates });
  const at = clock.nowIso();
  const sample: Sample = {
    month,
    managerId: manager.id,
    teamIds: manager.teamIds,
    state: 'proposed',
    seed,
    size: settings?.auditsPerManagerPerMonth ?? 0,
    eligible: draw.eligible,
    candidates,
    proposed: draw.picked,
    picked: draw.picked,
    swaps: [],
    auditIds: [],
    proposedById: staff.userId,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await putNewSample(tenant, sample);
  } catch (error) {
    if (!(error instanceof ApiError && error.kind === 'conflict')) throw error;
    // Someone proposed at the same moment: theirs stands (or is already accepted).
    const theirs = (await getSample(tenant, month, manager.id))!;
    if (theirs.state === 'accepted') throw new ApiError('conflict', `The sample for ${month} was accepted and is fixed`);
    return respond(c, theirs);
  }
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'sample', entityId: activityId(sample), versionBefore: null, versionAfter: 1, at, changes: ['picked', 'seed'] });
  c.header('Location', `/v1/programmes/${month}/samples/${manager.id}`);
  return respond(c, sample, 201);
});

/** The sample named in the path, when the caller may handle it. */
async function namedSample(c: Context<AppEnv>, roles: readonly string[]): Promise<Sample> {
  const month = readParam(c, 'month', Month);
  const managerId = readParam(c, 'managerId', EntityId);
  const manager = await sampleManager(c, managerId, 'path', roles);
  const sample = await getSample(c.var.tenant, month, manager.id);
  if (!sample) throw notFound('sample');
  return sample;
}

sampleRoutes.get('/:month/samples/:managerId', async (c) => respond(c, await namedSample(c, SAMPLE_READERS)));

const SWAP_FIELD: Record<SwapProblem, { path: 'out' | 'in'; message: string }> = {
  'not-in-sample': { path: 'out', message: 'That case is not in the sample' },
  'already-in-sample': { path: 'in', message: 'That case is already in the sample' },
  'unknown-case': { path: 'in', message: 'No such case in the manager’s teams' },
  closed: { path: 'in', message: 'That case is closed; only open cases are audited' },
  'audited-in-last-12-months': { path: 'in', message: 'That case was audited in the last 12 months' },
  'audit-under-way': { path: 'in', message: 'That case already has an audit planned or in progress' },
};

sampleRoutes.post('/:month/samples/:managerId/swap', async (c) => {
  const { tenant, staff } = c.var;
  const sample = await namedSample(c, SAMPLERS);
  const expectedVersion = requireIfMatch(c);
  const body = await readJsonBody(c, SwapSampleBody);
  if (sample.state === 'accepted') throw new ApiError('conflict', 'The sample was accepted and is fixed; it can no longer change');
  if (sample.version !== expectedVersion) throw new ApiError('precondition-failed', `The sample was changed by someone else (now version ${sample.version}); read it again and reapply your change`);
  // References as typed in any case: the sample and the swap record keep the authority's stored form.
  const incoming = await findCase(tenant, body.in);
  const out = sample.picked.find((ref) => ref.toUpperCase() === body.out.toUpperCase()) ?? body.out;
  const into = incoming?.ref ?? body.in;
  const candidates = incoming && sample.teamIds.includes(incoming.teamId) ? [await candidateFor(tenant, incoming)] : [];
  const problem = swapProblem({ month: sample.month, picked: sample.picked, out, in: into, candidates });
  if (problem) throw new ApiError('validation', 'That swap is not allowed', { errors: [SWAP_FIELD[problem]] });
  refuseWhileMoving(incoming);
  const at = clock.nowIso();
  const { after } = await updateSample({
    tenant,
    current: sample,
    expectedVersion,
    changes: { picked: sample.picked.map((ref) => (ref === out ? into : ref)), swaps: [...sample.swaps, { out, in: into, reason: body.reason, byId: staff.userId, at }] },
    at,
  });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'sample', entityId: activityId(sample), versionBefore: sample.version, versionAfter: after.version, at, changes: ['picked', 'swaps'] });
  return respond(c, after);
});

sampleRoutes.post('/:month/samples/:managerId/accept', async (c) => {
  const { tenant, staff } = c.var;
  const sample = await namedSample(c, SAMPLERS);
  const expectedVersion = requireIfMatch(c);
  let accepted = sample;
  if (sample.state === 'proposed') {
    if (sample.version !== expectedVersion) throw new ApiError('precondition-failed', `The sample was changed by someone else (now version ${sample.version}); read it again before accepting`);
    const at = clock.nowIso();
    const auditIds = sample.picked.map((ref) => sampledAuditId(sample.month, sample.managerId, ref));
    // The sample is marked accepted first; the audits follow with ids derived from it, so a retry finishes the job.
    ({ after: accepted } = await updateSample({ tenant, current: sample, expectedVersion, changes: { state: 'accepted', auditIds, acceptedById: staff.userId, acceptedAt: at }, at }));
    await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'sample', entityId: activityId(sample), versionBefore: sample.version, versionAfter: accepted.version, at, changes: ['acceptedAt', 'acceptedById', 'auditIds', 'state'] });
  }
  // Accepting an accepted sample plans whatever an interrupted accept left unplanned, and changes nothing else.
  await planSampledAudits(tenant, accepted, staff.userId);
  return respond(c, accepted);
});

async function planSampledAudits(tenant: TenantContext, sample: Sample, createdById: string): Promise<void> {
  const at = clock.nowIso();
  for (const [index, ref] of sample.picked.entries()) {
    const auditedCase = await getCase(tenant, ref);
    if (!auditedCase) continue;
    await planProgrammeAudit({ tenant, id: sample.auditIds[index]!, auditedCase, auditorId: sample.managerId, month: sample.month, templateId: programmeTemplateId(auditedCase), createdById, at, sampledFor: sample.managerId });
  }
}
