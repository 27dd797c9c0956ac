import { describe, expect, it } from 'vitest';
import { FORM_AGES_11_18_ID, BUILT_IN_FEEDBACK_FORMS } from './forms/built-in-feedback-forms.ts';
import { findWorryingPhrase, normaliseForMatching, safetyReasonKey, safetyReasons } from './safety.ts';

const form = BUILT_IN_FEEDBACK_FORMS.find((f) => f.templateId === FORM_AGES_11_18_ID)!;

describe('staying safe', () => {
  it('treats the worst point on the “I feel safe” item as not feeling safe', () => {
    expect(safetyReasons(form, { 'feeling-safe': { feelSafe: 'no' } })).toEqual([{ kind: 'feels-unsafe', sectionId: 'feeling-safe', questionId: 'feelSafe' }]);
  });

  it('does not alert on the other answers to that item, nor on “no” elsewhere', () => {
    for (const answer of ['yes', 'partly', 'dont-know', 'rather-not-say']) expect(safetyReasons(form, { 'feeling-safe': { feelSafe: answer } })).toEqual([]);
    expect(safetyReasons(form, { 'my-worker': { workerListens: 'no' } })).toEqual([]);
  });

  it('finds worrying words in English free text, in any case and with curly apostrophes', () => {
    const reasons = safetyReasons(form, { 'tell-us-more': { couldBeBetter: 'Sometimes I DON’T feel safe when he comes home' } });
    expect(reasons).toEqual([{ kind: 'worrying-words', sectionId: 'tell-us-more', questionId: 'couldBeBetter', phrase: 'I don’t feel safe', phraseLanguage: 'en' }]);
  });

  it('finds worrying words in Welsh, with or without accents and apostrophes', () => {
    expect(findWorryingPhrase('Dwi ddim yn teimlo’n ddiogel adre')).toEqual({ phrase: 'dwi ddim yn teimlo’n ddiogel', language: 'cy' });
    expect(findWorryingPhrase('dwi ddim yn teimlon ddiogel')?.language).toBe('cy');
    expect(findWorryingPhrase('mae o’n cyffwrdd a fi')?.phrase).toBe('cyffwrdd â fi');
  });

  it('finds worrying words in Polish and Urdu', () => {
    expect(findWorryingPhrase('Czasami nie czuję się bezpiecznie w domu')).toEqual({ phrase: 'nie czuję się bezpiecznie', language: 'pl' });
    expect(findWorryingPhrase('وہ مجھے مارتا ہے')?.language).toBe('ur');
  });

  it('matches whole words only, so kind words about help do not alert', () => {
    for (const text of ['My worker helps me a lot', 'I feel safe now', 'She listens to me', 'Mae fy ngweithiwr yn fy helpu i', 'Dim byd, mae’n dda', 'abusey']) expect(findWorryingPhrase(text), text).toBeNull();
  });

  it('adds the authority’s own phrases to the list', () => {
    expect(findWorryingPhrase('they took my phone away again')).toBeNull();
    expect(findWorryingPhrase('they took my phone away again', { en: ['took my phone'] })).toEqual({ phrase: 'took my phone', language: 'en' });
    expect(findWorryingPhrase('maen nhw’n mynd â fy ffôn', { cy: ['mynd â fy ffôn'] })?.language).toBe('cy');
  });

  it('reduces text to words for matching', () => {
    expect(normaliseForMatching('  Ŵyr, DON’T!! stop ')).toBe(' wyr dont stop ');
  });

  it('gives each worry a stable key, so it is alerted once however often it is saved', () => {
    const [reason] = safetyReasons(form, { 'feeling-safe': { feelSafe: 'no' } });
    expect(safetyReasonKey(reason!)).toBe('feels-unsafe:feeling-safe.feelSafe');
  });
});
