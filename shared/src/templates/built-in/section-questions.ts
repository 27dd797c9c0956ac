/** The questions every graded audit section asks, written once so all sections match. */
import type { Question } from '../template-schemas.ts';

/**
 * Evidenced, evidence and commentary, a grade with its reason, the difference made for
 * the child, and a safeguarding check: the canonical shape of a Journey of the Child section.
 */
export function gradedSectionQuestions(options: { evidencedLabel: string; extra?: Question[] }): Question[] {
  return [
    { id: 'evidenced', label: options.evidencedLabel, type: 'evidenced', required: true },
    ...(options.extra ?? []),
    {
      id: 'evidence',
      label: 'Evidence and commentary',
      hint: 'What the record and the conversation with the case holder show, with dates where they matter.',
      type: 'text',
      required: true,
    },
    { id: 'grade', label: 'Grade for this section', type: 'grade', required: true },
    { id: 'gradeReason', label: 'Reason for the grade', hint: 'Say why this grade and not the one above or below it.', type: 'text', required: true },
    {
      id: 'impact',
      label: 'What difference did this make for the child?',
      hint: 'Describe the impact on the child’s safety, wellbeing and progress, not the activity alone.',
      type: 'text',
      required: true,
    },
    {
      id: 'safeguardingConcern',
      label: 'There is a safeguarding concern here that needs escalating now',
      hint: 'Ticking this alerts the team manager and the QA team straight away.',
      type: 'flag',
      required: false,
      meaning: 'safeguarding-concern',
    },
    { id: 'safeguardingDetail', label: 'What is the safeguarding concern?', hint: 'Only what the manager needs to act on.', type: 'text', required: false },
  ];
}
