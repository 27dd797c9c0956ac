import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TemplateDefinition } from './template-schemas.ts';

const valid = {
  templateId: 'my-form',
  kind: 'feedback-form',
  name: 'How are we doing?',
  description: 'A short survey',
  sections: [
    {
      id: 'about',
      title: 'About you',
      guidance: [],
      questions: [
        {
          id: 'safe',
          label: 'I feel safe',
          type: 'choice',
          required: true,
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ],
        },
      ],
    },
  ],
};

const problems = (input: unknown) => v.safeParse(TemplateDefinition, input).issues?.map((i) => i.message) ?? [];

describe('template definitions', () => {
  it('accept a feedback form through the same mechanism as audits', () => {
    expect(problems(valid)).toEqual([]);
  });

  it('refuse duplicate section ids and duplicate question ids', () => {
    expect(problems({ ...valid, sections: [valid.sections[0], valid.sections[0]] })).toContain('Section ids must be unique');
    const section = { ...valid.sections[0]!, questions: [valid.sections[0]!.questions[0], valid.sections[0]!.questions[0]] };
    expect(problems({ ...valid, sections: [section] })).toContain('Question ids must be unique within a section');
  });

  it('refuse a choice without options, a required flag, and meanings on the wrong type', () => {
    const question = (q: object) => ({ ...valid, sections: [{ ...valid.sections[0]!, questions: [q] }] });
    expect(problems(question({ id: 'a', label: 'A', type: 'choice', required: true }))).toContain('Choice questions, and only they, list options');
    expect(problems(question({ id: 'a', label: 'A', type: 'flag', required: true }))).toContain('A flag is never required: unticked means no');
    expect(problems(question({ id: 'a', label: 'A', type: 'text', required: true, meaning: 'overall-grade' }))).toContain('Only a grade question can be the overall grade');
    expect(problems(question({ id: 'a', label: 'A', type: 'grade', required: true, meaning: 'safeguarding-concern' }))).toContain('Only a yes/no flag can raise a safeguarding concern');
  });
});
