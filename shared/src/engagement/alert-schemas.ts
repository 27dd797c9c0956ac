/**
 * Safety alerts: raised at once when a response says someone may not be safe, emailed to
 * the authority's duty contact, and worked by staff, who record what they did.
 */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import type { StaffRole } from '../tenancy/roles.ts';
import type { Answers } from '../templates/answer-schemas.ts';
import type { Audience } from './audiences.ts';
import type { EngagementLanguage } from './languages.ts';
import type { ResponseState } from './response-schemas.ts';
import type { SafetyReason } from './safety.ts';

/** `new`: nobody has recorded anything yet; `in-hand`: someone is dealing with it. */
export const ALERT_STATUSES = ['new', 'in-hand', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = { new: 'New', 'in-hand': 'In hand', closed: 'Closed' };
/** Who acknowledges a safeguarding concern from an audit: the team's managers and QA officers. */
export const ALERT_ACKNOWLEDGERS: readonly StaffRole[] = ['manager', 'qa'];

export const OPEN_ALERT_STATUSES: readonly AlertStatus[] = ['new', 'in-hand'];

/** Alert ids are the id of the response that raised them (one alert per response), or `audit-<audit id>`. */
export const AlertId = v.pipe(v.string(), v.regex(/^(?:[A-Za-z0-9]{10,40}|audit-[A-Za-z0-9._-]{1,64})$/, 'Use an alert id from the list'));

export const RecordAlertActionBody = v.strictObject({
  /** What was done: who was called, what was agreed, any referral made. */
  note: Text({ max: 2000, required: 'Say what you did', lines: 'many' }),
  /** Where the alert stands afterwards; `in-hand` unless this closes it. */
  status: v.optional(v.picklist(['in-hand', 'closed'] as const, 'Choose in-hand or closed'), 'in-hand'),
});
export type RecordAlertActionBody = v.InferOutput<typeof RecordAlertActionBody>;

export const ListAlertsQuery = v.object({
  /** `open` is new and in-hand together. */
  status: v.optional(v.picklist(['open', 'closed'] as const, 'Use open or closed')),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'limit must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(100))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});

export interface AlertAction {
  id: string;
  at: string;
  byId: string;
  note: string;
  status: Exclude<AlertStatus, 'new'>;
}

/** Where an alert came from: a have-your-say response, or a safeguarding concern flagged in an audit. */
export const ALERT_SOURCES = ['have-your-say', 'audit'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];
export const ALERT_SOURCE_LABELS: Record<AlertSource, string> = { 'have-your-say': 'Have your say', audit: 'Audit' };

interface AlertCommon {
  id: string;
  teamId?: string;
  caseRef?: string;
  raisedAt: string;
  status: AlertStatus;
  actions: AlertAction[];
  version: number;
  updatedAt: string;
}

/** Raised by a have-your-say response; items written before audits raised alerts have no `source`. */
export interface EngagementAlert extends AlertCommon {
  source?: 'have-your-say';
  responseId: string;
  activityId: string;
  activityTitle: string;
  audience: Audience;
  /** The activity's team, or the linked case's. */
  teamId?: string;
  /** Whatever the anonymity: the case the code was linked to, so duty can act. */
  caseRef?: string;
  codeId?: string;
  language: EngagementLanguage;
  reasons: SafetyReason[];
  /** Where the alert was emailed (the duty contact at the time). */
  sentTo: string;
}

/**
 * A safeguarding concern flagged in an audit: one alert per audit (its id `audit-<audit id>`),
 * listing each section flagged. A team manager of the audit's team or a QA officer must
 * acknowledge it by `acknowledgeBy` (the authority's set hours after it was raised); if nobody
 * does, the escalation job emails the senior managers once and records `escalatedAt`.
 */
export interface AuditAlert extends AlertCommon {
  source: 'audit';
  auditId: string;
  caseRef: string;
  teamId: string;
  /** The audited case's type, so the dashboard's case type filter narrows the concerns too; absent on alerts raised before it was kept. */
  caseType?: string;
  auditorId: string;
  sections: { id: string; title: string }[];
  acknowledgeBy: string;
  acknowledgedAt?: string;
  acknowledgedById?: string;
  escalatedAt?: string;
}

export type SafetyAlert = EngagementAlert | AuditAlert;

export function isAuditAlert(alert: SafetyAlert): alert is AuditAlert {
  return alert.source === 'audit';
}

export function alertSource(alert: SafetyAlert): AlertSource {
  return alert.source ?? 'have-your-say';
}

/** An audit alert past its time with nobody having acknowledged it. */
export function acknowledgementOverdue(alert: SafetyAlert, now: Date): boolean {
  return isAuditAlert(alert) && !alert.acknowledgedAt && OPEN_ALERT_STATUSES.includes(alert.status) && alert.acknowledgeBy <= now.toISOString();
}

interface AlertResponseView {
  id: string;
  state: ResponseState;
  templateId: string;
  templateVersion: number;
  answers: Answers;
  submittedAt: string | null;
}

/** `GET /v1/alerts/{id}`: the alert with the response as it stands now (have-your-say alerts) and names for the people. */
export type SafetyAlertDetail = SafetyAlert & {
  response: AlertResponseView | null;
  people: Record<string, string | null>;
};

export interface AlertPage {
  items: SafetyAlert[];
  nextCursor: string | null;
}
