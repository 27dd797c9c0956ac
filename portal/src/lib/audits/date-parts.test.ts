import { describe, expect, it } from 'vitest';
import { datePartsFromIso, readDateParts } from './date-parts.ts';

describe('reading a day, month and year', () => {
  it('turns a real date into YYYY-MM-DD', () => {
    expect(readDateParts({ day: '4', month: '3', year: '2026' }, 'The date')).toEqual({ kind: 'date', iso: '2026-03-04' });
  });

  it('accepts a month written as a word', () => {
    expect(readDateParts({ day: '04', month: 'Mar', year: '2026' }, 'The date')).toEqual({ kind: 'date', iso: '2026-03-04' });
  });

  it('treats three blank boxes as no answer', () => {
    expect(readDateParts({ day: ' ', month: '', year: '' }, 'The date')).toEqual({ kind: 'empty' });
  });

  it('names the missing parts', () => {
    expect(readDateParts({ day: '4', month: '', year: '' }, 'The due date')).toEqual({ kind: 'invalid', message: 'The due date must include a month and year' });
  });

  it('refuses a date that is not in the calendar', () => {
    expect(readDateParts({ day: '30', month: '2', year: '2026' }, 'The due date')).toMatchObject({ kind: 'invalid', message: 'The due date must be a real date' });
  });

  it('shows a stored date back in its three boxes', () => {
    expect(datePartsFromIso('2026-03-04')).toEqual({ day: '4', month: '3', year: '2026' });
    expect(datePartsFromIso(undefined)).toEqual({ day: '', month: '', year: '' });
  });
});
