import { describe, expect, it } from 'vitest';
import { journeyEventBodyFromForm } from './journey-form.ts';

const date = (day: string, month: string, year: string) => ({ day, month, year });

describe('the journey event form', () => {
  it('turns the three date boxes and a note into the API body', () => {
    const result = journeyEventBodyFromForm({ type: 'referral', date: date('3', 'March', '2026'), note: '  From the school. ' });
    expect(result).toEqual({ ok: true, body: { type: 'referral', date: '2026-03-03', note: 'From the school.' } });
  });

  it('leaves out a blank note rather than sending an empty one', () => {
    const result = journeyEventBodyFromForm({ type: 'contact', date: date('1', '4', '2026'), note: '   ' });
    expect(result).toEqual({ ok: true, body: { type: 'contact', date: '2026-04-01' } });
  });

  it('asks for the type and the date when both are missing, each on its own field', () => {
    const result = journeyEventBodyFromForm({ type: '', date: date('', '', ''), note: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: 'type', message: 'Select the type of event' },
      { field: 'date', message: 'Enter the date of the event' },
    ]);
  });

  it('says a date that is not in the calendar must be a real date', () => {
    const result = journeyEventBodyFromForm({ type: 'referral', date: date('31', '2', '2026'), note: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: 'date', message: 'The date of the event must be a real date' }]);
  });

  it('refuses a date before the calendar Waypoint ships, with the schema’s own words', () => {
    const result = journeyEventBodyFromForm({ type: 'referral', date: date('1', '1', '1999'), note: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ field: 'date', message: expect.stringContaining('calendar starts') });
  });

  it('refuses a type that is not on the list', () => {
    const result = journeyEventBodyFromForm({ type: 'birthday', date: date('1', '4', '2026'), note: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: 'type', message: 'Choose one of the journey event types' }]);
  });
});
