import { describe, expect, it } from 'vitest';
import { createBodyFromActivityForm, emptyActivityValues, updateBodyFromActivityForm, type ActivityFormValues } from './activity-form.ts';

const filled = (overrides: Partial<ActivityFormValues> = {}): ActivityFormValues => ({
  ...emptyActivityValues(),
  title: 'Summer survey',
  audience: 'ages-8-10',
  templateId: 'feedback-ages-8-10',
  opensOn: { day: '1', month: '6', year: '2026' },
  ...overrides,
});

describe('the activity form', () => {
  it('builds a create body, leaving out what was left empty', () => {
    const result = createBodyFromActivityForm(filled({ closesOn: { day: '31', month: 'July', year: '2026' }, teamId: 'child-in-need' }));
    expect(result).toEqual({
      ok: true,
      body: { type: 'survey', title: 'Summer survey', audience: 'ages-8-10', templateId: 'feedback-ages-8-10', opensOn: '2026-06-01', closesOn: '2026-07-31', teamId: 'child-in-need', publicLink: false },
    });
  });

  it('names every missing choice and the opening date', () => {
    const result = createBodyFromActivityForm({ ...emptyActivityValues(), type: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['opensOn', 'type', 'title', 'audience', 'templateId']);
  });

  it('refuses a closing date before the opening date, on the closing date', () => {
    const result = createBodyFromActivityForm(filled({ closesOn: { day: '1', month: '5', year: '2026' } }));
    expect(result).toEqual({ ok: false, errors: [{ field: 'closesOn', message: 'The closing date must be on or after the opening date' }] });
  });

  it('asks for the Welsh title when only a Welsh description is given', () => {
    const result = createBodyFromActivityForm(filled({ descriptionCy: 'Disgrifiad' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.field).toBe('translations-cy-title');
  });

  it('clears emptied fields on an update with null', () => {
    const result = updateBodyFromActivityForm(filled({ titleCy: 'Arolwg yr haf' }));
    expect(result).toEqual({
      ok: true,
      body: { type: 'survey', title: 'Summer survey', description: null, opensOn: '2026-06-01', closesOn: null, teamId: null, caseType: null, publicLink: false, translations: { cy: { title: 'Arolwg yr haf' } } },
    });
  });
});
