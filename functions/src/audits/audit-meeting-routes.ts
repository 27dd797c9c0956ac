/**
 * `PUT /v1/audits/{id}/meeting` books or moves the day (and time) the auditor and the case
 * holder meet for the reflective conversation; `DELETE` cancels the booking. Like every audit
 * change they need If-Match; only the auditor, QA and the managers of the audit's (or the
 * case's) team may, and not once the audit is completed or cancelled. The case holder and
 * student are emailed.
 */
import { Hono, type Context } from 'hono';
import { mayArrangeMeeting, meetingNow, meetingProblems, SetMeetingBody } from '@waypoint/shared/audits/audit-meeting';
import { stateAfterSave } from '@waypoint/shared/audits/audit-lifecycle';
import { AuditId, type Audit } from '@waypoint/shared/audits/audit-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { caseViewer } from '../cases/case-scope.ts';
import { getCase } from '../cases/case-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError, forbidden } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { requireCurrentVersion, requireMove } from './audit-guards.ts';
import { notifyMeetingBooked, notifyMeetingCancelled } from './audit-notifications.ts';
import { findVisibleAudit } from './audit-scope.ts';
import { updateAudit } from './audit-store.ts';

export const auditMeetingRoutes = new Hono<AppEnv>();

/** The audit named in the path, if the caller may see it (else 404) and arrange its meeting (else 403). */
async function auditToArrange(c: Context<AppEnv>): Promise<Audit> {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', AuditId);
  const viewer = await caseViewer(tenant, staff);
  const current = await findVisibleAudit(tenant, viewer, id);
  const caller = { userId: staff.userId, role: staff.role, teamIds: viewer.teamIds };
  // The case's team now is read only when the audit's own team does not already decide.
  const caseTeam = !mayArrangeMeeting(caller, current) && staff.role === 'manager' ? (await getCase(tenant, current.caseRef))?.teamId : undefined;
  if (!mayArrangeMeeting(caller, current, caseTeam)) {
    throw forbidden('Only the auditor, QA officers and the team’s managers book the audit meeting');
  }
  return current;
}

auditMeetingRoutes.put('/:id/meeting', async (c) => {
  const { tenant, staff } = c.var;
  const current = await auditToArrange(c);
  const expectedVersion = requireIfMatch(c);
  const body = await readJsonBody(c, SetMeetingBody);
  requireCurrentVersion(current, expectedVersion);
  requireMove(stateAfterSave(current.state, false), current.state, 'save');
  const at = clock.now();
  const problems = meetingProblems(body, { month: current.month, ...meetingNow(at) });
  if (problems.length) throw new ApiError('validation', 'The meeting does not fit the audit', { errors: problems });

  const { before, after } = await updateAudit({
    tenant,
    current,
    expectedVersion,
    // No time given removes one booked before: the body is the whole booking.
    changes: { meetingDate: body.meetingDate, meetingTime: body.meetingTime ?? null },
    at: at.toISOString(),
  });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'audit', entityId: current.id, versionBefore: before.version, versionAfter: after.version, at: at.toISOString(), changes: changedFields({ ...before }, { ...after }) });
  if (before.meetingDate !== after.meetingDate || before.meetingTime !== after.meetingTime) await notifyMeetingBooked(tenant, after, at.toISOString());
  setEtag(c, after.version);
  return c.json(after);
});

auditMeetingRoutes.delete('/:id/meeting', async (c) => {
  const { tenant, staff } = c.var;
  const current = await auditToArrange(c);
  const expectedVersion = requireIfMatch(c);
  const booked = current.meetingDate !== undefined || current.meetingTime !== undefined;
  // A repeat of a cancellation that went through (a retry, a second click) finds nothing
  // booked: it is answered with the audit as it is, whatever version it quoted, and sends nothing.
  if (booked) requireCurrentVersion(current, expectedVersion);
  requireMove(stateAfterSave(current.state, false), current.state, 'save');
  if (!booked) {
    setEtag(c, current.version);
    return c.json(current);
  }

  const at = clock.nowIso();
  const { before, after } = await updateAudit({ tenant, current, expectedVersion, changes: { meetingDate: null, meetingTime: null }, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'audit', entityId: current.id, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields({ ...before }, { ...after }) });
  await notifyMeetingCancelled(tenant, { cancelled: before, after }, at);
  setEtag(c, after.version);
  return c.json(after);
});
