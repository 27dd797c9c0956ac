import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonth } from './dates.ts';
import { countOf, pluralNoun } from './plurals.ts';

describe('dates in words', () => {
  it('writes a calendar day as the day in London', () => {
    expect(formatDate('2026-12-06')).toBe('6 December 2026');
    expect(formatDate('2026-06-30')).toBe('30 June 2026');
  });

  it('writes an instant as its London day and time, across the clock change', () => {
    expect(formatDate('2026-06-30T23:30:00Z')).toBe('1 July 2026');
    expect(formatDateTime('2026-06-30T23:30:00Z')).toBe('1 Jul 2026, 00:30');
  });

  it('says a missing or malformed date is not known', () => {
    expect(formatDate(undefined)).toBe('Not known');
    expect(formatDate('soon')).toBe('Not known');
  });

  it('writes a month in words', () => {
    expect(formatMonth('2026-12')).toBe('December 2026');
  });
});

describe('counts in words', () => {
  it('says 1 action and 2 actions, and takes an irregular plural', () => {
    expect(countOf(1, 'action')).toBe('1 action');
    expect(countOf(0, 'action')).toBe('0 actions');
    expect(countOf(2, 'child', 'children')).toBe('2 children');
    expect(pluralNoun(1, 'answer')).toBe('answer');
  });
});
