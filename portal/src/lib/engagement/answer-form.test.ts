import { describe, expect, it } from 'vitest';
import { formAges8To10 } from '@waypoint/shared/engagement/forms/children-forms';
import { localiseForm } from '@waypoint/shared/engagement/localised-form';
import type { TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { errorsFromApi, readPageAnswers, shownValue } from './answer-form.ts';
import { formPages } from './form-pages.ts';
import { translator } from './messages/translate.ts';

const form = localiseForm({ ...formAges8To10, version: 1 } as unknown as TemplateVersion, 'en');
const pages = formPages(form, { pageBy: 'question' });
const feelSafe = pages[0]!;
const whatIsGood = pages.find((p) => p.questions[0]?.id === 'whatIsGood')!;
const t = translator('en');
const posted = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

describe('reading a page of answers', () => {
  it('saves a chosen option', () => {
    const reading = readPageAnswers(posted({ 'how-things-are.feelSafe': 'rather-not-say' }), feelSafe, t);
    expect(reading).toMatchObject({ patch: { 'how-things-are': { feelSafe: 'rather-not-say' } }, errors: [] });
  });

  it('leaves out a choice not made, so a saved answer stays', () => {
    expect(readPageAnswers(posted({}), feelSafe, t).patch).toEqual({});
  });

  it('refuses an option the question does not offer, naming the field', () => {
    const reading = readPageAnswers(posted({ 'how-things-are.feelSafe': 'maybe' }), feelSafe, t);
    expect(reading.errors).toEqual([{ field: 'how-things-are-feelSafe', message: 'Choose one of the answers' }]);
  });

  it('trims free text, clears it when emptied, and refuses more than the limit in the reader’s language', () => {
    expect(readPageAnswers(posted({ 'tell-us-more.whatIsGood': '  Pizza  ' }), whatIsGood, t).patch).toEqual({ 'tell-us-more': { whatIsGood: 'Pizza' } });
    expect(readPageAnswers(posted({ 'tell-us-more.whatIsGood': ' ' }), whatIsGood, t).patch).toEqual({ 'tell-us-more': { whatIsGood: null } });
    const long = readPageAnswers(posted({ 'tell-us-more.whatIsGood': 'x'.repeat(1001) }), whatIsGood, translator('cy', 'child'));
    expect(long.errors[0]?.message).toBe('Mae hyn yn rhy hir. Defnyddia hyd at 1000 nod.');
    expect(long.values['tell-us-more.whatIsGood']).toHaveLength(1001);
  });

  it('passes the honeypot on to the API', () => {
    expect(readPageAnswers(posted({ website: 'http://spam' }), feelSafe, t).honeypot).toBe('http://spam');
  });

  it('shows what was just posted over what is saved', () => {
    const answers = { 'tell-us-more': { whatIsGood: 'Saved' } };
    expect(shownValue(undefined, answers, 'tell-us-more', 'whatIsGood')).toBe('Saved');
    expect(shownValue({ 'tell-us-more.whatIsGood': 'Typed' }, answers, 'tell-us-more', 'whatIsGood')).toBe('Typed');
  });

  it('puts the API’s field problems on the page’s fields, or one problem for the page', () => {
    expect(errorsFromApi(feelSafe, [{ path: 'answers.how-things-are.feelSafe' }], t)).toEqual([{ field: 'how-things-are-feelSafe', message: 'Choose one of the answers' }]);
    expect(errorsFromApi(feelSafe, [], t)).toEqual([{ field: 'form', message: 'Sorry, we could not save that answer. Please try again.' }]);
  });
});
