import { describe, expect, it } from 'vitest';
import { journeyOfTheChild } from '../templates/built-in/journey-of-the-child.ts';
import { auditFindings } from './audit-findings.ts';

describe('audit findings', () => {
  it('reads section grades, the overall grade and the sections with a safeguarding concern', () => {
    const findings = auditFindings(journeyOfTheChild, {
      assessment: { grade: 'good', safeguardingConcern: false },
      'voice-of-the-child': { grade: 'inadequate', safeguardingConcern: true },
      'overall-judgement': { overallGrade: 'requires-improvement', safeguardingEscalation: true },
    });
    expect(findings).toEqual({
      sectionGrades: { assessment: 'good', 'voice-of-the-child': 'inadequate' },
      overallGrade: 'requires-improvement',
      safeguardingConcern: true,
      safeguardingSections: ['voice-of-the-child', 'overall-judgement'],
    });
  });

  it('finds no concern when nothing is flagged', () => {
    expect(auditFindings(journeyOfTheChild, {}).safeguardingConcern).toBe(false);
  });
});
