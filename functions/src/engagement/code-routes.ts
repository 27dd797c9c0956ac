/**
 * `/v1/engagement/activities/{id}/codes`: issuing, listing and revoking invitation codes.
 * Practitioners give single-use codes to the families they work with; managers, QA
 * officers and senior managers also issue shared codes for groups and events. Staff never
 * see which response a code opened, so a response stays anonymous in results.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { ActivityId, activityState } from '@waypoint/shared/engagement/activity-schemas';
import { CODE_ISSUERS } from '@waypoint/shared/engagement/engagement-roles';
import { CodeId, codeStatus, DEFAULT_SHARED_RESPONSES, IssueCodeBody, ListCodesQuery, type InvitationCodeView } from '@waypoint/shared/engagement/invitation-codes';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { canSeeCase, caseViewer } from '../cases/case-scope.ts';
import { findCase, refuseWhileMoving } from '../cases/case-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole, type StaffCaller } from '../platform/auth/caller.ts';
import { ApiError, forbidden, notFound, type FieldError } from '../platform/http/api-error.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { findVisibleActivity } from './activity-routes.ts';
import { getCode, listCodes, putNewCode, revokeCode, type StoredCode } from './code-store.ts';
import { engagementViewer } from './engagement-viewer.ts';
import { formatDate } from '@waypoint/shared/formatting/dates';

export const codeRoutes = new Hono<AppEnv>();

const today = () => londonDate(clock.now());

/** What staff see: the status today, and never the response a code opened. */
export function codeView(code: StoredCode, now: string): InvitationCodeView {
  const { responseId: _responseId, ...visible } = code as StoredCode & { updatedAt?: string };
  return { ...visible, status: codeStatus(code, now) };
}

/** Practitioners reach only the codes they issued. */
const mayReach = (caller: StaffCaller, code: StoredCode) => caller.role !== 'practitioner' || code.issuedBy === caller.userId;

codeRoutes.get('/:id/codes', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, CODE_ISSUERS);
  const id = readParam(c, 'id', ActivityId);
  const query = readQuery(c, ListCodesQuery);
  await findVisibleActivity(tenant, await engagementViewer(tenant, staff), id);
  const page = await listCodes({ tenant, activityId: id, limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor, keep: (code) => mayReach(staff, code) });
  const now = today();
  return c.json({ items: page.items.map((code) => codeView(code, now)), nextCursor: page.nextCursor });
});

codeRoutes.post('/:id/codes', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, CODE_ISSUERS);
  const id = readParam(c, 'id', ActivityId);
  const body = await readJsonBody(c, IssueCodeBody);
  const activity = await findVisibleActivity(tenant, await engagementViewer(tenant, staff), id);
  if (staff.role === 'practitioner' && body.kind !== 'single-use') throw forbidden('Practitioners issue single-use codes; ask a manager for a shared one');
  const now = today();
  if (activityState(activity, now) === 'closed') throw new ApiError('conflict', 'The activity has closed; codes for it would never work');
  const errors: FieldError[] = [];
  if (body.expiresOn < now) errors.push({ path: 'expiresOn', message: 'The last day cannot be in the past' });
  else if (activity.closesOn !== undefined && body.expiresOn > activity.closesOn) errors.push({ path: 'expiresOn', message: `The activity closes on ${formatDate(activity.closesOn)}; choose that day or earlier` });
  let caseRef: string | undefined;
  let linked: Awaited<ReturnType<typeof findCase>>;
  if (body.caseRef !== undefined) {
    linked = await findCase(tenant, body.caseRef);
    caseRef = linked?.ref;
    // A case outside the caller's scope is answered like one that does not exist.
    if (!linked || !canSeeCase(await caseViewer(tenant, staff), linked)) errors.push({ path: 'caseRef', message: 'No such case among yours' });
  }
  if (errors.length) throw new ApiError('validation', `The code has ${errors.length} problem${errors.length === 1 ? '' : 's'}`, { errors });
  refuseWhileMoving(linked);

  const at = clock.nowIso();
  const code = await putNewCode(tenant, {
    id: ulid(clock.now().getTime()),
    activityId: id,
    kind: body.kind,
    expiresOn: body.expiresOn,
    ...(caseRef ? { caseRef } : {}),
    maxResponses: body.kind === 'single-use' ? 1 : (body.maxResponses ?? DEFAULT_SHARED_RESPONSES),
    ...(body.label ? { label: body.label } : {}),
    issuedBy: staff.userId,
    createdAt: at,
    sessions: 0,
    submissions: 0,
    version: 1,
  });
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'invitation-code', entityId: code.id, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).sort() });
  c.header('Location', `/v1/engagement/activities/${id}/codes`);
  return c.json(codeView(code, now), 201);
});

codeRoutes.post('/:id/codes/:codeId/revoke', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, CODE_ISSUERS);
  const id = readParam(c, 'id', ActivityId);
  const codeId = readParam(c, 'codeId', CodeId);
  await findVisibleActivity(tenant, await engagementViewer(tenant, staff), id);
  const code = await getCode(tenant, id, codeId);
  if (!code || !mayReach(staff, code)) throw notFound('code');
  const at = clock.nowIso();
  const result = await revokeCode(tenant, code, staff.userId, at);
  if (result.changed) {
    await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'invitation-code', entityId: code.id, versionBefore: code.version, versionAfter: result.code.version, at, changes: ['revokedAt', 'revokedBy'] });
  }
  return c.json(codeView(result.code, today()));
});
