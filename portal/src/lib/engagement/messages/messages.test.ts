import { describe, expect, it } from 'vitest';
import { ENGAGEMENT_LANGUAGES } from '@waypoint/shared/engagement/languages';
import { AUDIENCES } from '@waypoint/shared/engagement/audiences';
import { CATALOGUES, CHILD_OVERRIDES, fill, registerFor, translator } from './translate.ts';
import { en } from './en.ts';
import { BUILT_IN_FEEDBACK_FORMS } from '@waypoint/shared/engagement/forms/built-in-feedback-forms';
import { textIn } from '@waypoint/shared/templates/template-translations';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const englishKeys = Object.keys(en).sort();

describe('the public area’s message catalogues', () => {
  it.each(ENGAGEMENT_LANGUAGES)('has every key, and no other, in %s', (language) => {
    expect(Object.keys(CATALOGUES[language]).sort()).toEqual(englishKeys);
  });

  it.each(ENGAGEMENT_LANGUAGES)('has words for every key in %s, with the same placeholders as English', (language) => {
    for (const key of englishKeys) {
      const text = CATALOGUES[language][key as keyof typeof en];
      expect(text.trim(), `${language} ${key}`).not.toBe('');
      expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });

  it('words for children only replace keys that exist, with the same placeholders', () => {
    for (const [language, overrides] of Object.entries(CHILD_OVERRIDES)) {
      for (const [key, text] of Object.entries(overrides ?? {})) {
        expect(englishKeys, `${language} child ${key}`).toContain(key);
        expect(placeholders(text), `${language} child ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });

  it('has words for every audience in every language', () => {
    for (const language of ENGAGEMENT_LANGUAGES) {
      for (const audience of AUDIENCES) expect(translator(language)(`audience.${audience}`)).not.toMatch(/^audience\./);
    }
  });

  it('speaks to children as “ti” in Welsh and to parents as “chi”', () => {
    expect(translator('cy', registerFor('ages-8-10'))('check.title')).toBe('Gwiria dy atebion');
    expect(translator('cy', registerFor('parents-carers'))('check.title')).toBe('Gwiriwch eich atebion');
    expect(translator('en', registerFor('ages-8-10'))('check.title')).toBe('Check your answers');
  });

  it('has its own words in Polish, Urdu and easy read, not English copied over', () => {
    for (const language of ['pl', 'ur'] as const) {
      const same = Object.keys(en).filter((key) => CATALOGUES[language][key as keyof typeof en] === en[key as keyof typeof en]);
      expect(same, language).toEqual([]);
    }
    expect(translator('ur')('check.title')).toBe('اپنے جوابات چیک کریں');
    expect(translator('pl')('check.title')).toBe('Sprawdź swoje odpowiedzi');
    expect(translator('easy')('intro.saved')).toBe('We keep your answers as you go. We only send them when you say so.');
  });

  it.each(ENGAGEMENT_LANGUAGES)('promises in %s the very words of the “rather not say” answer every built-in form offers', (language) => {
    const options = BUILT_IN_FEEDBACK_FORMS.flatMap((f) => f.sections.flatMap((s) => s.questions.flatMap((q) => q.options ?? []))).filter((o) => o.value === 'rather-not-say');
    const labels = new Set(options.map((o) => textIn(o, 'label', language)));
    expect(labels.size, language).toBe(1);
    const [phrase] = [...labels];
    for (const register of ['adult', 'child'] as const) {
      expect(translator(language, register)('intro.skip'), `${language} ${register}`).toContain(`${phrase}”`);
      expect(translator(language, register)('privacy.choices'), `${language} ${register}`).toContain(`${phrase}”`);
    }
  });

  it('fills placeholders and leaves unknown ones showing', () => {
    expect(fill('Question {n} of {total}', { n: 3, total: 8 })).toBe('Question 3 of 8');
    expect(fill('Call {number}')).toBe('Call {number}');
  });
});
