/**
 * The built-in thematic review tool: a short audit of one theme, hearing the child, that a
 * reviewer completes for each case of a review's cohort. The template editor copies it to
 * make tools for other themes.
 */
import type { TemplateDefinition } from '../templates/template-schemas.ts';

export const REVIEW_TEMPLATE_ID = 'thematic-review-child-voice';

const heard = [
  { value: 'yes', label: 'Yes, clearly' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'No' },
];

export const thematicReviewTemplate: TemplateDefinition = {
  templateId: REVIEW_TEMPLATE_ID,
  kind: 'review',
  name: 'Thematic review: the child’s voice',
  description: 'A short review of one case for a thematic review: how well the child’s wishes and feelings are heard, recorded and acted on, and what difference the plan makes for them.',
  sections: [
    {
      id: 'voice',
      title: '1. Hearing the child',
      guidance: ['Is the child seen, and seen alone when it is right to?', 'Are their wishes and feelings recorded in their own words, in a way that suits their age and how they communicate?'],
      questions: [
        { id: 'seenAlone', label: 'Was the child seen and heard in a way that suits them?', type: 'choice', required: true, options: heard },
        { id: 'ownWords', label: 'Are the child’s own words in the record?', type: 'evidenced', required: true },
        { id: 'voiceNotes', label: 'What did you find?', hint: 'Do not name the child or family.', type: 'text', required: false },
      ],
    },
    {
      id: 'acted-on',
      title: '2. Acting on what the child says',
      guidance: ['Does the plan show what the child said and what was done about it?', 'Was the child told what happened next?'],
      questions: [
        { id: 'shapesPlan', label: 'Does what the child said shape the plan?', type: 'choice', required: true, options: heard },
        { id: 'difference', label: 'What difference has the plan made for the child?', type: 'text', required: false },
      ],
    },
    {
      id: 'overall',
      title: '3. Overall',
      guidance: ['Taking the case as a whole, how well is this child heard?'],
      questions: [
        { id: 'overallGrade', label: 'Overall grade for this theme', type: 'grade', required: true, meaning: 'overall-grade' },
        { id: 'learning', label: 'What should the service learn from this case?', type: 'text', required: false },
      ],
    },
  ],
};
