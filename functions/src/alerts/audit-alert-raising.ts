/**
 * A safeguarding concern flagged in an audit becomes an alert on the Alerts list beside the
 * have-your-say ones: one per audit (`audit-<audit id>`), listing each section flagged, to be
 * acknowledged within the authority's set hours. Attempted on every save and on completion,
 * like the emails, so an interrupted save is repaired by the next; a section flagged later is
 * added, and opens the alert again if it had been closed.
 */
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { AuditAlert } from '@waypoint/shared/engagement/alert-schemas';
import { LATER_SETTING_DEFAULTS } from '@waypoint/shared/settings/settings-schemas';
import type { TemplateDefinition } from '@waypoint/shared/templates/template-schemas';
import { recordActivity } from '../platform/activity/activity-log.ts';
import type { StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import { getSettings } from '../settings/settings-store.ts';
import { getAlert, putNewAlert, replaceAlertFields } from './alert-store.ts';

export const auditAlertId = (auditId: string) => `audit-${auditId}`;

const HOUR_MS = 3_600_000;

export async function raiseAuditAlert(tenant: TenantContext, actor: Pick<StaffCaller, 'userId'>, audit: Audit, template: Pick<TemplateDefinition, 'sections'>, at: string): Promise<AuditAlert | undefined> {
  if (!audit.safeguardingSections.length) return undefined;
  const sections = audit.safeguardingSections.map((id) => ({ id, title: template.sections.find((s) => s.id === id)?.title ?? id }));
  const id = auditAlertId(audit.id);
  let alert = (await getAlert(tenant, id)) as AuditAlert | undefined;
  if (!alert) {
    const hours = (await getSettings(tenant))?.safeguardingAcknowledgeHours ?? LATER_SETTING_DEFAULTS.safeguardingAcknowledgeHours;
    const fresh: AuditAlert = {
      id,
      source: 'audit',
      auditId: audit.id,
      caseRef: audit.caseRef,
      teamId: audit.teamId,
      caseType: audit.caseType,
      auditorId: audit.auditorId,
      sections,
      raisedAt: at,
      acknowledgeBy: new Date(Date.parse(at) + hours * HOUR_MS).toISOString(),
      status: 'new',
      actions: [],
      version: 1,
      updatedAt: at,
    };
    if (await putNewAlert(tenant, fresh)) {
      await recordActivity({ tenant, actor, action: 'created', entity: 'safety-alert', entityId: id, versionBefore: null, versionAfter: 1, at, changes: ['sections'] });
      return fresh;
    }
    alert = (await getAlert(tenant, id)) as AuditAlert;
  }
  for (let attempt = 0; attempt < 3 && alert; attempt++) {
    const known = new Set(alert.sections.map((s) => s.id));
    const missing = sections.filter((s) => !known.has(s.id));
    if (!missing.length) return alert;
    const reopens = alert.status === 'closed';
    const changed = await replaceAlertFields(tenant, alert, { sections: [...alert.sections, ...missing], status: reopens ? 'new' : alert.status }, at);
    if (changed) {
      await recordActivity({ tenant, actor, action: 'updated', entity: 'safety-alert', entityId: id, versionBefore: alert.version, versionAfter: changed.version, at, changes: reopens ? ['sections', 'status'] : ['sections'] });
      return changed;
    }
    alert = (await getAlert(tenant, id)) as AuditAlert | undefined;
  }
  return alert;
}
