import { describe, expect, it } from 'vitest';
import { journeyOfTheChild } from '@waypoint/shared/templates/built-in/journey-of-the-child';
import { sectionPatchFromForm, sectionValuesFromAnswers, sectionValuesFromForm } from './section-form.ts';

const assessment = journeyOfTheChild.sections.find((s) => s.id === 'assessment')!;

function posted(entries: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.set(k, v);
  return form;
}

describe('a section of the audit form', () => {
  it('becomes a draft patch of that section, checked by the shared answer schema', () => {
    const values = sectionValuesFromForm(
      assessment,
      posted({
        'answers.assessment.evidenced': 'yes',
        'answers.assessment.evidence': '  Seen alone twice  ',
        'answers.assessment.grade': 'good',
        'answers.assessment.latestAssessmentDate-day': '4',
        'answers.assessment.latestAssessmentDate-month': '3',
        'answers.assessment.latestAssessmentDate-year': '2026',
      }),
    );
    const result = sectionPatchFromForm(journeyOfTheChild, assessment, values);
    expect(result.ok).toBe(true);
    const answers = result.ok ? result.body.answers?.assessment : undefined;
    expect(answers).toMatchObject({ evidenced: 'yes', evidence: 'Seen alone twice', grade: 'good', latestAssessmentDate: '2026-03-04' });
    // Blank answers and an unticked flag clear what was saved rather than being left behind.
    expect(answers).toMatchObject({ gradeReason: null, impact: null, safeguardingConcern: null });
  });

  it('sends a ticked safeguarding flag as true', () => {
    const values = sectionValuesFromForm(assessment, posted({ 'answers.assessment.safeguardingConcern': 'yes' }));
    const result = sectionPatchFromForm(journeyOfTheChild, assessment, values);
    expect(result.ok && result.body.answers?.assessment?.safeguardingConcern).toBe(true);
  });

  it('names the field of a grade that is not on the scale and a date that is not real', () => {
    const values = sectionValuesFromForm(
      assessment,
      posted({
        'answers.assessment.grade': 'excellent',
        'answers.assessment.latestAssessmentDate-day': '31',
        'answers.assessment.latestAssessmentDate-month': '2',
        'answers.assessment.latestAssessmentDate-year': '2026',
      }),
    );
    const result = sectionPatchFromForm(journeyOfTheChild, assessment, values);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'answers-assessment-latestAssessmentDate', message: 'Date the latest assessment was completed must be a real date' },
      { field: 'answers-assessment-grade', message: 'Choose one of the four grades on the scale' },
    ]);
  });

  it('shows saved answers back in the form, dates in their three boxes', () => {
    const values = sectionValuesFromAnswers(assessment, { assessment: { grade: 'good', latestAssessmentDate: '2026-03-04', safeguardingConcern: true } });
    expect(values).toMatchObject({ grade: 'good', latestAssessmentDate: { day: '4', month: '3', year: '2026' }, safeguardingConcern: true, evidence: '' });
  });
});
