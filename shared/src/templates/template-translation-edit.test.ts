import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_FEEDBACK_FORMS, FORM_PARENTS_CARERS_ID } from '../engagement/forms/built-in-feedback-forms.ts';
import { publishBodyWithTranslations, translatableTexts } from './template-translation-edit.ts';
import { PublishTemplateVersionBody, type TemplateVersion } from './template-schemas.ts';

const published = { version: 3, publishedAt: '2026-11-01T09:00:00.000Z', publishedBy: 'built-in' };
const parents: TemplateVersion = { ...BUILT_IN_FEEDBACK_FORMS.find((f) => f.templateId === FORM_PARENTS_CARERS_ID)!, ...published };

/** A small form: one choice with a hint, one text question without, a Welsh and a Polish translation. */
const small: TemplateVersion = {
  templateId: 'small-form',
  kind: 'feedback-form',
  name: 'How are we doing?',
  description: 'A short survey',
  translations: { cy: { name: 'Sut ydyn ni’n gwneud?', description: 'Arolwg byr' }, pl: { name: 'Jak nam idzie?', description: 'Krótka ankieta' } },
  sections: [
    {
      id: 'about',
      title: 'About you',
      guidance: ['Be kind'],
      translations: { pl: { title: 'O Tobie' } },
      questions: [
        {
          id: 'feelSafe',
          label: 'I feel safe',
          hint: 'At home',
          type: 'choice',
          required: false,
          meaning: 'feels-safe',
          translations: { cy: { label: 'Rwy’n teimlo’n ddiogel' }, pl: { label: 'Czuję się bezpiecznie', hint: 'W domu' } },
          options: [
            { value: 'yes', label: 'Yes', translations: { pl: { label: 'Tak' }, cy: { label: 'Ydw' } } },
            { value: 'no', label: 'No' },
          ],
        },
        { id: 'more', label: 'Tell us more', type: 'text', required: false },
      ],
    },
  ],
  ...published,
};

const edit = (texts: Record<string, string>, version = small, language: 'cy' | 'pl' | 'ur' | 'easy' = 'pl') => publishBodyWithTranslations({ version, language, texts });
const bodyOf = (result: ReturnType<typeof edit>) => {
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.body;
};
const withoutTranslations = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (k, x) => (k === 'translations' ? undefined : x)));

describe('translatable texts', () => {
  it('lists every text by stable ids in reading order, with the language’s text where there is one', () => {
    expect(translatableTexts(small, 'pl')).toEqual([
      { key: 'name', kind: 'name', english: 'How are we doing?', translation: 'Jak nam idzie?' },
      { key: 'description', kind: 'description', english: 'A short survey', translation: 'Krótka ankieta' },
      { key: 'sections.about.title', kind: 'section-title', english: 'About you', translation: 'O Tobie', section: 1 },
      { key: 'sections.about.questions.feelSafe.label', kind: 'question-label', english: 'I feel safe', translation: 'Czuję się bezpiecznie', section: 1, question: 1 },
      { key: 'sections.about.questions.feelSafe.hint', kind: 'question-hint', english: 'At home', translation: 'W domu', section: 1, question: 1 },
      { key: 'sections.about.questions.feelSafe.options.yes.label', kind: 'option-label', english: 'Yes', translation: 'Tak', section: 1, question: 1, option: 1 },
      { key: 'sections.about.questions.feelSafe.options.no.label', kind: 'option-label', english: 'No', section: 1, question: 1, option: 2 },
      { key: 'sections.about.questions.more.label', kind: 'question-label', english: 'Tell us more', section: 1, question: 2 },
    ]);
  });

  it('finds the built-in parents’ form already translated into Urdu', () => {
    const texts = translatableTexts(parents, 'ur');
    expect(texts.find((t) => t.key === 'name')?.translation).toBe('اپنی رائے دیں (والدین اور دیکھ بھال کرنے والے)');
    expect(new Set(texts.map((t) => t.key)).size).toBe(texts.length);
  });
});

