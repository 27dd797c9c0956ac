import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TemplateDefinition, type TemplateVersion } from '../templates/template-schemas.ts';
import { AUDIENCES, presentationFor } from './audiences.ts';
import { feedbackFormProblems } from './feedback-form-rules.ts';
import { BUILT_IN_FEEDBACK_FORMS, BUILT_IN_FORM_FOR_AUDIENCE, FORM_AGES_4_7_ID } from './forms/built-in-feedback-forms.ts';
import { localiseForm } from './localised-form.ts';

const version = (id: string): TemplateVersion => ({ ...BUILT_IN_FEEDBACK_FORMS.find((f) => f.templateId === id)!, version: 1, publishedAt: '2026-01-05T09:00:00.000Z', publishedBy: 'built-in' });

describe('the built-in feedback forms', () => {
  it('are one valid feedback form per audience', () => {
    expect(Object.keys(BUILT_IN_FORM_FOR_AUDIENCE)).toEqual([...AUDIENCES]);
    for (const form of BUILT_IN_FEEDBACK_FORMS) {
      const result = v.safeParse(TemplateDefinition, form);
      expect(result.issues?.map((i) => i.message) ?? [], form.templateId).toEqual([]);
      expect(feedbackFormProblems(form), form.templateId).toEqual([]);
    }
  });

  it('each ask “I feel safe” once, marked so its worst point raises an alert', () => {
    for (const form of BUILT_IN_FEEDBACK_FORMS) {
      const marked = form.sections.flatMap((s) => s.questions).filter((q) => q.meaning === 'feels-safe');
      expect(marked, form.templateId).toHaveLength(1);
      expect(marked[0]!.options!.map((o) => o.value)).toContain('no');
    }
  });

  it('always let people say “I don’t know” or “I’d rather not say”, and never insist on an answer', () => {
    for (const question of BUILT_IN_FEEDBACK_FORMS.flatMap((f) => f.sections.flatMap((s) => s.questions))) {
      expect(question.required).toBe(false);
      if (question.type === 'choice') expect(question.options!.slice(-2).map((o) => o.value)).toEqual(['dont-know', 'rather-not-say']);
    }
  });

  it('ask what is good and what could be better in every form', () => {
    for (const form of BUILT_IN_FEEDBACK_FORMS) {
      const ids = form.sections.flatMap((s) => s.questions.filter((q) => q.type === 'text').map((q) => q.id));
      expect(ids, form.templateId).toEqual(['whatIsGood', 'couldBeBetter']);
    }
  });

  it('keep the form for ages 4 to 7 very short, with faces and a grown-up to help', () => {
    const questions = version(FORM_AGES_4_7_ID).sections.flatMap((s) => s.questions);
    expect(questions.length).toBeLessThanOrEqual(5);
    expect(presentationFor('ages-4-7')).toEqual({ pageBy: 'question', faces: true, adultMayHelp: true });
    const faces = localiseForm(version(FORM_AGES_4_7_ID), 'en').sections[0]!.questions[0]!.options!.map((o) => o.face);
    expect(faces).toEqual(['happy', 'in-between', 'sad', undefined, undefined]);
  });

  it('have Welsh for every piece of text a child or family reads', () => {
    for (const form of BUILT_IN_FEEDBACK_FORMS) {
      expect(form.translations?.cy?.name, form.templateId).toBeTruthy();
      expect(form.translations?.cy?.description, form.templateId).toBeTruthy();
      for (const section of form.sections) {
        expect(section.translations?.cy?.title, section.id).toBeTruthy();
        for (const question of section.questions) {
          expect(question.translations?.cy?.label, question.id).toBeTruthy();
          if (question.hint) expect(question.translations?.cy?.hint, question.id).toBeTruthy();
          for (const option of question.options ?? []) expect(option.translations?.cy?.label, `${question.id}.${option.value}`).toBeTruthy();
        }
      }
    }
  });

  it('come out in Welsh when asked, in English otherwise', () => {
    const id = BUILT_IN_FORM_FOR_AUDIENCE['ages-11-18'];
    const cy = localiseForm(version(id), 'cy');
    expect(cy.name).toBe('Dweud dy ddweud (11 i 18 oed)');
    expect(cy.sections[0]!.questions[0]).toMatchObject({ label: 'Rwy’n teimlo’n ddiogel', type: 'choice' });
    expect(cy.sections[0]!.questions[0]!.options!.map((o) => o.label)).toEqual(['Ydw', 'Weithiau', 'Nac ydw', 'Dwi ddim yn gwybod', 'Byddai’n well gen i beidio â dweud']);
    expect(localiseForm(version(id), 'en').sections[0]!.questions[0]!.label).toBe('I feel safe');
    expect(cy.sections.at(-1)!.questions[0]).toMatchObject({ type: 'text', maxLength: 1000 });
  });

  it('fall back to English where a translation is missing', () => {
    const form = version(id11());
    const untranslated = { ...form, translations: undefined, sections: form.sections.map((s) => ({ ...s, translations: undefined })) };
    expect(localiseForm(untranslated, 'cy').sections[0]!.title).toBe('Feeling safe');
    expect(localiseForm(untranslated, 'cy')).toMatchObject({ name: 'Have your say (ages 11 to 18)', nameLanguage: 'en', descriptionLanguage: 'en' });
    expect(localiseForm(form, 'ur')).toMatchObject({ nameLanguage: 'ur', descriptionLanguage: 'ur' });
  });

  it('are in Polish, Urdu and easy read too, every text of every form', () => {
    for (const language of ['pl', 'ur', 'easy'] as const) {
      for (const form of BUILT_IN_FEEDBACK_FORMS) {
        expect(form.translations?.[language]?.name, `${language} ${form.templateId}`).toBeTruthy();
        expect(form.translations?.[language]?.description, `${language} ${form.templateId}`).toBeTruthy();
        for (const section of form.sections) {
          expect(section.translations?.[language]?.title, `${language} ${section.id}`).toBeTruthy();
          for (const question of section.questions) {
            expect(question.translations?.[language]?.label, `${language} ${question.id}`).toBeTruthy();
            if (question.hint) expect(question.translations?.[language]?.hint, `${language} ${question.id}`).toBeTruthy();
            for (const option of question.options ?? []) expect(option.translations?.[language]?.label, `${language} ${question.id}.${option.value}`).toBeTruthy();
          }
        }
      }
    }
    const ur = localiseForm(version(FORM_AGES_4_7_ID), 'ur');
    expect(ur.sections[0]!.questions[0]!.label).toBe('مجھے محفوظ محسوس ہوتا ہے');
    expect(localiseForm(version(FORM_AGES_4_7_ID), 'pl').sections[0]!.questions[0]!.options!.map((o) => o.label)).toEqual(['Tak', 'Czasami', 'Nie', 'Nie wiem', 'Wolę nie mówić']);
    expect(localiseForm(version(FORM_AGES_4_7_ID), 'cy').sections[0]!.questions[0]!.label).toBe('Rwy’n teimlo’n ddiogel');
  });
});

