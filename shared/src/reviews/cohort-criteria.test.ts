import { describe, expect, it } from 'vitest';
import { cohortMismatch, drawCohort, hasRepeatedEvent, type CohortCandidate, type EligibleCase } from './cohort-criteria.ts';

const base: CohortCandidate = { ref: 'NV-1', teamId: 'cp', caseType: 'child-protection', status: 'open', ageBand: '5-9', gender: 'female', disability: 'yes', recordedOn: '2025-01-10', eventDates: [] };

describe('cohort criteria', () => {
  it('keeps a case that meets every criterion given and leaves out closed cases unless asked', () => {
    expect(cohortMismatch(base, { caseTypes: ['child-protection'], teamIds: ['cp'], ageBands: ['5-9'], disabilities: ['yes'] })).toBeNull();
    expect(cohortMismatch({ ...base, status: 'closed' }, {})).toBe('closed');
    expect(cohortMismatch({ ...base, status: 'closed' }, { includeClosed: true })).toBeNull();
  });

  it('says which criterion a case fails first', () => {
    expect(cohortMismatch(base, { caseTypes: ['early-help'] })).toBe('case-type');
    expect(cohortMismatch(base, { teamIds: ['other'] })).toBe('team');
    expect(cohortMismatch(base, { ageBands: ['0-4'] })).toBe('age');
    expect(cohortMismatch(base, { genders: ['male'] })).toBe('gender');
    expect(cohortMismatch(base, { disabilities: ['no'] })).toBe('disability');
  });

  it('matches an unrecorded demographic only when “not recorded” is asked for', () => {
    expect(cohortMismatch(base, { ethnicities: ['white'] })).toBe('ethnicity');
    expect(cohortMismatch(base, { ethnicities: ['not-recorded'] })).toBeNull();
  });

  it('judges “open in a date range” by when the case was recorded and when its journey says it closed', () => {
    expect(cohortMismatch(base, { openFrom: '2025-06-01', openTo: '2025-12-31' })).toBeNull();
    expect(cohortMismatch(base, { openTo: '2024-12-31' })).toBe('not-open-in-range');
    const closed = { ...base, status: 'closed' as const, closedOn: '2025-03-01' };
    expect(cohortMismatch(closed, { includeClosed: true, openFrom: '2025-02-01' })).toBeNull();
    expect(cohortMismatch(closed, { includeClosed: true, openFrom: '2025-04-01' })).toBe('not-open-in-range');
    expect(cohortMismatch({ ...closed, closedOn: undefined }, { includeClosed: true, openFrom: '2025-02-01' })).toBe('not-open-in-range');
  });

  it('finds a second child protection plan within two years, and not one three years apart', () => {
    expect(hasRepeatedEvent(['2021-01-05', '2022-11-30'], { atLeast: 2, withinMonths: 24 })).toBe(true);
    expect(hasRepeatedEvent(['2019-01-05', '2022-01-06'], { atLeast: 2, withinMonths: 24 })).toBe(false);
    expect(hasRepeatedEvent(['2022-01-06', '2019-01-05', '2023-06-01'], { atLeast: 2, withinMonths: 24 })).toBe(true);
    expect(hasRepeatedEvent(['2022-01-06'], { atLeast: 2, withinMonths: 24 })).toBe(false);
    const rule = { type: 'initial-cp-conference' as const, atLeast: 2, withinMonths: 24 };
    expect(cohortMismatch({ ...base, eventDates: ['2024-01-01', '2025-02-01'] }, { journeyEvent: rule })).toBeNull();
    expect(cohortMismatch(base, { journeyEvent: rule })).toBe('journey');
  });
});

const eligible: EligibleCase[] = Array.from({ length: 30 }, (_, i) => ({ ref: `NV-${String(i).padStart(3, '0')}`, teamId: ['a', 'b', 'c'][i % 3]! }));

describe('drawing a cohort', () => {
  it('replays exactly from its seed, whatever order the cases are read in', () => {
    const first = drawCohort({ seed: 's-1', size: 8, eligible });
    const again = drawCohort({ seed: 's-1', size: 8, eligible: [...eligible].reverse() });
    expect(again).toEqual(first);
    expect(first.picked).toHaveLength(8);
    expect(new Set(first.picked).size).toBe(8);
    expect(drawCohort({ seed: 's-2', size: 8, eligible }).picked).not.toEqual(first.picked);
  });

  it('takes each team’s quota from that team and the rest from teams without one', () => {
    const draw = drawCohort({ seed: 'q', size: 9, quotas: [{ teamId: 'a', count: 4 }], eligible });
    const teamOf = new Map(eligible.map((c) => [c.ref, c.teamId]));
    expect(draw.picked.filter((r) => teamOf.get(r) === 'a')).toHaveLength(4);
    expect(draw.picked).toHaveLength(9);
    expect(draw.shortfalls).toEqual([]);
  });

  it('reports a quota a team cannot meet, and takes everything when fewer cases match than the size', () => {
    const draw = drawCohort({ seed: 'q', size: 40, quotas: [{ teamId: 'c', count: 12 }], eligible });
    expect(draw.shortfalls).toEqual([{ teamId: 'c', wanted: 12, found: 10 }]);
    expect(draw.picked).toHaveLength(30);
    expect(drawCohort({ seed: 'q', size: 5, eligible: [] })).toEqual({ seed: 'q', picked: [], eligible: 0, shortfalls: [] });
  });
});
