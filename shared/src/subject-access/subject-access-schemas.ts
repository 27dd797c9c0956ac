/**
 * Subject access requests: a child's or family's request for what Waypoint holds about their
 * case, or a member of staff's for what it holds about them. An export always has a reason,
 * which the activity log keeps with who made it.
 */
import * as v from 'valibot';
import type { StaffRole } from '../tenancy/roles.ts';
import { Text } from '../text/text-schemas.ts';

/**
 * QA officers and senior managers see every case and every audit, so an export shows them
 * nothing new; a tenant admin manages the set-up and sees no case data, so makes none.
 */
export const SUBJECT_ACCESS_ROLES = ['qa', 'senior'] as const satisfies readonly StaffRole[];

export function canExportForSubjectAccess(role: string): boolean {
  return (SUBJECT_ACCESS_ROLES as readonly string[]).includes(role);
}

export const SubjectAccessExportBody = v.strictObject({
  reason: Text({ max: 500, required: 'Say why you are making this export, such as the request’s reference', tooLong: 'Keep the reason to 500 characters or fewer' }),
});
export type SubjectAccessExportBody = v.InferOutput<typeof SubjectAccessExportBody>;

/** Who an export is about: a case by its reference, or a member of staff by their id. */
export type SubjectAccessSubject = { kind: 'case'; ref: string } | { kind: 'staff'; userId: string; name: string };

/** What the API answers when an export is too big to stream and waits in storage instead. */
export interface StoredExport {
  downloadUrl: string;
  expiresAt: string;
  filename: string;
}

/** Who sees what retention will delete and has deleted: QA officers and senior managers with the cases, tenant admins the counts only. */
export const RETENTION_VIEWERS = ['qa', 'senior', 'admin'] as const satisfies readonly StaffRole[];

export function canSeeRetention(role: string): boolean {
  return (RETENTION_VIEWERS as readonly string[]).includes(role);
}

/** What `GET /v1/retention/preview` answers. */
export interface RetentionPreview {
  today: string;
  years: Record<string, number>;
  dueNow: { cases: number; byCaseType: Record<string, number> };
  months: { month: string; cases: number; byCaseType: Record<string, number> }[];
  onLegalHold: number;
  /** For QA officers and senior managers only. */
  cases?: RetentionCase[];
  held?: RetentionCase[];
}

export interface RetentionCase {
  ref: string;
  caseType: string;
  closedOn: string;
  deletedFrom: string;
}

/** One entry of `GET /v1/retention/log`: no reference, no content. */
export interface RetentionLogEntry {
  id: string;
  deletedOn: string;
  caseType: string;
  closedOn: string;
  keptYears: number;
  counts: { audits: number; reflections: number; actions: number; journeyEvents: number; complianceChecks: number; items: number };
}