function id11() {
  return BUILT_IN_FORM_FOR_AUDIENCE['ages-11-18'];
}

/** Every text of every built-in form in one language (English where it has none). */
function textsIn(language: 'en' | 'cy' | 'pl' | 'ur' | 'easy'): { where: string; text: string }[] {
  return BUILT_IN_FEEDBACK_FORMS.flatMap((form) => {
    const local = localiseForm(version(form.templateId), language);
    return [
      { where: `${form.templateId} description`, text: local.description },
      ...local.sections.flatMap((s) => [{ where: s.id, text: s.title }, ...s.questions.flatMap((q) => [{ where: q.id, text: q.label }, ...(q.options ?? []).map((o) => ({ where: `${q.id}.${o.value}`, text: o.label }))])]),
    ];
  });
}

describe('the built-in forms’ words', () => {
  it('never say how many questions there are: the start page counts them from the form', () => {
    const counts: Record<'en' | 'cy' | 'pl' | 'ur' | 'easy', RegExp> = {
      en: /\b(?:\d+|one|two|three|four|five|six|seven|eight)\s+(?:short\s+)?(?:questions?|chances?)\b/i,
      easy: /\b(?:\d+|one|two|three|four|five|six|seven|eight)\s+(?:short\s+)?(?:questions?|chances?)\b/i,
      cy: /\b(?:\d+|un|dau|dwy|tri|tair|pedwar|pum|pump|chwe|saith)\s+(?:chwestiwn|cwestiwn|gyfle|cyfle)/i,
      pl: /(?:\d+|dwie|dwa|trzy|cztery|pięć|sześć|siedem)\s+(?:krótki\S*\s+)?(?:pyta|okazj)/i,
      ur: /(?:دو|تین|چار|پانچ|چھ|سات)\s+(?:مختصر\s+)?(?:سوال|موقع|مواقع)/,
    };
    for (const [language, pattern] of Object.entries(counts) as [keyof typeof counts, RegExp][]) {
      for (const { where, text } of textsIn(language)) expect(text, `${language} ${where}`).not.toMatch(pattern);
    }
  });

  it('in Urdu, let a child say things of themselves without choosing a gender (no masculine-only verb forms)', () => {
    // کرتا ہوں / سکتا ہوں / تھا / کروں گا agree with a male speaker; the forms use impersonal wording instead.
    for (const { where, text } of textsIn('ur')) expect(text, where).not.toMatch(/(?:تا|سکتا|رہا)\s+ہوں|وں\s+گا|^میں .*تھا$/);
  });

  it('in Polish, give both forms wherever the words would otherwise assume a gender', () => {
    // Past tenses of “I” and “you” (-łem, -łeś) and adjectives of the person (-ny, -ony) change with gender.
    for (const { where, text } of textsIn('pl')) expect(text, where).not.toMatch(/\p{L}+(?:łem|łeś|łbyś|ony|pewny|bezpieczny)(?![\p{L}(])/u);
    expect(textsIn('pl').map((t) => t.text)).toContain('Brałem(-am) udział w tworzeniu planu');
  });
});
