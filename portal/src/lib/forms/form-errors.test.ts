import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { UpdateSettingsBody } from '@waypoint/shared/settings/settings-schemas';
import { errorFor, fieldErrorsFromIssues } from './form-errors.ts';

describe('form errors', () => {
  it('keeps a message the schema wrote for people', () => {
    const result = v.safeParse(UpdateSettingsBody, { primaryColour: 'blue' });
    expect(result.success).toBe(false);
    const errors = fieldErrorsFromIssues(result.issues ?? [], {});
    expect(errors).toEqual([{ field: 'primaryColour', message: 'Use a colour like #1d70b8' }]);
  });

  it("replaces valibot's default message with the form's own", () => {
    const result = v.safeParse(UpdateSettingsBody, { retentionYears: 0 });
    const errors = fieldErrorsFromIssues(result.issues ?? [], { retentionYears: 'Enter a number of years from 1 to 75' });
    expect(errorFor(errors, 'retentionYears')).toBe('Enter a number of years from 1 to 75');
  });

  it('turns a nested path into an input id', () => {
    const result = v.safeParse(UpdateSettingsBody, { gradeLabels: ['a', 'b', 'c', 5] });
    const errors = fieldErrorsFromIssues(result.issues ?? [], { gradeLabels: 'Enter a label for each grade' });
    expect(errors[0]?.field).toBe('gradeLabels-3');
  });
});
