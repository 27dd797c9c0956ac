/**
 * From moderations to agreement figures: each grade the moderator gave is paired with the
 * auditor's grade for the same section (or the overall grade), then `gradeAgreement` gives
 * exact agreement and quadratic-weighted kappa, overall and per team.
 */
import { GRADES, type Grade } from '../templates/grade-scale.ts';
import { gradeAgreement, type Agreement, type GradePair } from './agreement.ts';
import type { Moderation } from './moderation-schemas.ts';

const point = (grade: Grade) => GRADES.indexOf(grade);

/** Every grade the moderator gave that the auditor had given too. */
export function moderationPairs(moderation: Pick<Moderation, 'sections' | 'overallGrade' | 'auditorSectionGrades' | 'auditorOverallGrade'>, options: { overallOnly?: boolean } = {}): GradePair[] {
  const pairs: GradePair[] = [];
  if (!options.overallOnly) {
    for (const [sectionId, given] of Object.entries(moderation.sections)) {
      const auditor = moderation.auditorSectionGrades[sectionId];
      if (auditor) pairs.push({ auditor: point(auditor), moderator: point(given.grade) });
    }
  }
  if (moderation.overallGrade && moderation.auditorOverallGrade) pairs.push({ auditor: point(moderation.auditorOverallGrade), moderator: point(moderation.overallGrade) });
  return pairs;
}

export interface AgreementFigures {
  /** Every section re-graded and the overall grade. */
  grades: Agreement;
  /** The overall grade alone: does the moderator reach the same judgement on the case? */
  overall: Agreement;
  /** Audits moderated. */
  audits: number;
}

export function agreementOf(moderations: readonly Moderation[]): AgreementFigures {
  return {
    grades: gradeAgreement(
      moderations.flatMap((m) => moderationPairs(m)),
      GRADES.length,
    ),
    overall: gradeAgreement(
      moderations.flatMap((m) => moderationPairs(m, { overallOnly: true })),
      GRADES.length,
    ),
    audits: moderations.length,
  };
}

export interface TeamAgreement extends AgreementFigures {
  teamId: string;
}

/** The whole set, and each team that has any moderation, by team id. */
export function agreementByTeam(moderations: readonly Moderation[]): { all: AgreementFigures; teams: TeamAgreement[] } {
  const teamIds = [...new Set(moderations.map((m) => m.teamId))].sort();
  return {
    all: agreementOf(moderations),
    teams: teamIds.map((teamId) => ({ teamId, ...agreementOf(moderations.filter((m) => m.teamId === teamId)) })),
  };
}
