import { describe, expect, it } from 'vitest';
import { thematicReviewTemplate } from './review-template.ts';
import { buildReviewReport, reviewReportCsv } from './review-report.ts';
import type { Review } from './review-schemas.ts';

const review: Review = {
  id: 'r1',
  title: 'Voice of disabled children',
  question: 'How well do we hear disabled children on CP plans?',
  scope: 'Open CP plans',
  leadId: 'qa',
  createdById: 'qa',
  templateId: thematicReviewTemplate.templateId,
  templateVersion: 1,
  templateName: thematicReviewTemplate.name,
  casesDueBy: '2026-12-31',
  withCaseHolder: false,
  reviewerIds: [],
  state: 'under-way',
  themes: ['Seen alone'],
  recommendations: [{ id: 'rec1', text: '=Train', writtenAt: '2026-12-01T00:00:00Z' }],
  cohort: { method: 'criteria', cases: Array.from({ length: 8 }, (_, i) => ({ caseRef: `C${i}`, teamId: i < 6 ? 'a' : 'b', caseType: 'child-protection' as const })), drawnAt: '', drawnById: 'qa' },
  version: 1,
  createdAt: '',
  updatedAt: '',
};

const audit = (grade: 'good' | 'inadequate', seen: string) => ({ state: 'completed' as const, overallGrade: grade, answers: { voice: { seenAlone: seen, ownWords: 'yes', voiceNotes: 'A named child' } } });

describe('the review report', () => {
  it('hides every group under 5, and the next smallest when one alone would be hidden', () => {
    const audits = [...Array.from({ length: 6 }, () => audit('good', 'yes')), audit('inadequate', 'no'), { state: 'in-progress' as const, answers: {}, overallGrade: undefined }];
    const report = buildReviewReport({ review, template: thematicReviewTemplate, audits, actions: [], teams: { a: 'Team A' }, people: {} });
    expect(report.cohort).toMatchObject({ cases: 8, reviewed: 7 });
    expect(report.cohort.byTeam.map((c) => [c.label, c.shown.value])).toEqual([
      ['Team A', null],
      ['b', null],
    ]);
    expect(report.grades.map((g) => [g.key, g.shown.suppressed])).toEqual([
      ['good', true],
      ['inadequate', true],
    ]);
    const seen = report.questions.find((q) => q.questionId === 'seenAlone')!;
    expect(seen.counts.map((c) => [c.key, c.shown.value])).toEqual([
      ['yes', null],
      ['no', null],
    ]);
    expect(report.questions.find((q) => q.questionId === 'ownWords')!.counts).toEqual([{ key: 'yes', label: 'Yes', shown: { value: 7, suppressed: false } }]);
  });

  it('never carries a free-text answer, and defuses formulas in its CSV', () => {
    const report = buildReviewReport({ review, template: thematicReviewTemplate, audits: Array.from({ length: 5 }, () => audit('good', 'yes')), actions: [], teams: {}, people: {} });
    expect(JSON.stringify(report)).not.toContain('A named child');
    const csv = reviewReportCsv(report);
    expect(csv).toContain("'=Train");
    expect(csv).toContain('Overall grade,,Good,,5');
  });
});
