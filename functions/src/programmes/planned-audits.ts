/**
 * Audits the programme plans by itself: a manager's accepted sample, and the re-audit of
 * a case found Inadequate. Their ids are derived from what caused them, and each is
 * created only if absent, so a retried accept or completion never plans one twice.
 */
import { createHash } from 'node:crypto';
import { auditFindings } from '@waypoint/shared/audits/audit-findings';
import { monthsBefore } from '@waypoint/shared/audits/audit-dates';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import type { TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { JOURNEY_OF_THE_CHILD_ID, TAC_REFLECTIVE_SUMMARY_ID } from '@waypoint/shared/templates/built-in/built-in-templates';
import { today } from '../audits/audit-checks.ts';
import { notifyAuditPlanned } from '../audits/audit-notifications.ts';
import { getAudit, putNewAudit, syncParticipants } from '../audits/audit-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { getLatestTemplateVersion, getTemplateVersion } from '../templates/template-store.ts';

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

/** `p-<yyyymm>-<case>-<manager hash>`: one per manager, month and case (two managers may share a case). */
export function sampledAuditId(month: string, managerId: string, caseRef: string): string {
  return `p-${month.replace('-', '')}-${caseRef}-${shortHash(managerId)}`;
}

/** `re-<audit>`: one re-audit per Inadequate audit, however often it is reopened and completed again. */
export function reauditId(previousAuditId: string): string {
  const id = `re-${previousAuditId}`;
  return id.length <= 64 ? id : `re-${shortHash(previousAuditId)}${shortHash(`${previousAuditId}#`)}`;
}

/** The template a programme audit of this case uses: the TAC summary for Early Help, the Journey of the Child for the rest. */
export function programmeTemplateId(c: Pick<Case, 'caseType'>): string {
  return c.caseType === 'early-help' ? TAC_REFLECTIVE_SUMMARY_ID : JOURNEY_OF_THE_CHILD_ID;
}

export interface PlannedAuditFields {
  id: string;
  auditedCase: Pick<Case, 'ref' | 'teamId' | 'caseType' | 'holderId'>;
  /** Who runs it: the sample's manager, or the auditor of the audit being followed up. */
  auditorId: string;
  month: string;
  createdById: string;
  at: string;
  reauditOf?: string;
  sampledFor?: string;
  /** A thematic review's audit: `thematic`, naming the review. */
  reviewId?: string;
}

/** The planned audit itself, on a given template version; pure, so the demo seed builds the same items. */
export function buildPlannedAudit(fields: PlannedAuditFields, template: Pick<TemplateVersion, 'templateId' | 'version' | 'name' | 'sections'>, today: string): Audit {
  const { auditedCase, at } = fields;
  return {
    id: fields.id,
    caseRef: auditedCase.ref,
    teamId: auditedCase.teamId,
    caseType: auditedCase.caseType,
    templateId: template.templateId,
    templateVersion: template.version,
    templateName: template.name,
    auditType: fields.reviewId ? 'thematic' : 'monthly',
    month: fields.month,
    state: 'planned',
    auditorId: fields.auditorId,
    ...(auditedCase.holderId ? { caseHolderId: auditedCase.holderId } : {}),
    partners: [],
    periodReviewed: { from: monthsBefore(today, 12), to: today },
    answers: {},
    ...auditFindings(template, {}),
    reopenings: [],
    ...(fields.reauditOf ? { reauditOf: fields.reauditOf } : {}),
    ...(fields.sampledFor ? { sampledFor: fields.sampledFor } : {}),
    ...(fields.reviewId ? { reviewId: fields.reviewId } : {}),
    createdById: fields.createdById,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

export interface PlannedAuditRequest extends PlannedAuditFields {
  tenant: TenantContext;
  templateId: string;
  /** The version to plan on; the newest when absent (a thematic review pins its own). */
  templateVersion?: number;
  /** Whether the case holder is emailed that it is planned; a thematic review tells them only when the lead asks for them to take part. */
  notifyCaseHolder?: boolean;
}

/**
 * Plans the audit unless it exists; returns it when this call created it. An audit found
 * already there has its participant entries rewritten, repairing an interrupted first try.
 */
export async function planProgrammeAudit(request: PlannedAuditRequest): Promise<Audit | undefined> {
  const { tenant, at } = request;
  const existing = await getAudit(tenant, request.id);
  if (existing) {
    await syncParticipants(tenant, undefined, existing);
    return undefined;
  }
  const template = request.templateVersion === undefined ? await getLatestTemplateVersion(tenant, request.templateId) : await getTemplateVersion(tenant, request.templateId, request.templateVersion);
  if (!template) throw new Error(`Template ${request.templateId} is missing`);
  const audit = buildPlannedAudit(request, template, today());
  try {
    await putNewAudit(tenant, audit);
  } catch (error) {
    // Planned at the same moment by another request: theirs stands.
    if (error instanceof ApiError && error.kind === 'conflict') return undefined;
    throw error;
  }
  await recordActivity({
    tenant,
    actor: { userId: request.createdById },
    action: 'created',
    entity: 'audit',
    entityId: audit.id,
    versionBefore: null,
    versionAfter: 1,
    at,
    changes: request.reauditOf ? ['reauditOf'] : request.reviewId ? ['reviewId'] : ['sampledFor'],
  });
  if (request.notifyCaseHolder !== false) await notifyAuditPlanned(tenant, audit, at);
  return audit;
}
