import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TemplateDefinition } from '../template-schemas.ts';
import { BUILT_IN_TEMPLATES, JOURNEY_OF_THE_CHILD_ID, TAC_REFLECTIVE_SUMMARY_ID } from './built-in-templates.ts';

const byId = (id: string) => BUILT_IN_TEMPLATES.find((t) => t.templateId === id)!;

describe('the built-in templates', () => {
  it('are valid template definitions', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const result = v.safeParse(TemplateDefinition, template);
      expect(result.issues?.map((i) => `${i.path?.map((p) => p.key).join('.')}: ${i.message}`) ?? [], template.templateId).toEqual([]);
    }
  });

  it('give the Journey of the Child its ten canonical sections, each with guidance', () => {
    const journey = byId(JOURNEY_OF_THE_CHILD_ID);
    expect(journey.sections.map((s) => s.id)).toEqual([
      'case-summary',
      'help-and-protection',
      'assessment',
      'voice-of-the-child',
      'planning-and-review',
      'multi-agency-working',
      'management-oversight',
      'quality-of-recording',
      'outcomes-and-impact',
      'overall-judgement',
    ]);
    for (const section of journey.sections) expect(section.guidance.length, section.id).toBeGreaterThanOrEqual(3);
  });

  it('asks in sections 1 to 9 for evidenced, commentary, a graded reason, the difference for the child and safeguarding', () => {
    for (const section of byId(JOURNEY_OF_THE_CHILD_ID).sections.slice(0, 9)) {
      const types = Object.fromEntries(section.questions.map((q) => [q.id, [q.type, q.required, q.meaning]]));
      expect(types, section.id).toMatchObject({
        evidenced: ['evidenced', true, undefined],
        evidence: ['text', true, undefined],
        grade: ['grade', true, undefined],
        gradeReason: ['text', true, undefined],
        impact: ['text', true, undefined],
        safeguardingConcern: ['flag', false, 'safeguarding-concern'],
      });
    }
  });

  it('ends the Journey of the Child with an overall judgement and a safeguarding escalation', () => {
    const overall = byId(JOURNEY_OF_THE_CHILD_ID).sections.at(-1)!;
    const ids = overall.questions.map((q) => q.id);
    expect(ids).toEqual(expect.arrayContaining(['overallGrade', 'overallReason', 'strengths', 'areasForDevelopment', 'familyFeedback', 'safeguardingEscalation']));
    expect(overall.questions.find((q) => q.id === 'overallGrade')?.meaning).toBe('overall-grade');
  });

  it('covers what a TAC summary records, with a safeguarding flag and an overall grade', () => {
    const tac = byId(TAC_REFLECTIVE_SUMMARY_ID);
    const ids = tac.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(ids).toEqual(expect.arrayContaining(['leadProfessional', 'agenciesInvolved', 'workingWell', 'worries', 'nextSteps', 'childsVoice', 'outcomes', 'overallGrade']));
    expect(tac.sections.flatMap((s) => s.questions).filter((q) => q.meaning === 'safeguarding-concern')).toHaveLength(1);
  });
});
