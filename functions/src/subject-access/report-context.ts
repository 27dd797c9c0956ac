/** What a report needs besides the records: the authority's name and grade labels, people's names and the tools' wording. */
import type { Action } from '@waypoint/shared/actions/action-schemas';
import { DEFAULT_GRADE_LABELS } from '@waypoint/shared/settings/settings-schemas';
import type { AuditPartition } from '../audits/audit-store.ts';
import type { StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import { getSettings } from '../settings/settings-store.ts';
import { getTemplateVersion } from '../templates/template-store.ts';
import { getUserNames } from '../users/user-store.ts';
import type { ReportContext } from './subject-access-report.ts';

export async function reportContext(options: {
  tenant: TenantContext;
  staff: StaffCaller;
  reason: string;
  at: string;
  records: { audits: readonly AuditPartition[]; actions: readonly Action[]; others: readonly (string | undefined)[] };
}): Promise<ReportContext> {
  const { tenant, records } = options;
  const people = [
    options.staff.userId,
    ...records.others,
    ...records.audits.flatMap((p) => [p.audit.auditorId, p.audit.caseHolderId, p.audit.studentId, p.moderation?.moderatorId, ...p.reflections.map((r) => r.authorId)]),
    ...records.actions.flatMap((a) => [a.ownerId, a.raisedById]),
  ].filter((id): id is string => typeof id === 'string' && id.length > 0);
  const versions = [...new Set(records.audits.map((p) => `${p.audit.templateId}#${p.audit.templateVersion}`))];
  const [names, settings, templates] = await Promise.all([getUserNames(tenant, [...new Set(people)]), getSettings(tenant), Promise.all(versions.map((key) => getTemplateVersion(tenant, key.split('#')[0]!, Number(key.split('#')[1]))))]);
  return {
    authorityName: settings?.name ?? 'The authority',
    madeBy: names.get(options.staff.userId) ?? 'A member of staff',
    reason: options.reason,
    madeAt: options.at,
    names,
    templates: new Map(versions.flatMap((key, i) => (templates[i] ? [[key, templates[i]!] as const] : []))),
    gradeLabels: settings?.gradeLabels ?? DEFAULT_GRADE_LABELS,
  };
}
