import { describe, expect, it } from 'vitest';
import { readMove, type MoveValues } from './move-form.ts';

const blank: MoveValues = { evidence: '', doneOn: { day: '', month: '', year: '' }, note: '', reason: '' };

describe('action move forms', () => {
  it('needs evidence and the day it was done to complete', () => {
    const reading = readMove('complete', blank);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.errors.map((e) => e.field).sort()).toEqual(['doneOn', 'evidence']);
  });

  it('turns the typed date into an ISO date', () => {
    const reading = readMove('complete', { ...blank, evidence: 'Plan updated', doneOn: { day: '3', month: 'March', year: '2026' } });
    expect(reading).toEqual({ ok: true, body: { evidence: 'Plan updated', doneOn: '2026-03-03' } });
  });

  it('says which part of a date is missing', () => {
    const reading = readMove('complete', { ...blank, evidence: 'x', doneOn: { day: '3', month: '', year: '2026' } });
    expect(reading.ok ? [] : reading.errors).toEqual([{ field: 'doneOn', message: 'The day it was done must include a month' }]);
  });

  it('needs a reason to reopen or cancel, and none to verify', () => {
    for (const move of ['reopen', 'cancel'] as const) {
      const reading = readMove(move, blank);
      expect(reading.ok ? [] : reading.errors).toEqual([{ field: 'reason', message: 'Give a reason' }]);
    }
    expect(readMove('verify', blank)).toEqual({ ok: true, body: {} });
  });
});