describe('publishing one language’s text', () => {
  it('replaces only that language: the English, the structure and the other languages stay exactly as they were', () => {
    const body = bodyOf(edit({ name: 'Jak się mamy?', description: 'Ankieta', 'sections.about.questions.more.label': 'Powiedz nam więcej', 'sections.about.questions.feelSafe.options.no.label': 'Nie' }));
    expect(v.is(PublishTemplateVersionBody, body)).toBe(true);
    const { templateId: _id, kind: _kind, version: _v, publishedAt: _at, publishedBy: _by, ...content } = small;
    expect(withoutTranslations(body)).toEqual(withoutTranslations(content));
    expect(body.translations).toEqual({ cy: small.translations!.cy, pl: { name: 'Jak się mamy?', description: 'Ankieta' } });
    const [safe, more] = body.sections[0]!.questions;
    expect(safe!.translations).toEqual(small.sections[0]!.questions[0]!.translations);
    expect(safe!.options!.map((o) => o.translations)).toEqual([{ pl: { label: 'Tak' }, cy: { label: 'Ydw' } }, { pl: { label: 'Nie' } }]);
    expect(more!.translations).toEqual({ pl: { label: 'Powiedz nam więcej' } });
    expect(safe!.meaning).toBe('feels-safe');
  });

  it('removes a translation left blank, so screens fall back to English, and drops a block left empty', () => {
    const body = bodyOf(edit({ 'sections.about.title': '  ', 'sections.about.questions.feelSafe.hint': '', 'sections.about.questions.feelSafe.options.yes.label': '' }));
    expect(body.sections[0]!.translations).toBeUndefined();
    expect(body.sections[0]!.questions[0]!.translations).toEqual({ cy: { label: 'Rwy’n teimlo’n ddiogel' }, pl: { label: 'Czuję się bezpiecznie' } });
    expect(body.sections[0]!.questions[0]!.options![0]!.translations).toEqual({ cy: { label: 'Ydw' } });
    const cleared = bodyOf(edit({ name: '', description: '' }));
    expect(cleared.translations).toEqual({ cy: small.translations!.cy });
  });

  it('keeps a text that was not posted, and trims what was', () => {
    const body = bodyOf(edit({ 'sections.about.title': '  O was \r\n ' }));
    expect(body.sections[0]!.translations).toEqual({ pl: { title: 'O was' } });
    expect(body.translations!.pl).toEqual(small.translations!.pl);
    expect(body.sections[0]!.questions[0]!.translations!.pl).toEqual({ label: 'Czuję się bezpiecznie', hint: 'W domu' });
  });

  it('adds a language the form did not have, right to left or not', () => {
    const body = bodyOf(edit({ 'sections.about.questions.more.label': 'ہمیں مزید بتائیں' }, small, 'ur'));
    expect(body.sections[0]!.questions[1]!.translations).toEqual({ ur: { label: 'ہمیں مزید بتائیں' } });
    expect(body.translations).toEqual(small.translations);
  });

  it('says which text is too long, by its key, with the limit', () => {
    const result = edit({ 'sections.about.questions.feelSafe.label': 'x'.repeat(301), 'sections.about.questions.feelSafe.options.no.label': 'y'.repeat(200), name: 'z'.repeat(121) });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'name', message: 'Name in Polish must be 120 characters or fewer' },
        { path: 'sections.about.questions.feelSafe.label', message: 'Wording of question 1 in section 1 in Polish must be 300 characters or fewer' },
      ],
    });
  });

  it('asks for the name with the description, and the wording with a hint, as the schema needs both', () => {
    expect(edit({ name: '' })).toEqual({ ok: false, errors: [{ path: 'name', message: 'Enter the name in Polish as well as the description, or clear both' }] });
    expect(edit({ 'sections.about.questions.feelSafe.label': '' })).toEqual({
      ok: false,
      errors: [{ path: 'sections.about.questions.feelSafe.label', message: 'Enter the wording of question 1 in section 1 in Polish as well as its hint, or clear the hint' }],
    });
  });

  it('publishes the built-in form with its Polish text changed and every other language as it was', () => {
    const label = 'sections.feeling-safe.questions.feelSafe.label';
    const body = bodyOf(edit({ [label]: 'Czuję się bezpiecznie w domu' }, parents));
    const before = parents.sections[0]!.questions[0]!.translations!;
    expect(body.sections[0]!.questions[0]!.translations).toEqual({ ...before, pl: { ...before.pl, label: 'Czuję się bezpiecznie w domu' } });
    expect(withoutTranslations(body.sections)).toEqual(withoutTranslations(parents.sections));
  });
});
