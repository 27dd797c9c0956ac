/**
 * `/v1/compliance/checks`: a records compliance check of one case for one month. Recording
 * it (POST) takes the case's team, type and holder as they are then; its id is the month and
 * the case, so a second check of the same case that month is a 409 and a retried POST with
 * an `Idempotency-Key` gets the first answer again. Changing it needs If-Match. Every item
 * must be answered; each saved check moves the monthly totals the report reads.
 */
import { Hono, type Context } from 'hono';
import { COMPLIANCE_ITEMS, COMPLIANCE_ITEM_LABELS, type ComplianceAnswer, type ComplianceItem } from '@waypoint/shared/compliance/compliance-checklist';
import { COMPLIANCE_ROLES } from '@waypoint/shared/compliance/compliance-roles';
import { ChangeCheckBody, ComplianceCheckId, RecordCheckBody, complianceCheckId, type ComplianceCheck } from '@waypoint/shared/compliance/compliance-schemas';
import { clock, londonMonth } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { findCase, refuseWhileMoving } from '../cases/case-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole, type TenantContext } from '../platform/auth/caller.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError, notFound, type FieldError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { recordComplianceTotals } from '../totals/compliance-totals.ts';
import { getUserNames } from '../users/user-store.ts';
import { getCheck, putNewCheck, updateCheck } from './compliance-store.ts';

export const complianceCheckRoutes = new Hono<AppEnv>();

type AnswersIn = Partial<Record<ComplianceItem, ComplianceAnswer>>;

/** Each item left unanswered, by name. */
function unanswered(answers: AnswersIn): FieldError[] {
  return COMPLIANCE_ITEMS.filter((item) => answers[item] === undefined).map((item) => ({ path: `answers.${item}`, message: `Choose yes, no or not applicable for “${COMPLIANCE_ITEM_LABELS[item]}”` }));
}

/** Notes as kept: blanks dropped, so an empty box leaves no note. */
function keptNotes(notes: Partial<Record<ComplianceItem, string | undefined>> | undefined): Partial<Record<ComplianceItem, string>> {
  return Object.fromEntries(Object.entries(notes ?? {}).filter(([, note]) => typeof note === 'string' && note !== '')) as Partial<Record<ComplianceItem, string>>;
}

async function respond(c: Context<AppEnv>, tenant: TenantContext, check: ComplianceCheck, status: 200 | 201 = 200) {
  setEtag(c, check.version);
  const people = Object.fromEntries(await getUserNames(tenant, [check.checkedById, ...(check.holderId ? [check.holderId] : [])]));
  return c.json({ ...check, people }, status);
}

complianceCheckRoutes.post('/checks', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, COMPLIANCE_ROLES);
  const body = await readJsonBody(c, RecordCheckBody);
  const errors = unanswered(body.answers);
  const checkedCase = await findCase(tenant, body.caseRef);
  if (!checkedCase) errors.unshift({ path: 'caseRef', message: 'No such case' });
  if (body.month > londonMonth(clock.now())) errors.unshift({ path: 'month', message: 'A check belongs to this month or an earlier one' });
  if (errors.length || !checkedCase) throw new ApiError('validation', `The check has ${errors.length} problem${errors.length === 1 ? '' : 's'}`, { errors });
  refuseWhileMoving(checkedCase);
  const at = clock.nowIso();
  const check: ComplianceCheck = {
    id: complianceCheckId(body.month, checkedCase.ref),
    month: body.month,
    caseRef: checkedCase.ref,
    teamId: checkedCase.teamId,
    caseType: checkedCase.caseType,
    ...(checkedCase.holderId ? { holderId: checkedCase.holderId } : {}),
    answers: body.answers as Record<ComplianceItem, ComplianceAnswer>,
    notes: keptNotes(body.notes),
    checkedById: staff.userId,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await putNewCheck(tenant, check);
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'conflict') throw new ApiError('conflict', `Case ${check.caseRef} already has a check for ${check.month}; change that one instead`);
    throw error;
  }
  await recordComplianceTotals(tenant, check);
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'compliance-check', entityId: check.id, versionBefore: null, versionAfter: 1, at, changes: ['answers', ...(Object.keys(check.notes).length ? ['notes'] : [])] });
  c.header('Location', `/v1/compliance/checks/${check.id}`);
  return respond(c, tenant, check, 201);
});

async function findCheck(c: Context<AppEnv>): Promise<ComplianceCheck> {
  requireRole(c.var.staff, COMPLIANCE_ROLES);
  const id = readParam(c, 'id', ComplianceCheckId);
  const check = await getCheck(c.var.tenant, id);
  if (!check) throw notFound('compliance check');
  return check;
}

complianceCheckRoutes.get('/checks/:id', async (c) => respond(c, c.var.tenant, await findCheck(c)));

complianceCheckRoutes.put('/checks/:id', async (c) => {
  const { tenant, staff } = c.var;
  const check = await findCheck(c);
  const expected = requireIfMatch(c);
  const body = await readJsonBody(c, ChangeCheckBody);
  const errors = unanswered(body.answers);
  if (errors.length) throw new ApiError('validation', `The check has ${errors.length} problem${errors.length === 1 ? '' : 's'}`, { errors });
  if (expected !== check.version) throw new ApiError('precondition-failed', `The check was changed by someone else (now version ${check.version}); read it again and reapply your change`);
  const at = clock.nowIso();
  const updated = await updateCheck({ tenant, current: check, expectedVersion: expected, changes: { answers: body.answers as Record<ComplianceItem, ComplianceAnswer>, notes: keptNotes(body.notes) }, at });
  if (updated.version !== check.version) {
    await recordComplianceTotals(tenant, updated);
    await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'compliance-check', entityId: updated.id, versionBefore: check.version, versionAfter: updated.version, at, changes: changedFields(check as never, updated as never) });
  }
  return respond(c, tenant, updated);
});
