/**
 * Raising a safety alert the moment a response says someone may not be safe: the alert
 * item (carrying the response and any case link, whatever the anonymity), an email to the
 * duty contact per worry, and an activity-log entry. Attempted on every save of a flagged
 * response with deterministic ids, so a retry or an interrupted save repairs what was missed.
 */
import { AUDIENCE_LABELS } from '@waypoint/shared/engagement/audiences';
import type { EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import type { EngagementAlert } from '@waypoint/shared/engagement/alert-schemas';
import type { FeedbackResponse } from '@waypoint/shared/engagement/response-schemas';
import { SAFETY_HELP, SAFETY_REASON_LABELS, safetyReasonKey, type SafetyReason } from '@waypoint/shared/engagement/safety';
import type { Settings } from '@waypoint/shared/settings/settings-schemas';
import { getCase } from '../cases/case-store.ts';
import type { StoredCode } from '../engagement/code-store.ts';
import { retentionExpiry } from '../engagement/response-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getAlert, putNewAlert, replaceAlertFields } from './alert-store.ts';

/** Who the activity log names for changes made by the public area rather than a member of staff. */
export const PUBLIC_ACTOR = 'have-your-say';

export interface RaiseAlertInput {
  tenant: TenantContext;
  response: FeedbackResponse;
  activity: EngagementActivity;
  code: StoredCode | undefined;
  reasons: SafetyReason[];
  settings: Pick<Settings, 'dutyContactName' | 'dutyContactEmail' | 'retentionYears'>;
  now: Date;
}

export async function raiseSafetyAlert(input: RaiseAlertInput): Promise<EngagementAlert> {
  const { tenant, response, now } = input;
  const at = now.toISOString();
  // A response's alert is always a have-your-say one: its id is the response's.
  let alert = (await getAlert(tenant, response.id)) as EngagementAlert | undefined;
  if (!alert) {
    const caseRef = input.code?.caseRef;
    const teamId = input.activity.teamId ?? (caseRef ? (await getCase(tenant, caseRef))?.teamId : undefined);
    const fresh: EngagementAlert = {
      id: response.id,
      responseId: response.id,
      activityId: input.activity.id,
      activityTitle: input.activity.title,
      audience: input.activity.audience,
      ...(teamId ? { teamId } : {}),
      ...(caseRef ? { caseRef } : {}),
      ...(input.code ? { codeId: input.code.id } : {}),
      language: response.language,
      reasons: input.reasons,
      raisedAt: at,
      sentTo: input.settings.dutyContactEmail,
      status: 'new',
      actions: [],
      version: 1,
      updatedAt: at,
    };
    if (await putNewAlert(tenant, fresh, retentionExpiry(now, input.settings.retentionYears))) {
      alert = fresh;
      await recordActivity({ tenant, actor: { userId: PUBLIC_ACTOR }, action: 'created', entity: 'safety-alert', entityId: fresh.id, versionBefore: null, versionAfter: 1, at, changes: ['reasons'] });
    } else alert = (await getAlert(tenant, response.id)) as EngagementAlert;
  }
  alert = await addMissingReasons(input, alert, at);
  for (const reason of alert.reasons) await emailDuty(input, alert, reason, at);
  return alert;
}

/** A new worry in a response already alerted: added to the alert, which opens again if it was closed. */
async function addMissingReasons(input: RaiseAlertInput, alert: EngagementAlert, at: string): Promise<EngagementAlert> {
  let current = alert;
  for (let attempt = 0; attempt < 3; attempt++) {
    const known = new Set(current.reasons.map(safetyReasonKey));
    const missing = input.reasons.filter((r) => !known.has(safetyReasonKey(r)));
    if (!missing.length) return current;
    const changed = await replaceAlertFields(input.tenant, current, { reasons: [...current.reasons, ...missing], status: current.status === 'closed' ? 'new' : current.status }, at);
    if (changed) {
      await recordActivity({
        tenant: input.tenant,
        actor: { userId: PUBLIC_ACTOR },
        action: 'updated',
        entity: 'safety-alert',
        entityId: current.id,
        versionBefore: current.version,
        versionAfter: changed.version,
        at,
        changes: current.status === 'closed' ? ['reasons', 'status'] : ['reasons'],
      });
      return changed;
    }
    current = ((await getAlert(input.tenant, current.id)) as EngagementAlert | undefined) ?? current;
  }
  return current;
}

/** One email per worry, never quoting what was written: the alert in Waypoint has the response. */
async function emailDuty(input: RaiseAlertInput, alert: EngagementAlert, reason: SafetyReason, at: string): Promise<void> {
  const who = alert.caseRef ? `The code was given for case ${alert.caseRef}.` : 'The response is anonymous: no case is linked to it.';
  await queueEmail({
    tenant: input.tenant,
    reason: `engagement-alert:${alert.id}:${safetyReasonKey(reason)}`,
    to: alert.sentTo,
    subject: `Safety alert: a response to “${alert.activityTitle}”`,
    text: [
      `Hello ${input.settings.dutyContactName},`,
      '',
      `Someone answering “${alert.activityTitle}” (${AUDIENCE_LABELS[alert.audience].toLowerCase()}) ${SAFETY_REASON_LABELS[reason.kind].toLowerCase()}.`,
      `They were shown at once how to get help: ${SAFETY_HELP.emergency} in an emergency, Childline on ${SAFETY_HELP.childline}, and your duty number.`,
      '',
      who,
      '',
      'Please act on it under your safeguarding procedures, then record what you did.',
      `Read the alert in Waypoint: ${portalLink(input.tenant, `/alerts/${alert.id}`)}`,
      '',
    ].join('\n'),
    at,
  });
}
