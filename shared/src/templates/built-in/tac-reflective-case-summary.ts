/** The TAC Reflective Case Summary: the Early Help audit, run with the Team Around the Child. */
import type { TemplateDefinition } from '../template-schemas.ts';

export const TAC_REFLECTIVE_SUMMARY_ID = 'tac-reflective-case-summary';

export const tacReflectiveCaseSummary: TemplateDefinition = {
  templateId: TAC_REFLECTIVE_SUMMARY_ID,
  kind: 'audit',
  name: 'TAC Reflective Case Summary',
  description:
    'A reflective summary of an Early Help case, held with the lead professional and the partner agencies of the Team Around the Child. It records what is working well, what we are worried about and what needs to happen, with the child’s voice and the outcomes at its centre.',
  sections: [
    {
      id: 'team-around-the-child',
      title: '1. The Team Around the Child',
      guidance: [
        'Is there a named lead professional whom the family knows and trusts?',
        'Are the right agencies part of the TAC (school or nursery, health visitor or school nurse, GP, housing, youth services)?',
        'Are TAC meetings held regularly, with the family taking part and the plan updated each time?',
      ],
      questions: [
        { id: 'leadProfessional', label: 'Lead professional (name and role)', type: 'text', required: true },
        { id: 'leadAgency', label: 'Lead professional’s agency', type: 'text', required: true },
        { id: 'agenciesInvolved', label: 'Which agencies are part of the TAC plan?', hint: 'Partners present at this conversation are recorded with the audit’s participants.', type: 'text', required: true },
        { id: 'lastTacMeeting', label: 'Date of the last TAC meeting', type: 'date', required: false },
        {
          id: 'familyTakesPart',
          label: 'Does the family take part in TAC meetings?',
          type: 'choice',
          required: true,
          options: [
            { value: 'yes', label: 'Yes, regularly' },
            { value: 'partly', label: 'Sometimes' },
            { value: 'no', label: 'No' },
          ],
        },
      ],
    },
    {
      id: 'working-well',
      title: '2. What is working well?',
      guidance: ['What strengths and protective factors does the family have?', 'Which parts of the plan are making a difference, and how do we know?'],
      questions: [
        { id: 'workingWell', label: 'What is working well?', type: 'text', required: true },
        { id: 'evidenced', label: 'Is this evidenced in the record?', type: 'evidenced', required: true },
      ],
    },
    {
      id: 'worries',
      title: '3. What are we worried about?',
      guidance: ['What are the worries about the child’s safety, health, development or education, now and in the future?', 'Are any worries growing, or not reducing despite the plan?', 'Does any worry mean the case should step up to children’s social care?'],
      questions: [
        { id: 'worries', label: 'What are we worried about?', type: 'text', required: true },
        {
          id: 'safeguardingConcern',
          label: 'There is a safeguarding concern that needs escalating now',
          hint: 'Ticking this alerts the team manager and the QA team straight away.',
          type: 'flag',
          required: false,
          meaning: 'safeguarding-concern',
        },
        { id: 'safeguardingDetail', label: 'What is the safeguarding concern?', type: 'text', required: false },
      ],
    },
    {
      id: 'next-steps',
      title: '4. What needs to happen?',
      guidance: ['Who will do what, by when, to reduce the worries and build on what is working well?', 'Is the level of support still right for the child?'],
      questions: [
        { id: 'nextSteps', label: 'What needs to happen?', hint: 'Raise an action for each step that needs an owner and a due date.', type: 'text', required: true },
        {
          id: 'recommendation',
          label: 'Recommendation',
          type: 'choice',
          required: true,
          options: [
            { value: 'continue', label: 'Continue with the TAC plan' },
            { value: 'step-down', label: 'Step down to universal services' },
            { value: 'step-up', label: 'Step up to children’s social care' },
            { value: 'close', label: 'Close: outcomes achieved' },
          ],
        },
      ],
    },
    {
      id: 'childs-voice',
      title: '5. The child’s voice',
      guidance: ['What does the child say about their life and the help they get, in their own words?', 'How has what the child said changed the plan?'],
      questions: [
        { id: 'childsVoice', label: 'The child’s voice', type: 'text', required: true },
        {
          id: 'howViewsGathered',
          label: 'How were the child’s views gathered?',
          type: 'choice',
          required: false,
          options: [
            { value: 'direct-work', label: 'Direct work with the child' },
            { value: 'observation', label: 'Observation (babies and non-verbal children)' },
            { value: 'trusted-adult', label: 'Through a trusted adult' },
            { value: 'not-recorded', label: 'Not recorded' },
          ],
        },
      ],
    },
    {
      id: 'outcomes',
      title: '6. Outcomes',
      guidance: ['What has changed for the child since the TAC began?', 'Weigh the whole summary when giving the overall grade.'],
      questions: [
        { id: 'outcomes', label: 'Outcomes for the child', type: 'text', required: true },
        { id: 'impact', label: 'What difference has the TAC made for the child?', type: 'text', required: true },
        { id: 'overallGrade', label: 'Overall grade', type: 'grade', required: true, meaning: 'overall-grade' },
        { id: 'overallReason', label: 'Reason for the overall grade', type: 'text', required: true },
      ],
    },
  ],
};
