/**
 * `/v1/alerts`: safety alerts from engagement responses. QA officers and senior managers
 * see every alert, team managers their teams'; each records what was done, and every
 * change is in the activity log.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import { ALERT_ACKNOWLEDGERS, AlertId, ListAlertsQuery, RecordAlertActionBody, isAuditAlert, type AlertAction, type SafetyAlert, type SafetyAlertDetail } from '@waypoint/shared/engagement/alert-schemas';
import { ALERT_HANDLERS } from '@waypoint/shared/engagement/engagement-roles';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { engagementViewer, inViewerTeams, type EngagementViewer } from '../engagement/engagement-viewer.ts';
import { getResponse } from '../engagement/response-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole, type TenantContext } from '../platform/auth/caller.ts';
import { ApiError, forbidden, notFound } from '../platform/http/api-error.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { setEtag } from '../platform/http/versioning.ts';
import { getUserNames } from '../users/user-store.ts';
import { acknowledgeAlert, appendAlertAction, getAlert, listAlerts } from './alert-store.ts';

export const alertRoutes = new Hono<AppEnv>();

async function findVisibleAlert(tenant: TenantContext, viewer: EngagementViewer, id: string): Promise<SafetyAlert> {
  const alert = await getAlert(tenant, id);
  if (!alert || !inViewerTeams(viewer, alert.teamId)) throw notFound('alert');
  return alert;
}

alertRoutes.get('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ALERT_HANDLERS);
  const query = readQuery(c, ListAlertsQuery);
  const viewer = await engagementViewer(tenant, staff);
  const page = await listAlerts({ tenant, open: query.status !== 'closed', teamIds: viewer.wholeAuthority ? 'all' : viewer.teamIds, limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor });
  return c.json(page);
});

alertRoutes.get('/:id', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ALERT_HANDLERS);
  const id = readParam(c, 'id', AlertId);
  const alert = await findVisibleAlert(tenant, await engagementViewer(tenant, staff), id);
  const response = isAuditAlert(alert) ? undefined : await getResponse(tenant, alert.activityId, alert.responseId, clock.now());
  const named = [...alert.actions.map((a) => a.byId), ...(isAuditAlert(alert) ? [alert.auditorId, ...(alert.acknowledgedById ? [alert.acknowledgedById] : [])] : [])];
  const names = await getUserNames(tenant, named);
  const detail: SafetyAlertDetail = {
    ...alert,
    response: response ? { id: response.id, state: response.state, templateId: response.templateId, templateVersion: response.templateVersion, answers: response.answers, submittedAt: response.submittedAt ?? null } : null,
    people: Object.fromEntries(named.map((personId) => [personId, names.get(personId) ?? null])),
  };
  setEtag(c, alert.version);
  return c.json(detail);
});

alertRoutes.post('/:id/actions', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ALERT_HANDLERS);
  const id = readParam(c, 'id', AlertId);
  const body = await readJsonBody(c, RecordAlertActionBody);
  const current = await findVisibleAlert(tenant, await engagementViewer(tenant, staff), id);
  const at = clock.nowIso();
  const action: AlertAction = { id: ulid(clock.now().getTime()), at, byId: staff.userId, note: body.note, status: body.status };
  const updated = await appendAlertAction(tenant, current, action);
  await recordActivity({
    tenant,
    actor: staff,
    action: 'updated',
    entity: 'safety-alert',
    entityId: id,
    versionBefore: updated.version - 1,
    versionAfter: updated.version,
    at,
    changes: current.status === updated.status ? ['actions'] : ['actions', 'status'],
  });
  setEtag(c, updated.version);
  return c.json(updated, 201);
});

/**
 * A team manager of the audit's team or a QA officer acknowledges a safeguarding concern from
 * an audit: it is theirs now, and it will not be escalated. Acknowledging again (a retry, or a
 * colleague at the same moment) changes nothing and answers with the alert as it is.
 */
alertRoutes.post('/:id/acknowledgement', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ALERT_HANDLERS);
  const id = readParam(c, 'id', AlertId);
  const current = await findVisibleAlert(tenant, await engagementViewer(tenant, staff), id);
  if (!ALERT_ACKNOWLEDGERS.includes(staff.role)) throw forbidden('Team managers and QA officers acknowledge safeguarding concerns');
  if (!isAuditAlert(current)) throw new ApiError('conflict', 'Only safeguarding concerns from audits are acknowledged; record what you did about this alert instead');
  let alert = current;
  if (!current.acknowledgedAt) {
    const at = clock.nowIso();
    const updated = await acknowledgeAlert(tenant, current, staff.userId, at);
    if (updated) {
      await recordActivity({
        tenant,
        actor: staff,
        action: 'updated',
        entity: 'safety-alert',
        entityId: id,
        versionBefore: current.version,
        versionAfter: updated.version,
        at,
        changes: current.status === updated.status ? ['acknowledgedAt'] : ['acknowledgedAt', 'status'],
      });
      alert = updated;
    } else alert = (await getAlert(tenant, id)) as typeof current;
  }
  setEtag(c, alert.version);
  return c.json(alert);
});
