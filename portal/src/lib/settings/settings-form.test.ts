import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@waypoint/shared/settings/settings-schemas';
import { settingsFormValuesFromSettings, settingsUpdateFromForm } from './settings-form.ts';

const values = settingsFormValuesFromSettings(defaultSettings('Northvale Council'));

describe('settings form', () => {
  it('round-trips the current settings into a valid update', () => {
    const result = settingsUpdateFromForm(values);
    expect(result.ok && result.body.auditsPerManagerPerMonth).toBe(2);
  });

  it('refuses a number that is not whole', () => {
    const result = settingsUpdateFromForm({ ...values, retentionYears: '2.5' });
    expect(result).toEqual({ ok: false, errors: [{ field: 'retentionYears', message: 'Enter a whole number of years from 1 to 75' }] });
  });

  it('points a missing grade label at its own input', () => {
    const result = settingsUpdateFromForm({ ...values, gradeLabels: ['Outstanding', 'Good', ' ', 'Inadequate'] });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['gradeLabels-2']);
  });

  it('sends the years closed cases are kept, by case type, and names the case type whose years are wrong', () => {
    const result = settingsUpdateFromForm(values);
    expect(result.ok && result.body.caseRetentionYears).toEqual({ 'early-help': 6, 'child-in-need': 6, 'child-protection': 6, 'child-looked-after': 25, 'care-leaver': 25 });
    const wrong = settingsUpdateFromForm({ ...values, caseRetentionYears: { ...values.caseRetentionYears, 'care-leaver': '0', 'early-help': 'six' } });
    expect(wrong.ok ? [] : wrong.errors).toEqual([
      { field: 'caseRetentionYears-early-help', message: 'Enter a whole number of years from 1 to 100 for Early Help cases' },
      { field: 'caseRetentionYears-care-leaver', message: 'Enter a whole number of years from 1 to 100 for Care Leaver cases' },
    ]);
  });

  it("keeps the schema's own message for a bad colour", () => {
    const result = settingsUpdateFromForm({ ...values, primaryColour: 'navy' });
    expect(result.ok ? [] : result.errors).toEqual([{ field: 'primaryColour', message: 'Use a colour like #1d70b8' }]);
  });
});
