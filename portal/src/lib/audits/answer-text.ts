/** Saved answers as people read them: the tenant's grade names, option labels and dates in words. */
import { EVIDENCED_LABELS, type Evidenced, type Question } from '@waypoint/shared/templates/template-schemas';
import { GRADES, gradeLabel, type Grade } from '@waypoint/shared/templates/grade-scale';
import type { AnswerValue } from '@waypoint/shared/templates/answer-schemas';
import { formatDate } from '../formatting/dates.ts';

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (GRADES as readonly string[]).includes(value);
}

/** Undefined when there is no answer, so the page can say so in its own words. */
export function answerText(question: Question, value: AnswerValue | undefined, gradeLabels: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  switch (question.type) {
    case 'evidenced':
      return EVIDENCED_LABELS[value as Evidenced] ?? String(value);
    case 'grade':
      return isGrade(value) ? gradeLabel(value, gradeLabels) : String(value);
    case 'choice':
      return question.options?.find((o) => o.value === value)?.label ?? String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(`${value}T12:00:00Z`) : String(value);
    case 'flag':
      return value === true ? 'Yes' : 'No';
    case 'text':
      return String(value);
  }
}

/** The class of the tag a grade is shown in: green for the top two, red for the last. */
export function gradeTagClass(grade: Grade): string {
  if (grade === 'inadequate') return 'tag tag--red';
  if (grade === 'requires-improvement') return 'tag tag--yellow';
  return 'tag tag--green';
}
