/**
 * The practitioner level: a person's own audits, grades, reflections, actions and learning
 * themes, for them and their managers. It describes one person's practice to those who
 * support it; nothing compares people, and no service view lists it by name.
 */
import type { ActionView } from '../actions/action-schemas.ts';
import type { AuditState } from '../audits/audit-schemas.ts';
import type { Reflection } from '../audits/reflection-schemas.ts';
import type { StaffRole } from '../tenancy/roles.ts';
import type { Grade } from '../templates/grade-scale.ts';
import type { GradeCounts, SectionGrades } from './service-view-schemas.ts';

export interface LearningAudit {
  id: string;
  caseRef: string;
  month: string;
  state: AuditState;
  templateName: string;
  /** The part this person played: their practice was audited, or they took part as a student. */
  role: 'case-holder' | 'student';
  overallGrade?: Grade;
  sectionGrades: Record<string, Grade>;
  completedAt?: string;
}

export interface LearningTheme {
  sectionId: string;
  title: string;
  /** Audits of their practice graded this section requires improvement or inadequate (for the section holding the overall grade, the overall grade). */
  belowGood: number;
  /** Actions they own raised from this section. */
  actions: number;
}

/** A section graded below good in the month's audits of their practice: where to grow next. */
export interface LearningMonthArea {
  sectionId: string;
  title: string;
  /** Audits completed that month that graded this section requires improvement or inadequate (the overall grade, for its section). */
  belowGood: number;
}

/** One London month of the grades of the audits of their practice completed in it. */
export interface LearningMonth {
  month: string;
  /** Completed audits of their cases by overall grade. */
  grades: GradeCounts;
  /** Sections graded below good that month, most often first. */
  areasForDevelopment: LearningMonthArea[];
}

export interface PractitionerLearning {
  practitioner: { id: string; name: string; role: StaffRole; teamIds: string[] };
  /** Newest first: the audits of their practice and those they took part in as a student. */
  audits: LearningAudit[];
  /** Grades of the completed audits of their practice. */
  grades: { overall: GradeCounts; sections: SectionGrades[] };
  /** The twelve London months to this one, oldest first, by when each audit was completed. */
  gradesByMonth: LearningMonth[];
  /** Their own reflections, newest first. */
  reflections: Reflection[];
  /** Actions they own: open ones (overdue first) before closed ones (newest first). */
  actions: ActionView[];
  /** Sections where their audits and actions point most often, most first. */
  learningThemes: LearningTheme[];
  people: Record<string, string>;
  today: string;
}
