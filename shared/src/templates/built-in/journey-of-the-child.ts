/** The Journey of the Child monthly audit: the ten canonical sections, as Waypoint ships them. */
import type { TemplateDefinition } from '../template-schemas.ts';
import { gradedSectionQuestions } from './section-questions.ts';

export const JOURNEY_OF_THE_CHILD_ID = 'journey-of-the-child';

export const journeyOfTheChild: TemplateDefinition = {
  templateId: JOURNEY_OF_THE_CHILD_ID,
  kind: 'audit',
  name: 'Journey of the Child monthly audit',
  description:
    'A reflective audit of a live case, carried out by the team manager together with the case holder. It follows the child’s journey through the service over the period reviewed (typically the last 12 months, judged mostly on the last 6), grades practice section by section and agrees what must happen next.',
  sections: [
    {
      id: 'case-summary',
      title: '1. Case summary and history',
      guidance: [
        'Is there an up-to-date chronology of significant events, and does it inform the current plan?',
        'Is there a genogram or family network map showing who matters to the child?',
        'Does the case summary explain why the child is known to the service, in plain words the family would recognise?',
        'Is previous history (earlier referrals, assessments, plans) understood and used, including patterns over time?',
      ],
      questions: gradedSectionQuestions({
        evidencedLabel: 'Is the child’s history understood and recorded?',
        extra: [
          { id: 'chronologyUpToDate', label: 'Is the chronology up to date?', type: 'evidenced', required: false },
          { id: 'genogramOnFile', label: 'Is there a genogram or family network map?', type: 'evidenced', required: false },
        ],
      }),
    },
    {
      id: 'help-and-protection',
      title: '2. Help and protection',
      guidance: [
        'Were thresholds applied correctly at each decision point (contact, referral, strategy discussion, section 47)?',
        'Was the response timely for the level of risk, with strategy discussions held when they should have been?',
        'Were risks and needs identified early, and has the risk to the child reduced as a result of the work?',
        'Was the right help offered at the right level, including step-up and step-down decisions?',
      ],
      questions: gradedSectionQuestions({ evidencedLabel: 'Is the child helped and protected in a timely way?' }),
    },
    {
      id: 'assessment',
      title: '3. Assessment',
      guidance: [
        'Was the assessment completed within timescale (45 working days), or is the delay explained?',
        'Was the child seen, and seen alone where appropriate, and are their views included?',
        'Does the assessment analyse what life is like for the child, rather than only describe events?',
        'Were all significant adults, including fathers and partners, assessed?',
        'Was the assessment signed off by a manager with a clear rationale for the outcome?',
      ],
      questions: gradedSectionQuestions({
        evidencedLabel: 'Is there a current, analytical assessment?',
        extra: [
          { id: 'latestAssessmentDate', label: 'Date the latest assessment was completed', type: 'date', required: false },
          {
            id: 'childSeenAlone',
            label: 'Was the child seen alone during the assessment?',
            type: 'choice',
            required: false,
            options: [
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
              { value: 'not-appropriate', label: 'Not appropriate for the child’s age or needs' },
            ],
          },
        ],
      }),
    },
    {
      id: 'voice-of-the-child',
      title: '4. Voice of the child and lived experience',
      guidance: [
        'Are the child’s wishes and feelings recorded in their own words, or through observation for babies and non-verbal children?',
        'Is there evidence of direct work, and did it shape decisions?',
        'Does the record show the child’s daily lived experience: what a day is like for them?',
        'Are identity, culture, language, faith, disability and sexuality understood and respected?',
      ],
      questions: gradedSectionQuestions({
        evidencedLabel: 'Is the child’s voice heard and acted on?',
        extra: [
          {
            id: 'howViewsGathered',
            label: 'How were the child’s views mainly gathered?',
            type: 'choice',
            required: false,
            options: [
              { value: 'direct-work', label: 'Direct work with the child' },
              { value: 'observation', label: 'Observation (babies and non-verbal children)' },
              { value: 'advocate', label: 'Through an advocate or trusted adult' },
              { value: 'family-report', label: 'Reported by the family only' },
              { value: 'not-recorded', label: 'Not recorded' },
            ],
          },
        ],
      }),
    },
    {
      id: 'planning-and-review',
      title: '5. Planning and review',
      guidance: [
        'Is there a current plan that is SMART: specific, measurable, achievable, realistic and timely?',
        'Does the plan address the risks and needs the assessment identified, and does the family understand it?',
        'Are reviews, core groups and conferences held on time, and do they measure progress against the plan?',
        'Is permanence being planned for from the start, avoiding drift and delay?',
      ],
      questions: gradedSectionQuestions({
        evidencedLabel: 'Is there a current plan that is reviewed on time?',
        extra: [
          {
            id: 'planType',
            label: 'Current plan',
            type: 'choice',
            required: false,
            options: [
              { value: 'early-help', label: 'Early Help plan' },
              { value: 'child-in-need', label: 'Child in Need plan' },
              { value: 'child-protection', label: 'Child Protection plan' },
              { value: 'care-plan', label: 'Care plan' },
              { value: 'pathway-plan', label: 'Pathway plan' },
              { value: 'none', label: 'No current plan' },
            ],
          },
          { id: 'lastReviewDate', label: 'Date of the last review', type: 'date', required: false },
        ],
      }),
    },
    {
      id: 'multi-agency-working',
      title: '6. Multi-agency working',
      guidance: [
        'Are the right agencies involved (health, education, police, housing, adult services) and sharing information?',
        'Do partners attend meetings and contribute to assessments and plans?',
        'Are disagreements between agencies resolved, using escalation where needed?',
        'Is there one shared understanding of risk across the professional network?',
      ],
      questions: gradedSectionQuestions({ evidencedLabel: 'Do agencies work together effectively for the child?' }),
    },
    {
      id: 'management-oversight',
      title: '7. Management oversight and supervision',
      guidance: [
        'Is there regular, reflective supervision recorded on the child’s file?',
        'Do management decisions give a clear rationale and set actions with timescales?',
        'Are actions from supervision followed up, and has oversight prevented drift?',
        'Has the manager challenged practice where needed and ensured the child was seen?',
      ],
      questions: gradedSectionQuestions({
        evidencedLabel: 'Is management oversight evident and effective?',
        extra: [{ id: 'lastSupervisionDate', label: 'Date of the last recorded case supervision', type: 'date', required: false }],
      }),
    },
    {
      id: 'quality-of-recording',
      title: '8. Quality of recording',
      guidance: [
        'Does the record tell the child’s story, so that the child could read it later and understand their journey?',
        'Are records up to date, written respectfully and free from jargon?',
        'Are visits recorded with what was seen, heard and done, and their purpose?',
        'Are key documents (assessments, plans, minutes, consents) on file?',
      ],
      questions: gradedSectionQuestions({ evidencedLabel: 'Does the record tell the child’s story?' }),
    },
    {
      id: 'outcomes-and-impact',
      title: '9. Outcomes and impact',
      guidance: [
        'What has changed for the child since the service became involved, and since the last audit?',
        'Is the child safer, healthier, happier, and making progress in their learning?',
        'Where outcomes have not improved, is this understood and is the plan changing?',
        'What would the child say about the help they have had?',
      ],
      questions: gradedSectionQuestions({ evidencedLabel: 'Is there evidence that the child’s circumstances have improved?' }),
    },
    {
      id: 'overall-judgement',
      title: '10. Overall judgement',
      guidance: [
        'Weigh the sections together: the overall grade reflects the child’s experience, not an average of the sections.',
        'Agree strengths and areas for development with the case holder, in a reflective and non-punitive way.',
        'Raise actions for each area that needs to change, with an owner and a due date.',
        'A case judged Inadequate is re-audited; escalate any safeguarding concern now.',
      ],
      questions: [
        { id: 'overallGrade', label: 'Overall grade', type: 'grade', required: true, meaning: 'overall-grade' },
        { id: 'overallReason', label: 'Reason for the overall grade', type: 'text', required: true },
        { id: 'strengths', label: 'Strengths', hint: 'What is working well for the child, and good practice to share.', type: 'text', required: true },
        { id: 'areasForDevelopment', label: 'Areas for development', hint: 'What needs to improve; raise an action for each.', type: 'text', required: true },
        { id: 'familyFeedback', label: 'Feedback from the child and family', hint: 'What they told us about the help they receive, if they were asked.', type: 'text', required: false },
        {
          id: 'safeguardingEscalation',
          label: 'Escalate a safeguarding concern about this child now',
          hint: 'Ticking this alerts the team manager and the QA team straight away.',
          type: 'flag',
          required: false,
          meaning: 'safeguarding-concern',
        },
        { id: 'escalationDetail', label: 'What is being escalated, and to whom?', type: 'text', required: false },
      ],
    },
  ],
};
