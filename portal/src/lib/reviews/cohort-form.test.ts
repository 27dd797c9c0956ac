import { describe, expect, it } from 'vitest';
import { criteriaBody, handPickedBody, type CriteriaValues } from './cohort-form.ts';

const empty = { day: '', month: '', year: '' };
const base: CriteriaValues = { caseTypes: [], teamIds: [], ageBands: [], genders: [], ethnicities: [], disabilities: [], includeClosed: false, openFrom: empty, openTo: empty, eventType: '', atLeast: '', withinMonths: '', size: '10', quotas: {} };

describe('the cohort forms', () => {
  it('turns the criteria form into the API’s body, leaving out what was not asked for', () => {
    expect(criteriaBody({ ...base, caseTypes: ['child-protection'], disabilities: ['yes'], quotas: { cp: '3', other: '' } })).toEqual({
      ok: true,
      body: { method: 'criteria', criteria: { caseTypes: ['child-protection'], disabilities: ['yes'] }, size: 10, quotas: [{ teamId: 'cp', count: 3 }] },
    });
    const repeat = criteriaBody({ ...base, eventType: 'initial-cp-conference', atLeast: '2', withinMonths: '24', openFrom: { day: '1', month: '4', year: '2025' } });
    expect(repeat).toMatchObject({ ok: true, body: { criteria: { journeyEvent: { type: 'initial-cp-conference', atLeast: 2, withinMonths: 24 }, openFrom: '2025-04-01' } } });
  });

  it('names each field it cannot read', () => {
    const parsed = criteriaBody({ ...base, size: 'ten', eventType: 'plan', atLeast: '', withinMonths: '24', quotas: { cp: 'x' } });
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toEqual(['atLeast', 'size', 'quota-cp']);
  });

  it('reads a hand-picked case a line, each with its reason', () => {
    expect(handPickedBody('NV-00001: disabled child\n\n  nv-00002 : second plan ')).toEqual({
      ok: true,
      body: {
        method: 'hand',
        cases: [
          { caseRef: 'NV-00001', reason: 'disabled child' },
          { caseRef: 'nv-00002', reason: 'second plan' },
        ],
      },
    });
    expect(handPickedBody('NV-00001')).toEqual({ ok: false, errors: [{ field: 'cases', message: 'Line 1: write the case reference, a colon, then why it is in the review' }] });
    expect(handPickedBody('  ').ok).toBe(false);
  });
});
