/** The moderation calls of the Waypoint API: a moderation on an audit, the suggested sample, the month's list and agreement. */
import type { AgreementFigures } from '@waypoint/shared/moderation/moderation-agreement';
import type { ModerateAuditBody, Moderation } from '@waypoint/shared/moderation/moderation-schemas';
import type { ProgrammeAudit } from '@waypoint/shared/programme/programme-schemas';
import type { Api } from '../server/api.ts';

/** Statuses the moderation form handles itself: bad grades, a refusal (your own audit), not completed, a stale version. */
const FORM_STATUSES = [400, 403, 409, 412, 428] as const;

export interface ModerationSuggestions {
  month: string;
  seed: string;
  size: number;
  completed: number;
  alreadyModerated: number;
  eligible: number;
  items: ProgrammeAudit[];
  people: Record<string, string>;
}

export interface AgreementReport {
  period: string;
  months: string[];
  team: string | null;
  all: AgreementFigures;
  teams: (AgreementFigures & { teamId: string; teamName: string })[];
}

export function moderationApi(api: Api) {
  return {
    moderate: (auditId: string, body: ModerateAuditBody, version: string | null) =>
      api.getVersioned<Moderation>(`/v1/audits/${encodeURIComponent(auditId)}/moderation`, {
        method: 'PUT',
        body,
        // The first moderation is created without If-Match; a revision quotes the version read.
        ...(version ? { ifMatch: version } : {}),
        handle: FORM_STATUSES,
      }),
    suggestions: (month: string, size?: number) => api.getJson<ModerationSuggestions>('/v1/moderation/suggestions', { query: { month, size } }),
    moderations: (month: string, team?: string) => api.getJson<{ month: string; items: Moderation[]; people: Record<string, string> }>('/v1/moderation', { query: { month, team } }),
    /** The latest month with audits completed or moderated: where the moderation page opens without a month. */
    latestMonth: async () => (await api.getJson<{ month: string }>('/v1/moderation/latest-month')).month,
    agreement: (period: string, team?: string) => api.getJson<AgreementReport>('/v1/moderation/agreement', { query: { period, team }, handle: [400] }),
  };
}
