import { describe, expect, it } from 'vitest';
import { tacReflectiveCaseSummary } from '@waypoint/shared/templates/built-in/tac-reflective-case-summary';
import { conversationPatchFromForm, partnerRowsToShow, type ConversationFormValues } from './conversation-form.ts';

const values: ConversationFormValues = {
  conversationDate: { day: '2', month: '3', year: '2026' },
  periodFrom: { day: '2', month: '3', year: '2025' },
  periodTo: { day: '2', month: '3', year: '2026' },
  studentId: '',
  partners: [
    { name: 'Dana Reid', agency: 'Northvale Primary School', role: 'Designated safeguarding lead' },
    { name: '', agency: '', role: '' },
  ],
};

describe('the conversation form', () => {
  it('records the date, the period and the partners who took part, skipping blank rows', () => {
    const result = conversationPatchFromForm(tacReflectiveCaseSummary, values);
    expect(result).toEqual({
      ok: true,
      body: {
        conversationDate: '2026-03-02',
        periodReviewed: { from: '2025-03-02', to: '2026-03-02' },
        studentId: null,
        partners: [{ name: 'Dana Reid', agency: 'Northvale Primary School', role: 'Designated safeguarding lead' }],
      },
    });
  });

  it('clears the conversation date when its boxes are emptied', () => {
    const result = conversationPatchFromForm(tacReflectiveCaseSummary, { ...values, conversationDate: { day: '', month: '', year: '' } });
    expect(result.ok && result.body.conversationDate).toBeNull();
  });

  it('names the row of a partner without an agency', () => {
    const result = conversationPatchFromForm(tacReflectiveCaseSummary, {
      ...values,
      partners: [
        { name: '', agency: '', role: '' },
        { name: 'Lee', agency: '', role: '' },
      ],
    });
    expect(result.ok ? [] : result.errors).toEqual([{ field: 'partners-1-agency', message: 'Enter the agency' }]);
  });

  it('refuses a period that ends before it starts', () => {
    const result = conversationPatchFromForm(tacReflectiveCaseSummary, { ...values, periodFrom: { day: '1', month: '1', year: '2027' } });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['periodReviewed-from']);
  });

  it('offers spare blank rows after the partners already recorded', () => {
    expect(partnerRowsToShow(values.partners)).toHaveLength(4);
  });
});
