import { describe, expect, it } from 'vitest';
import { gradesByMonth, type AuditForLearningMonths } from './learning-grades.ts';

const titles = { assessment: '2. Assessment', planning: '3. Planning and review', voice: '4. Voice of the child' };
const audit = (completedAt: string, overallGrade: AuditForLearningMonths['overallGrade'], sectionGrades: AuditForLearningMonths['sectionGrades'] = {}, more: Partial<AuditForLearningMonths> = {}): AuditForLearningMonths => ({
  role: 'case-holder',
  state: 'completed',
  completedAt,
  ...(overallGrade ? { overallGrade } : {}),
  sectionGrades,
  ...more,
});
const none = { outstanding: 0, good: 0, 'requires-improvement': 0, inadequate: 0 };

describe('a practitioner’s grades month by month', () => {
  it('covers the twelve London months to today, oldest first, with nothing in a month that had no completed audit', () => {
    const series = gradesByMonth([], '2031-04-01', titles);
    expect(series.map((m) => m.month)).toEqual(['2030-05', '2030-06', '2030-07', '2030-08', '2030-09', '2030-10', '2030-11', '2030-12', '2031-01', '2031-02', '2031-03', '2031-04']);
    expect(series.every((m) => m.areasForDevelopment.length === 0 && JSON.stringify(m.grades) === JSON.stringify(none))).toBe(true);
  });

  it('counts an audit completed at 23:30 UTC on 31 March, in summer time, in April, and one at 23:30 UTC on 31 January in January', () => {
    const series = gradesByMonth([audit('2031-03-31T23:30:00.000Z', 'good'), audit('2031-03-31T22:59:59.000Z', 'inadequate'), audit('2031-01-31T23:30:00.000Z', 'outstanding')], '2031-04-01', titles);
    const month = (m: string) => series.find((s) => s.month === m)!.grades;
    expect(month('2031-04')).toEqual({ ...none, good: 1 });
    expect(month('2031-03')).toEqual({ ...none, inadequate: 1 });
    expect(month('2031-01')).toEqual({ ...none, outstanding: 1 });
    expect(month('2031-02')).toEqual(none);
  });

  it('takes the month boundary in winter at midnight UTC: 00:30 UTC on 1 November is November', () => {
    const series = gradesByMonth([audit('2030-10-31T23:59:00.000Z', 'good'), audit('2030-11-01T00:30:00.000Z', 'requires-improvement')], '2030-11-20', titles);
    expect(series.at(-2)).toMatchObject({ month: '2030-10', grades: { ...none, good: 1 } });
    expect(series.at(-1)).toMatchObject({ month: '2030-11', grades: { ...none, 'requires-improvement': 1 } });
  });

  it('names the section holding the overall grade as an area when the overall grade is below good, so the areas agree with the grades', () => {
    const series = gradesByMonth(
      [audit('2031-03-10T10:00:00.000Z', 'inadequate', { assessment: 'good' }, { overallGradeSection: 'overall' }), audit('2031-03-12T10:00:00.000Z', 'good', { assessment: 'inadequate' }, { overallGradeSection: 'overall' })],
      '2031-03-20',
      { ...titles, overall: '10. Overall judgement' },
    );
    const march = series.at(-1)!;
    const belowGood = march.grades['requires-improvement'] + march.grades.inadequate;
    expect(march.areasForDevelopment.find((a) => a.sectionId === 'overall')?.belowGood).toBe(belowGood);
    expect(march.areasForDevelopment.map((a) => [a.sectionId, a.belowGood])).toEqual([
      ['assessment', 1],
      ['overall', 1],
    ]);
  });

  it('leaves out audits that are not completed, those they joined as a student, and those from before the twelve months', () => {
    const series = gradesByMonth(
      [
        audit('2031-03-10T10:00:00.000Z', 'good', {}, { role: 'student' }),
        audit('2031-03-10T10:00:00.000Z', 'good', {}, { state: 'in-progress' }),
        { role: 'case-holder', state: 'completed', sectionGrades: {} },
        audit('2030-04-30T10:00:00.000Z', 'inadequate'),
        audit('2030-05-01T10:00:00.000Z', 'requires-improvement'),
      ],
      '2031-04-01',
      titles,
    );
    expect(series.reduce((sum, m) => sum + m.grades.good + m.grades.inadequate, 0)).toBe(0);
    expect(series[0]).toMatchObject({ month: '2030-05', grades: { ...none, 'requires-improvement': 1 } });
  });

  it('names the sections graded below good that month, most often first, then in the templates’ order', () => {
    const series = gradesByMonth(
      [
        audit('2031-03-03T10:00:00.000Z', 'requires-improvement', { voice: 'inadequate', planning: 'requires-improvement', assessment: 'good' }),
        audit('2031-03-20T10:00:00.000Z', 'good', { voice: 'requires-improvement', planning: 'good', assessment: 'outstanding' }),
        audit('2031-02-20T10:00:00.000Z', 'good', { voice: 'good', other: 'inadequate' }),
      ],
      '2031-03-31',
      titles,
    );
    expect(series.at(-1)!.areasForDevelopment).toEqual([
      { sectionId: 'voice', title: '4. Voice of the child', belowGood: 2 },
      { sectionId: 'planning', title: '3. Planning and review', belowGood: 1 },
    ]);
    expect(series.at(-2)!.areasForDevelopment).toEqual([{ sectionId: 'other', title: 'other', belowGood: 1 }]);
    expect(series.at(-1)!.grades).toEqual({ ...none, good: 1, 'requires-improvement': 1 });
  });
});
