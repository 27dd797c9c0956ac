import { describe, expect, it } from 'vitest';
import { caseUpdateFromForm, type CaseFormValues } from './case-form.ts';

const valid: CaseFormValues = {
  teamId: 'team-a',
  caseType: 'child-in-need',
  ageBand: '5-9',
  holderId: 'user-1',
  status: 'open',
  label: '  Sibling group  ',
};

describe('case edit form', () => {
  it('turns valid answers into an UpdateCaseBody, trimming the label', () => {
    const result = caseUpdateFromForm(valid, { holderEditable: true });
    expect(result).toEqual({
      ok: true,
      body: { teamId: 'team-a', caseType: 'child-in-need', ageBand: '5-9', holderId: 'user-1', status: 'open', label: 'Sibling group' },
    });
  });

  it('leaves the holder alone when the form could not offer a choice of holder', () => {
    const result = caseUpdateFromForm(valid, { holderEditable: false });
    expect(result.ok && 'holderId' in result.body).toBe(false);
  });

  it('asks for a case type when none was chosen', () => {
    const result = caseUpdateFromForm({ ...valid, caseType: '' }, { holderEditable: true });
    expect(result).toEqual({ ok: false, errors: [{ field: 'caseType', message: 'Select the case type' }] });
  });

  it('refuses a label over 80 characters', () => {
    const result = caseUpdateFromForm({ ...valid, label: 'x'.repeat(81) }, { holderEditable: true });
    expect(result.ok).toBe(false);
  });
});
