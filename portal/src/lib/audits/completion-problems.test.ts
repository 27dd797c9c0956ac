import { describe, expect, it } from 'vitest';
import { journeyOfTheChild } from '@waypoint/shared/templates/built-in/journey-of-the-child';
import { completionProblems, groupedCompletionProblems, groupedProblemsFromApi, missingByPart, problemHref, problemsFromApi } from './completion-problems.ts';

describe('what stops an audit completing', () => {
  it('links a missing answer to its question on its section page', () => {
    expect(problemHref('A1', 'answers.assessment.grade')).toBe('/audits/A1/sections/assessment#answers-assessment-grade');
  });

  it('links the conversation date to the conversation page', () => {
    expect(problemHref('A1', 'conversationDate')).toBe('/audits/A1/conversation#conversationDate');
  });

  it('names the section of a question asked in every section', () => {
    const problems = problemsFromApi('A1', journeyOfTheChild, [{ path: 'answers.assessment.grade', message: 'Answer “Grade for this section” before completing' }]);
    expect(problems).toEqual([{ href: '/audits/A1/sections/assessment#answers-assessment-grade', message: 'Answer “Grade for this section” in 3. Assessment' }]);
  });

  it('lists the conversation date first, then every required answer in template order', () => {
    const problems = completionProblems(journeyOfTheChild, { id: 'A1', answers: {}, conversationDate: undefined });
    expect(problems[0]).toEqual({ href: '/audits/A1/conversation#conversationDate', message: 'Record the date of the audit conversation before completing' });
    expect(problems[1]?.href).toBe('/audits/A1/sections/case-summary#answers-case-summary-evidenced');
    const required = journeyOfTheChild.sections.flatMap((s) => s.questions.filter((q) => q.required));
    expect(problems).toHaveLength(required.length + 1);
  });

  it('counts what is missing by part, linking to the first gap in each', () => {
    const answers = { 'case-summary': { evidenced: 'yes' as const, evidence: 'x', grade: 'good' as const, gradeReason: 'x', impact: 'x' } };
    const parts = missingByPart(journeyOfTheChild, { id: 'A1', answers, conversationDate: '2026-03-02' });
    expect(parts[0]).toEqual({ href: '/audits/A1/sections/help-and-protection#answers-help-and-protection-evidenced', title: '2. Help and protection', count: 5 });
    expect(parts.at(-1)).toEqual({ href: '/audits/A1/sections/overall-judgement#answers-overall-judgement-overallGrade', title: '10. Overall judgement', count: 4 });
    expect(parts).toHaveLength(9);
  });

  it('groups a refused completion by part of the audit with counts, not one line per answer', () => {
    const errors = completionProblems(journeyOfTheChild, { id: 'A1', answers: {}, conversationDate: undefined }).length;
    const grouped = groupedCompletionProblems(journeyOfTheChild, { id: 'A1', answers: {}, conversationDate: undefined });
    expect(errors).toBeGreaterThan(30);
    expect(grouped).toHaveLength(journeyOfTheChild.sections.length + 1);
    expect(grouped[0]).toEqual({ href: '/audits/A1/conversation#conversationDate', message: 'The conversation: the date is not recorded' });
    expect(grouped[1]!.message).toBe('1. Case summary and history: 5 answers missing');
    expect(grouped[1]!.href).toBe('/audits/A1/sections/case-summary#answers-case-summary-evidenced');
  });

  it('says 1 answer missing, and keeps a problem that is not an answer in its own words', () => {
    const grouped = groupedProblemsFromApi('A1', journeyOfTheChild, [
      { path: 'answers.assessment.grade', message: 'Answer it' },
      { path: 'state', message: 'Only an audit in progress can be completed' },
    ]);
    expect(grouped).toEqual([
      { href: '/audits/A1/sections/assessment#answers-assessment-grade', message: '3. Assessment: 1 answer missing' },
      { href: undefined, message: 'Only an audit in progress can be completed' },
    ]);
  });
});
