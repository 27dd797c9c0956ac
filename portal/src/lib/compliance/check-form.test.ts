import { describe, expect, it } from 'vitest';
import { COMPLIANCE_ITEMS } from '@waypoint/shared/compliance/compliance-checklist';
import { checkBodyFromValues, checkValuesFromForm } from './check-form.ts';

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
}

describe('the checklist form', () => {
  it('names each item left unanswered, in the checklist’s order', () => {
    const values = checkValuesFromForm(form({ 'answers.case-summary': 'yes', 'answers.plan': 'no' }));
    const result = checkBodyFromValues(values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(COMPLIANCE_ITEMS.filter((i) => i !== 'case-summary' && i !== 'plan').map((i) => `answers-${i}`));
  });

  it('gives every answer and only the notes written', () => {
    const entries = Object.fromEntries(COMPLIANCE_ITEMS.map((i) => [`answers.${i}`, 'yes']));
    const result = checkBodyFromValues(checkValuesFromForm(form({ ...entries, 'answers.genogram': 'no', 'notes.genogram': '  Not on file ', 'notes.plan': '   ' })));
    expect(result).toEqual({ ok: true, answers: { ...Object.fromEntries(COMPLIANCE_ITEMS.map((i) => [i, 'yes'])), genogram: 'no' }, notes: { genogram: 'Not on file' } });
  });

  it('refuses an answer that is not one of the three', () => {
    const entries = Object.fromEntries(COMPLIANCE_ITEMS.map((i) => [`answers.${i}`, 'yes']));
    const result = checkBodyFromValues(checkValuesFromForm(form({ ...entries, 'answers.visits': 'maybe' })));
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['answers-visits']);
  });
});
