/** The built-in observation template for work shadowing: strengths, learning and what the child experienced. */
import type { TemplateDefinition } from '../templates/template-schemas.ts';
import { SHADOWING_OBSERVATION_TEMPLATE_ID } from './shadowing-schemas.ts';

export const shadowingObservation: TemplateDefinition = {
  templateId: SHADOWING_OBSERVATION_TEMPLATE_ID,
  kind: 'observation',
  name: 'Work shadowing observation',
  description: 'What a manager saw when shadowing a practitioner’s work: the strengths of the practice, what leaders learned, and what the child experienced.',
  sections: [
    {
      id: 'strengths',
      title: 'Strengths',
      guidance: ['What did the practitioner do well?', 'How did they build the relationship with the child and family?'],
      questions: [{ id: 'strengths', label: 'What strengths did you see?', type: 'text', required: true }],
    },
    {
      id: 'learning',
      title: 'Learning',
      guidance: ['What did you learn about the work and the conditions it is done in?', 'What gets in the way, and what would help?'],
      questions: [
        { id: 'learning', label: 'What did you learn?', type: 'text', required: true },
        { id: 'whatWouldHelp', label: 'What would help the practitioner do this work?', type: 'text', required: false },
      ],
    },
    {
      id: 'child',
      title: 'What the child experienced',
      guidance: ['What was it like for the child or young person?', 'Were their wishes and feelings heard?'],
      questions: [
        { id: 'childExperience', label: 'What did the child experience?', hint: 'Do not name the child or family.', type: 'text', required: true },
        {
          id: 'childHeard',
          label: 'Was the child’s voice heard?',
          type: 'choice',
          required: false,
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'partly', label: 'Partly' },
            { value: 'no', label: 'No' },
            { value: 'not-present', label: 'The child was not there' },
          ],
        },
      ],
    },
  ],
};
