import { describe, expect, it } from 'vitest';
import { demographicGroups, groupLabel, groupsOf } from './demographics.ts';

describe('demographic groups', () => {
  it('puts a case in one group of each dimension, "not recorded" where nothing (or nothing known) is', () => {
    expect(demographicGroups({ ageBand: '10-15', gender: 'female' })).toEqual({ ageBand: '10-15', gender: 'female', ethnicity: 'not-recorded', disability: 'not-recorded' });
    expect(demographicGroups({ ageBand: '99-100' }).ageBand).toBe('not-recorded');
    expect(demographicGroups(undefined).gender).toBe('not-recorded');
  });

  it('lists every group, recorded ones first, with words for tables', () => {
    expect(groupsOf('disability')).toEqual(['yes', 'no', 'not-recorded']);
    expect(groupLabel('ageBand', '10-15')).toBe('Aged 10 to 15');
    expect(groupLabel('ethnicity', 'not-recorded')).toBe('Not recorded');
  });
});
