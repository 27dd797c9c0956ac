import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { defaultSettings, Settings, UpdateSettingsBody, withLaterDefaults } from './settings-schemas.ts';

describe('settings', () => {
  it('default to re-auditing an Inadequate case three months later', () => {
    expect(defaultSettings('Northvale Council').reauditAfterMonths).toBe(3);
    expect(v.safeParse(Settings, defaultSettings('Northvale Council')).success).toBe(true);
  });

  it('read an item written before re-audits existed as if it had the default', () => {
    const { reauditAfterMonths: _added, ...older } = defaultSettings('Northvale Council');
    expect(withLaterDefaults(older)).toEqual(defaultSettings('Northvale Council'));
    expect(withLaterDefaults({ ...older, reauditAfterMonths: 6 }).reauditAfterMonths).toBe(6);
  });

  it('take a re-audit interval of 1 to 12 whole months', () => {
    for (const ok of [1, 3, 12]) expect(v.safeParse(UpdateSettingsBody, { reauditAfterMonths: ok }).success, String(ok)).toBe(true);
    for (const bad of [0, 13, 2.5, '3']) expect(v.safeParse(UpdateSettingsBody, { reauditAfterMonths: bad }).success, String(bad)).toBe(false);
  });

  it('keep closed cases 25 years for looked-after children and care leavers and 6 for the rest, editable per case type', () => {
    expect(defaultSettings('Northvale Council').caseRetentionYears).toEqual({ 'early-help': 6, 'child-in-need': 6, 'child-protection': 6, 'child-looked-after': 25, 'care-leaver': 25 });
    const { caseRetentionYears: _added, ...older } = defaultSettings('Northvale Council');
    expect(withLaterDefaults(older).caseRetentionYears['child-looked-after']).toBe(25);
    const years = { ...defaultSettings('Northvale Council').caseRetentionYears, 'child-in-need': 10 };
    expect(v.safeParse(UpdateSettingsBody, { caseRetentionYears: years }).success).toBe(true);
    for (const bad of [0, 101, 2.5, '6']) expect(v.safeParse(UpdateSettingsBody, { caseRetentionYears: { ...years, 'early-help': bad } }).success, String(bad)).toBe(false);
    const { 'care-leaver': _missing, ...partial } = years;
    expect(v.safeParse(UpdateSettingsBody, { caseRetentionYears: partial }).success).toBe(false);
    expect(v.safeParse(UpdateSettingsBody, { caseRetentionYears: { ...years, other: 3 } }).success).toBe(false);
  });
});
