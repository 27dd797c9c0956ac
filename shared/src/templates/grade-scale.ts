/**
 * The four-point grade scale. Answers store the canonical value; each authority names
 * the grades in its settings (`gradeLabels`, best first), and screens show those names.
 */
import * as v from 'valibot';
import { DEFAULT_GRADE_LABELS } from '../settings/settings-schemas.ts';

/** Best first, in the same order as a tenant's `gradeLabels`. */
export const GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
export type Grade = (typeof GRADES)[number];

export const GradeValue = v.picklist(GRADES, 'Choose one of the four grades on the scale');

/** Below good: requires improvement or inadequate. What every "below good" figure counts, on every screen. */
export const BELOW_GOOD: readonly Grade[] = ['requires-improvement', 'inadequate'];

export function isBelowGood(grade: Grade | undefined): boolean {
  return grade !== undefined && BELOW_GOOD.includes(grade);
}

/** Of a count per grade, how many are below good. */
export function belowGoodCount(grades: Readonly<Record<Grade, number>>): number {
  return BELOW_GOOD.reduce((sum, g) => sum + grades[g], 0);
}

/** Of a count per grade, how many are good or better: the rest. */
export function goodOrBetterCount(grades: Readonly<Record<Grade, number>>): number {
  return GRADES.filter((g) => !BELOW_GOOD.includes(g)).reduce((sum, g) => sum + grades[g], 0);
}

/** The tenant's name for a grade; the default Ofsted wording when no labels are given. */
export function gradeLabel(grade: Grade, labels: readonly string[] = DEFAULT_GRADE_LABELS): string {
  return labels[GRADES.indexOf(grade)] ?? DEFAULT_GRADE_LABELS[GRADES.indexOf(grade)]!;
}

/** Value and label pairs, best first, for radios and selects. */
export function gradeOptions(labels: readonly string[] = DEFAULT_GRADE_LABELS): { value: Grade; label: string }[] {
  return GRADES.map((grade) => ({ value: grade, label: gradeLabel(grade, labels) }));
}
