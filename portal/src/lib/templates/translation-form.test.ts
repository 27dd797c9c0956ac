import { describe, expect, it } from 'vitest';
import { postedTranslations, translationFieldId, translationLanguageFrom } from './translation-form.ts';

describe('the translation form', () => {
  it('reads the language from ?lang, telling none asked from one it does not know', () => {
    expect(translationLanguageFrom(new URL('http://x/t?lang=ur'))).toBe('ur');
    expect(translationLanguageFrom(new URL('http://x/t'))).toBeNull();
    expect(translationLanguageFrom(new URL('http://x/t?lang=en'))).toBeUndefined();
  });

  it('gives keys that differ only in where the hyphens and dots fall different ids', () => {
    const ids = ['sections.a.questions.b-options-yes.label', 'sections.a.questions.b.options.yes.label'].map(translationFieldId);
    expect(new Set(ids).size).toBe(2);
    expect(ids[1]).toBe('tr_sections_a_questions_b_options_yes_label');
  });

  it('keeps what was typed for the texts it knows, and leaves out keys not posted', () => {
    const form = new FormData();
    form.set('name', 'Jak nam idzie?');
    form.set('sections.x.title', '');
    form.set('other', 'ignored');
    expect(postedTranslations(form, [{ key: 'name' }, { key: 'sections.x.title' }, { key: 'description' }])).toEqual({ name: 'Jak nam idzie?', 'sections.x.title': '' });
  });
});
