import { describe, expect, it } from 'vitest';
import { apiAuthorityErrors, changesFor, newAuthorityFromForm, statusChangeFromForm } from './authority-forms.ts';

const filled = { name: 'Eastbrook Council', slug: ' Eastbrook ', region: 'East Midlands', adminName: 'Ffion Hale', adminEmail: 'ffion@eastbrook.example' };

describe('the operator’s forms', () => {
  it('turns a filled-in form into the API’s body, the address lower-cased', () => {
    expect(newAuthorityFromForm(filled)).toEqual({ ok: true, body: { ...filled, slug: 'eastbrook' } });
  });

  it('refuses an address with spaces or capitals inside it, on the address field', () => {
    const parsed = newAuthorityFromForm({ ...filled, slug: 'east brook' });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.map((e) => e.field)).toEqual(['slug']);
  });

  it('shows the API’s refusal beside its field, or for the whole form when it names none', () => {
    expect(apiAuthorityErrors({ detail: 'Another authority already has that address', errors: [{ path: 'slug', message: 'Another authority already has this address; choose another' }] })).toEqual([
      { field: 'slug', message: 'Another authority already has this address; choose another' },
    ]);
    expect(apiAuthorityErrors({ detail: 'Not allowed' })).toEqual([{ field: 'form', message: 'Not allowed' }]);
  });

  it('offers only the changes that make sense from each status', () => {
    expect(changesFor('active')).toEqual(['suspend', 'offboard']);
    expect(changesFor('suspended')).toEqual(['resume', 'offboard']);
    expect(changesFor('offboarding')).toEqual(['suspend', 'resume']);
  });

  it('asks for a real leaving day only when offboarding', () => {
    const none = { day: '', month: '', year: '' };
    expect(statusChangeFromForm('suspend', none)).toEqual({ ok: true, body: { status: 'suspended' } });
    expect(statusChangeFromForm('offboard', none)).toEqual({ ok: false, errors: [{ field: 'leavesOn', message: 'Enter the day the authority leaves' }] });
    expect(statusChangeFromForm('offboard', { day: '31', month: '2', year: '2027' })).toMatchObject({ ok: false, errors: [{ field: 'leavesOn' }] });
    expect(statusChangeFromForm('offboard', { day: '31', month: 'March', year: '2027' })).toEqual({ ok: true, body: { status: 'offboarding', leavesOn: '2027-03-31' } });
  });
});
