import { describe, expect, it } from 'vitest';
import type { Contribution } from './totals-contributions.ts';
import { sumContributions, totalsDelta } from './totals-rollups.ts';

const c = (month: string, counters: Record<string, number>, teamId = 'cin'): Contribution => ({ bucket: { month, teamId, caseType: 'child-in-need' }, counters });

describe('totals at four levels', () => {
  it('adds a new source to the month of the authority, its team, its case type and both', () => {
    const rows = totalsDelta([], [c('2026-10', { 'a.due': 1 })]);
    expect(rows.map((r) => [r.teamId ?? '*', r.caseType ?? '*'])).toEqual([
      ['*', '*'],
      ['cin', '*'],
      ['*', 'child-in-need'],
      ['cin', 'child-in-need'],
    ]);
    expect(rows.every((r) => r.counters['a.due'] === 1 && r.month === '2026-10')).toBe(true);
  });

  it('moves only what changed, and nothing at all when nothing did', () => {
    const before = [c('2026-10', { 'a.due': 1 })];
    expect(totalsDelta(before, [c('2026-10', { 'a.due': 1, 'a.done': 1 })]).every((r) => JSON.stringify(r.counters) === '{"a.done":1}')).toBe(true);
    expect(totalsDelta(before, [c('2026-10', { 'a.due': 1 })])).toEqual([]);
  });

  it('takes a source out of one month and team and puts it in another, leaving shared levels untouched', () => {
    const rows = totalsDelta([c('2026-10', { 'a.due': 1 })], [c('2026-10', { 'a.due': 1 }, 'assessment')]);
    expect(rows.map((r) => `${r.teamId}:${r.counters['a.due']}`).sort()).toEqual(['assessment:1', 'assessment:1', 'cin:-1', 'cin:-1']);
  });

  it('counts a source with no team or case type only at the levels it has', () => {
    const levels = (bucket: Contribution['bucket']) => totalsDelta([], [{ bucket, counters: { 'e.n': 1 } }]).map((r) => `${r.teamId ?? '*'}|${r.caseType ?? '*'}`);
    expect(levels({ month: '2026-10' })).toEqual(['*|*']);
    expect(levels({ month: '2026-10', teamId: 'cin' })).toEqual(['*|*', 'cin|*']);
    expect(levels({ month: '2026-10', caseType: 'child-protection' })).toEqual(['*|*', '*|child-protection']);
  });

  it('sums many sources, dropping levels that come to nothing', () => {
    const rows = sumContributions([c('2026-10', { 'a.due': 1 }), c('2026-10', { 'a.due': 2 }, 'assessment')]);
    expect(rows.find((r) => !r.teamId && !r.caseType)!.counters).toEqual({ 'a.due': 3 });
    expect(rows).toHaveLength(6);
  });
});
