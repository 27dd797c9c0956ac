import { describe, expect, it } from 'vitest';
import { journeyOfTheChild } from '@waypoint/shared/templates/built-in/journey-of-the-child';
import { completionProblems, problemHref } from './completion-problems.ts';

describe('what stops an audit completing', () => {
  it('links a missing answer to its question on its section page', () => {
    expect(problemHref('A1', 'answers.assessment.grade')).toBe('/audits/A1/sections/assessment#answers-assessment-grade');
  });

  it('links the conversation date to the conversation page', () => {
    expect(problemHref('A1', 'conversationDate')).toBe('/audits/A1/conversation#conversationDate');
  });

  it('lists the conversation date first, then every required answer in template order', () => {
    const problems = completionProblems(journeyOfTheChild, { id: 'A1', answers: {}, conversationDate: undefined });
    expect(problems[0]).toEqual({ href: '/audits/A1/conversation#conversationDate', message: 'Record the date of the audit conversation before completing' });
    expect(problems[1]?.href).toBe('/audits/A1/sections/case-summary#answers-case-summary-evidenced');
    const required = journeyOfTheChild.sections.flatMap((s) => s.questions.filter((q) => q.required));
    expect(problems).toHaveLength(required.length + 1);
  });
});
