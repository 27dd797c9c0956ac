import { describe, expect, it } from 'vitest';
import { activityValuesFromForm, createBodyFromActivityForm, emptyActivityValues, updateBodyFromActivityForm, type ActivityFormValues, type TranslationValues } from './activity-form.ts';

const filled = (overrides: Partial<ActivityFormValues> = {}): ActivityFormValues => ({
  ...emptyActivityValues(),
  title: 'Summer survey',
  audience: 'ages-8-10',
  templateId: 'feedback-ages-8-10',
  opensOn: { day: '1', month: '6', year: '2026' },
  ...overrides,
});

const withText = (text: Partial<ActivityFormValues['translations']>): ActivityFormValues['translations'] => ({ ...emptyActivityValues().translations, ...(text as Record<string, TranslationValues>) });

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

  it('asks for the title in a language when only its description is given, naming the language, after the other problems', () => {
    const result = createBodyFromActivityForm(filled({ title: '', translations: withText({ cy: { title: '', description: 'Disgrifiad' } }) }));
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'title', message: 'Enter a title of at most 120 characters' },
        { field: 'translations-cy-title', message: 'Enter the title in Welsh as well as the description' },
      ],
    });
  });

  it('refuses a title or description too long, on that language’s box', () => {
    const result = createBodyFromActivityForm(filled({ translations: withText({ ur: { title: 'س'.repeat(121), description: '' }, pl: { title: 'Ankieta', description: 'x'.repeat(1001) } }) }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        { field: 'translations-pl-description', message: 'The description in Polish must be 1000 characters or fewer' },
        { field: 'translations-ur-title', message: 'The title in Urdu must be 120 characters or fewer' },
      ]);
    }
  });

  it('reads each language’s boxes from the posted form', () => {
    const form = new FormData();
    form.set('translations-ur-title', 'بہار کا سروے');
    form.set('translations-easy-description', 'Some words');
    const values = activityValuesFromForm(form);
    expect(values.translations.ur).toEqual({ title: 'بہار کا سروے', description: '' });
    expect(values.translations.easy).toEqual({ title: '', description: 'Some words' });
    expect(values.translations.cy).toEqual({ title: '', description: '' });
  });

  it('clears emptied fields on an update with null, and sends every language’s text at once', () => {
    const result = updateBodyFromActivityForm(filled({ translations: withText({ cy: { title: 'Arolwg yr haf', description: '' }, ur: { title: ' گرمیوں کا سروے ', description: 'پانچ سوالات' } }) }));
    expect(result).toEqual({
      ok: true,
      body: {
        type: 'survey',
        title: 'Summer survey',
        description: null,
        opensOn: '2026-06-01',
        closesOn: null,
        teamId: null,
        caseType: null,
        publicLink: false,
        translations: { cy: { title: 'Arolwg yr haf' }, ur: { title: 'گرمیوں کا سروے', description: 'پانچ سوالات' } },
      },
    });
    const none = updateBodyFromActivityForm(filled());
    expect(none.ok && none.body.translations).toBeNull();
  });
});
