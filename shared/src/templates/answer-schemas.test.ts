import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { answersPatchSchema, isIsoDate, mergeAnswers, missingAnswers } from './answer-schemas.ts';
import { journeyOfTheChild } from './built-in/journey-of-the-child.ts';
import type { TemplateDefinition } from './template-schemas.ts';

const template: Pick<TemplateDefinition, 'sections'> = {
  sections: [
    {
      id: 'assessment',
      title: 'Assessment',
      guidance: [],
      questions: [
        { id: 'evidenced', label: 'Evidenced?', type: 'evidenced', required: true },
        { id: 'grade', label: 'Grade', type: 'grade', required: true },
        { id: 'notes', label: 'Notes', type: 'text', required: false },
        { id: 'on', label: 'Date', type: 'date', required: false },
        {
          id: 'seen',
          label: 'Seen alone?',
          type: 'choice',
          required: false,
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ],
        },
        { id: 'concern', label: 'Concern', type: 'flag', required: false, meaning: 'safeguarding-concern' },
      ],
    },
  ],
};
const schema = answersPatchSchema(template);
const paths = (input: unknown) => v.safeParse(schema, input).issues?.map((i) => i.path?.map((p) => p.key).join('.')) ?? [];

describe('answers checked against a template version', () => {
  it('accepts each question type with its own kind of value', () => {
    const result = v.safeParse(schema, { assessment: { evidenced: 'n-a', grade: 'good', notes: '  seen twice  ', on: '2026-02-28', seen: 'no', concern: true } });
    expect(result.success).toBe(true);
    expect(result.output).toEqual({ assessment: { evidenced: 'n-a', grade: 'good', notes: 'seen twice', on: '2026-02-28', seen: 'no', concern: true } });
  });

  it('names an unknown section and an unknown question by their paths', () => {
    expect(paths({ nonsense: {} })).toEqual(['nonsense']);
    expect(paths({ assessment: { colour: 'red' } })).toEqual(['assessment.colour']);
  });

  it('refuses a grade that is not on the scale, a wrong type, an impossible date and an unknown option', () => {
    expect(paths({ assessment: { grade: 'excellent', evidenced: true, on: '2026-02-30', seen: 'maybe', concern: 'yes' } }).sort()).toEqual(['assessment.concern', 'assessment.evidenced', 'assessment.grade', 'assessment.on', 'assessment.seen']);
  });

  it('turns empty strings from a form and nulls into "clear this answer"', () => {
    expect(v.parse(schema, { assessment: { grade: '', notes: '   ', on: '', evidenced: null } })).toEqual({ assessment: { grade: null, notes: null, on: null, evidenced: null } });
  });

  it('merges a draft: values replace, nulls remove, empty sections disappear', () => {
    const merged = mergeAnswers({ assessment: { grade: 'good', notes: 'x' }, other: { a: 'b' } }, { assessment: { grade: 'inadequate', notes: null }, other: { a: null } });
    expect(merged).toEqual({ assessment: { grade: 'inadequate' } });
  });

  it('lists every required answer still missing, by path, in template order', () => {
    expect(missingAnswers(template, { assessment: { grade: 'good' } }).map((m) => m.path)).toEqual(['answers.assessment.evidenced']);
    expect(missingAnswers(journeyOfTheChild, {})).toHaveLength(9 * 5 + 4);
  });

  it('knows real dates from impossible ones', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
});
