import { describe, expect, it } from 'vitest';
import { chooseLanguage, languageHref, textLanguageAttributes } from './language.ts';

describe('choosing the public area’s language', () => {
  it('takes ?lang= first and remembers it', () => {
    expect(chooseLanguage({ query: 'cy', cookie: 'en', acceptLanguage: 'en-GB' })).toEqual({ language: 'cy', remember: true });
  });

  it('uses the remembered choice without rewriting it', () => {
    expect(chooseLanguage({ query: null, cookie: 'cy', acceptLanguage: 'en-GB' })).toEqual({ language: 'cy', remember: false });
  });

  it('ignores a language it does not speak', () => {
    expect(chooseLanguage({ query: 'fr', cookie: 'xx', acceptLanguage: null }).language).toBe('en');
  });

  it('gives Welsh to a browser that asks for it first, English otherwise', () => {
    expect(chooseLanguage({ query: null, cookie: undefined, acceptLanguage: 'cy-GB,cy;q=0.9,en;q=0.8' }).language).toBe('cy');
    expect(chooseLanguage({ query: null, cookie: undefined, acceptLanguage: 'en-GB,cy;q=0.5' }).language).toBe('en');
  });

  it('speaks Polish, Urdu and easy read when asked, and Polish or Urdu to a browser that asks first', () => {
    for (const query of ['pl', 'ur', 'easy']) expect(chooseLanguage({ query, cookie: undefined, acceptLanguage: null })).toEqual({ language: query, remember: true });
    expect(chooseLanguage({ query: null, cookie: undefined, acceptLanguage: 'pl-PL,pl;q=0.9' }).language).toBe('pl');
    expect(chooseLanguage({ query: null, cookie: undefined, acceptLanguage: 'ur' }).language).toBe('ur');
  });

  it('links to the same page in another language, dropping form-action keys', () => {
    expect(languageHref(new URL('http://x/have-your-say/nv/answer/2?return=check&lang=en'), 'cy')).toBe('/have-your-say/nv/answer/2?return=check&lang=cy');
    expect(languageHref(new URL('http://x/have-your-say/nv?/code'), 'cy')).toBe('/have-your-say/nv?lang=cy');
  });
});

describe('text in another language than the page', () => {
  it('says so with lang, and with dir where the direction changes', () => {
    expect(textLanguageAttributes('en', 'ur')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(textLanguageAttributes('en', 'cy')).toEqual({ lang: 'en' });
    expect(textLanguageAttributes('ur', 'en')).toEqual({ lang: 'ur', dir: 'rtl' });
  });

  it('adds nothing when the page already speaks it, easy read being English', () => {
    expect(textLanguageAttributes('ur', 'ur')).toEqual({});
    expect(textLanguageAttributes('en', 'easy')).toEqual({});
  });
});
