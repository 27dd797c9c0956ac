/**
 * Plausible answers for demo audits, written the way a team manager would record a
 * reflective audit conversation. Deterministic: the same audit always gets the same words.
 */
import type { Answers, AnswerValue } from '@waypoint/shared/templates/answer-schemas';
import { GRADES, type Grade } from '@waypoint/shared/templates/grade-scale';
import type { Question, TemplateDefinition } from '@waypoint/shared/templates/template-schemas';

const EVIDENCE: Record<string, string> = {
  'case-summary': 'The chronology was updated after the last review and reads as the child’s story. A genogram is on file; the paternal family network is thin and was discussed.',
  'help-and-protection': 'Thresholds were applied correctly at referral. The strategy discussion was held the same day and police and health attended. Visits have been within timescale.',
  assessment: 'The single assessment was completed on day 38. The child was seen alone twice and their views are quoted. Analysis weighs the father’s history against recent change.',
  'voice-of-the-child': 'Direct work using the three houses tool is on file and shaped the plan. The child’s wish to see grandmother more has been acted on.',
  'planning-and-review': 'The plan has clear outcomes with named people and dates. Reviews have been on time; two actions drifted past their dates without a recorded reason.',
  'multi-agency-working': 'School, health visitor and the GP contribute to core groups. Information sharing with the school has improved since the designated lead changed.',
  'management-oversight': 'Supervision is monthly and recorded on the child’s file, with actions and timescales. Management decisions give reasons.',
  'quality-of-recording': 'Case notes are up to date and written respectfully. Some visit records describe activity more than what was seen and heard.',
  'outcomes-and-impact': 'School attendance has risen from 71% to 93%. The home conditions have improved and the child reports feeling safer.',
  'team-around-the-child': 'Lead professional is the school’s family support worker; health visitor, school nurse and housing are part of the TAC.',
  'working-well': 'Mum has engaged with the parenting programme and routines at home are more settled.',
  worries: 'Rent arrears put the tenancy at risk; the youngest child’s speech is delayed.',
  'next-steps': 'Housing to agree a payment plan; referral to speech and language therapy; review TAC in six weeks.',
  'childs-voice': '“I like it when mum walks me to school. I don’t like it when there is shouting.”',
  outcomes: 'Attendance is now 96% and the family has kept every appointment this term.',
};

const REASON: Record<Grade, string> = {
  outstanding: 'Practice is consistently strong, child-centred and well evidenced; it has made a clear difference.',
  good: 'Practice is timely and child-centred with minor gaps that do not affect the child’s progress.',
  'requires-improvement': 'Practice is not yet good: there are gaps in timeliness or analysis that slow progress for the child.',
  inadequate: 'Practice leaves the child at risk of harm: risks were not identified or acted on in time.',
};

const IMPACT: Record<Grade, string> = {
  outstanding: 'The child is safer and thriving; they can say what has changed and why.',
  good: 'The child is safer and making progress at school and at home.',
  'requires-improvement': 'Some progress, but the child’s circumstances have not changed as quickly as the plan intended.',
  inadequate: 'Little evidence the child’s circumstances have improved; the risks remain.',
};

/** A section's grade: the overall grade, nudged one step for some sections so the picture is not flat. */
function sectionGrade(overall: Grade, sectionIndex: number, seed: number): Grade {
  const index = GRADES.indexOf(overall);
  const nudge = (sectionIndex + seed) % 5 === 0 ? -1 : (sectionIndex + seed) % 7 === 0 ? 1 : 0;
  return GRADES[Math.min(GRADES.length - 1, Math.max(0, index + nudge))]!;
}

function answerFor(question: Question, sectionId: string, grade: Grade, concern: boolean): AnswerValue | undefined {
  switch (question.type) {
    case 'evidenced':
      return grade === 'inadequate' ? 'no' : 'yes';
    case 'grade':
      return grade;
    case 'flag':
      return concern ? true : undefined;
    case 'date':
      return undefined;
    case 'choice':
      return question.required ? question.options![0]!.value : undefined;
    case 'text':
      if (question.id === 'gradeReason' || question.id === 'overallReason') return REASON[grade];
      if (question.id === 'impact') return IMPACT[grade];
      if (question.id === 'safeguardingDetail' || question.id === 'escalationDetail') return concern ? 'Escalated to the team manager: a new disclosure has not yet been followed by a strategy discussion.' : undefined;
      if (question.id === 'strengths') return 'A trusting relationship between the child and the case holder; thorough direct work.';
      if (question.id === 'areasForDevelopment') return 'Keep the plan’s actions to their dates and record the rationale when they move.';
      if (question.id === 'familyFeedback') return 'Mum said the worker “listens and does what she says”.';
      if (question.id === 'leadProfessional') return 'Family support worker, Northgate Primary';
      if (question.id === 'leadAgency') return 'Education';
      if (question.id === 'agenciesInvolved') return 'School, health visiting, school nursing, housing';
      return question.required ? (EVIDENCE[sectionId] ?? 'Discussed with the case holder and evidenced in the record.') : undefined;
  }
}

/**
 * Answers for the first `sections` sections of a template (all by default), graded around
 * `overall`; `concernIn` names sections whose safeguarding flag is raised.
 */
export function demoAnswers(template: Pick<TemplateDefinition, 'sections'>, options: { overall: Grade; seed: number; sections?: number; concernIn?: string[] }): Answers {
  const answers: Answers = {};
  template.sections.slice(0, options.sections ?? template.sections.length).forEach((section, index) => {
    const grade = section.questions.some((q) => q.meaning === 'overall-grade') ? options.overall : sectionGrade(options.overall, index, options.seed);
    const concern = options.concernIn?.includes(section.id) ?? false;
    const given: Record<string, AnswerValue> = {};
    for (const question of section.questions) {
      const value = answerFor(question, section.id, grade, concern);
      if (value !== undefined) given[question.id] = value;
    }
    answers[section.id] = given;
  });
  return answers;
}
