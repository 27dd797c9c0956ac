import { describe, expect, it } from 'vitest';
import { moderationBodyFromForm, moderationFieldFor, moderationValuesFrom } from './moderation-form.ts';

const blank = (ids: string[]) => moderationValuesFrom(null, ids);

describe('the moderation form', () => {
  it('sends only the sections given a grade, with their comments, and the overall grade', () => {
    const values = blank(['case-summary', 'assessment']);
    values.sections['case-summary'] = { grade: 'good', comment: 'Chronology is thorough.' };
    values.overallGrade = 'requires-improvement';
    values.comment = 'Grades broadly agree.';
    expect(moderationBodyFromForm(values)).toEqual({
      ok: true,
      body: { sections: { 'case-summary': { grade: 'good', comment: 'Chronology is thorough.' } }, overallGrade: 'requires-improvement', comment: 'Grades broadly agree.' },
    });
  });

  it('asks what the moderation found when the comment is blank', () => {
    const values = blank(['case-summary']);
    values.sections['case-summary']!.grade = 'good';
    const result = moderationBodyFromForm(values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: 'comment', message: 'Say what the moderation found' }]);
  });

  it('asks for at least one grade, on the first section’s grades', () => {
    const values = blank(['case-summary', 'assessment']);
    values.comment = 'Looked at it.';
    const result = moderationBodyFromForm(values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: 'sections-case-summary-grade', message: 'Re-grade at least one section or the overall grade' }]);
  });

  it('will not drop a section comment that has no grade to go with it', () => {
    const values = blank(['assessment']);
    values.sections['assessment']!.comment = 'Analysis is thin.';
    values.overallGrade = 'good';
    values.comment = 'Fine.';
    const result = moderationBodyFromForm(values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toEqual({ field: 'sections-assessment-grade', message: 'Choose a grade for this section to go with your comment' });
  });

  it('starts a revision from the moderation as it stands', () => {
    const values = moderationValuesFrom({ sections: { assessment: { grade: 'inadequate', comment: 'No analysis.' } }, overallGrade: 'good', comment: 'Seen.' } as never, ['case-summary', 'assessment']);
    expect(values.sections).toEqual({ 'case-summary': { grade: '', comment: '' }, assessment: { grade: 'inadequate', comment: 'No analysis.' } });
    expect(values.overallGrade).toBe('good');
  });

  it('puts the API’s problem with a whole section on that section’s grades', () => {
    expect(moderationFieldFor('sections.case-summary')).toBe('sections-case-summary-grade');
    expect(moderationFieldFor('overallGrade')).toBe('overallGrade');
    expect(moderationFieldFor('')).toBe('form');
  });
});
