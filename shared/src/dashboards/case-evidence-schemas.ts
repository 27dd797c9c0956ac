/** The case level: a case's audits, its journey, its actions and its grades over time, on one page. */
import type { ActionView } from '../actions/action-schemas.ts';
import type { AuditState, AuditSummary } from '../audits/audit-schemas.ts';
import type { Case } from '../cases/case-schemas.ts';
import type { CaseJourney } from '../journey/journey-schemas.ts';
import type { Grade } from '../templates/grade-scale.ts';

export interface CaseGradePoint {
  auditId: string;
  month: string;
  state: AuditState;
  /** London date of completion. */
  completedOn: string;
  overallGrade?: Grade;
  sectionGrades: Record<string, Grade>;
}

export interface CaseActionCounts {
  open: number;
  overdue: number;
  done: number;
  verified: number;
  cancelled: number;
}

export interface CaseEvidence {
  case: Case;
  /** Newest first (summaries: no answers). */
  audits: AuditSummary[];
  /** Completed audits, oldest first: how the grades moved. */
  gradesOverTime: CaseGradePoint[];
  journey: CaseJourney;
  /** Every action raised on the case, grouped by audit, each with whether it is overdue. */
  actions: ActionView[];
  actionCounts: CaseActionCounts;
  /** Section titles by id, for the grades. */
  sectionTitles: Record<string, string>;
  people: Record<string, string>;
  today: string;
}
