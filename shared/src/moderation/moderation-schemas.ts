/**
 * Moderation: a QA officer re-grades a completed audit section by section, with comments,
 * so grades mean the same across teams; the auditor sees it on the audit.
 */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { Month } from '../audits/audit-dates.ts';
import { EntityId } from '../cases/case-schemas.ts';
import { GradeValue, type Grade } from '../templates/grade-scale.ts';
import { PartId } from '../templates/template-schemas.ts';

const Comment = Text({ max: 2000, lines: 'many' });

export const SectionModeration = v.strictObject({ grade: GradeValue, comment: v.optional(Comment) });
export type SectionModeration = v.InferOutput<typeof SectionModeration>;

/**
 * The moderator's grades: any of the sections the auditor graded, and the overall grade,
 * with a comment on the whole. At least one grade must be given.
 */
export const ModerateAuditBody = v.pipe(
  v.strictObject({
    sections: v.optional(v.record(PartId, SectionModeration), {}),
    overallGrade: v.optional(GradeValue),
    comment: v.pipe(Comment, v.minLength(1, 'Say what the moderation found')),
  }),
  v.check((body) => body.overallGrade !== undefined || Object.keys(body.sections).length > 0, 'Re-grade at least one section or the overall grade'),
);
export type ModerateAuditBody = v.InferOutput<typeof ModerateAuditBody>;

/** A moderation, stored beside the audit it moderates. */
export interface Moderation {
  auditId: string;
  /** The audit's month, team and auditor: what agreement is reported by. */
  month: string;
  teamId: string;
  auditorId: string;
  moderatorId: string;
  sections: Record<string, SectionModeration>;
  overallGrade?: Grade;
  comment: string;
  /** The auditor's grades as they stood when moderated, so later reopening cannot rewrite the comparison. */
  auditorSectionGrades: Record<string, Grade>;
  auditorOverallGrade?: Grade;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const ModerationSuggestionsQuery = v.object({
  month: Month,
  size: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'size must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(50))),
});

export const ListModerationsQuery = v.object({ month: Month, team: v.optional(EntityId) });

/** A month (`2026-11`), a calendar quarter (`2026-Q4`) or a calendar year (`2026`). */
export const Period = v.pipe(v.string(), v.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'Use a month like 2026-11, a quarter like 2026-Q4 or a year like 2026'));

export const AgreementQuery = v.object({ period: Period, team: v.optional(EntityId) });

/** The months a period covers, oldest first. */
export function monthsOfPeriod(period: string): string[] {
  const year = period.slice(0, 4);
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
  if (period.length === 4) return range(1, 12);
  if (period[5] === 'Q') return range(3 * (Number(period[6]) - 1) + 1, 3);
  return [period];
}
