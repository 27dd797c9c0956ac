/** `/v1/cases`: list, read, create and edit cases within the caller's scope. */
import { Hono } from 'hono';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { CaseRef, CreateCaseBody, LEGAL_HOLD_ROLES, ListCasesQuery, UpdateCaseBody, type Case } from '@waypoint/shared/cases/case-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError, forbidden, notFound } from '../platform/http/api-error.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { getTeam } from '../teams/team-store.ts';
import { getUser } from '../users/user-store.ts';
import { canSeeCase, canUseTeam, caseViewer } from './case-scope.ts';
import { findCase, listCases, putNewCase, refuseWhileMoving, updateCase } from './case-store.ts';
import { requireRole, type TenantContext } from '../platform/auth/caller.ts';

export const caseRoutes = new Hono<AppEnv>();

caseRoutes.get('/', async (c) => {
  const tenant = c.get('tenant');
  const viewer = await caseViewer(tenant, c.get('staff'));
  if (viewer.scope === 'none') throw forbidden('Tenant admins manage the authority’s set-up and see no case data');
  const query = readQuery(c, ListCasesQuery);
  const page = await listCases({
    tenant,
    viewer,
    team: query.team,
    caseType: query.caseType,
    status: query.status,
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    cursor: query.cursor,
  });
  return c.json(page);
});

caseRoutes.get('/:ref', async (c) => {
  const ref = readParam(c, 'ref', CaseRef);
  const found = await findVisibleCase(c.get('tenant'), c.get('staff'), ref);
  setEtag(c, found.case.version);
  return c.json(found.case);
});

caseRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  const viewer = await caseViewer(tenant, staff);
  if (!viewer.canEdit) throw forbidden('Only managers, QA officers and senior managers create cases');
  const body = await readJsonBody(c, CreateCaseBody);
  if (!canUseTeam(viewer, body.teamId)) throw forbidden('You can create cases only in your own teams');
  await checkReferences(tenant, body);
  const at = clock.nowIso();
  const status = body.status ?? 'open';
  const created: Case = { ...body, status, ...(status === 'closed' ? { closedOn: londonDate(new Date(at)) } : {}), version: 1, createdAt: at, updatedAt: at };
  await putNewCase(tenant, created);
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'case', entityId: created.ref, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).sort() });
  setEtag(c, 1);
  c.header('Location', `/v1/cases/${created.ref}`);
  return c.json(created, 201);
});

caseRoutes.patch('/:ref', async (c) => {
  const { tenant, staff } = c.var;
  const ref = readParam(c, 'ref', CaseRef);
  const expectedVersion = requireIfMatch(c);
  const found = await findVisibleCase(tenant, staff, ref);
  if (!found.viewer.canEdit) throw forbidden('Only managers, QA officers and senior managers edit cases');
  refuseWhileMoving(found.case);
  const body = await readJsonBody(c, UpdateCaseBody);
  if (body.teamId !== undefined && !canUseTeam(found.viewer, body.teamId)) throw forbidden('You can move cases only to your own teams');
  if (body.legalHold !== undefined && body.legalHold !== (found.case.legalHold ?? false)) requireRole(staff, LEGAL_HOLD_ROLES);
  await checkReferences(tenant, body);
  const at = clock.nowIso();
  const { before, after } = await updateCase({ tenant, current: found.case, expectedVersion, changes: { ...body, ...closedOnChange(found.case, body.status, at) }, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'case', entityId: found.case.ref, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields({ ...before }, { ...after }) });
  setEtag(c, after.version);
  return c.json(after);
});

/** Closing a case stamps the day it closed (retention counts from it); opening it again clears it. */
function closedOnChange(current: Case, status: Case['status'] | undefined, at: string): Partial<Case> {
  if (status === 'closed' && current.status !== 'closed') return { closedOn: londonDate(new Date(at)) };
  if (status === 'open' && current.status === 'closed') return { closedOn: undefined };
  return {};
}

async function findVisibleCase(tenant: TenantContext, staff: AppEnv['Variables']['staff'], ref: string) {
  const viewer = await caseViewer(tenant, staff);
  const found = viewer.scope === 'none' ? undefined : await findCase(tenant, ref);
  if (!found || !canSeeCase(viewer, found)) throw notFound('case');
  return { case: found, viewer };
}

/** Teams and people named by a case must exist in the same tenant. */
async function checkReferences(tenant: TenantContext, body: { teamId?: string; holderId?: string; studentId?: string | null }) {
  const errors: { path: string; message: string }[] = [];
  if (body.teamId !== undefined && !(await getTeam(tenant, body.teamId))) errors.push({ path: 'teamId', message: 'No such team' });
  for (const field of ['holderId', 'studentId'] as const) {
    const id = body[field];
    if (id && !(await getUser(tenant, id))) errors.push({ path: field, message: 'No such user' });
  }
  if (errors.length) throw new ApiError('validation', 'The case refers to something that does not exist', { errors });
}
