import { describe, expect, it } from 'vitest';
import { dashboardQuery, queryString } from './dashboard-filters.ts';

describe('dashboard filters', () => {
  it('defaults to twelve months and drops what is malformed', () => {
    expect(dashboardQuery(new URLSearchParams('period=decade&to=2026-13&caseType=nonsense&team=<x>'))).toEqual({ period: '12m' });
  });

  it('keeps a valid period, month and case type, and writes them back as a query', () => {
    const query = dashboardQuery(new URLSearchParams('period=quarter&to=2026-03&caseType=child-in-need'));
    expect(query).toEqual({ period: 'quarter', to: '2026-03', caseType: 'child-in-need' });
    expect(queryString(query, { figure: 'grades' })).toBe('period=quarter&to=2026-03&caseType=child-in-need&figure=grades');
  });
});
