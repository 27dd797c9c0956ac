import { describe, expect, it } from 'vitest';
import { BUILT_IN_FEEDBACK_FORMS } from '@waypoint/shared/engagement/forms/built-in-feedback-forms';
import { NOT_ANSWERED_VALUES } from '@waypoint/shared/engagement/feedback-points';

describe('the built-in feedback forms the public area shows', () => {
  it.each(BUILT_IN_FEEDBACK_FORMS.map((f) => [f.templateId, f] as const))('%s has Welsh for its name, sections, questions, hints and options', (_id, form) => {
    const missing: string[] = [];
    const welsh = (text: string | undefined, where: string) => {
      if (!text || text.trim() === '') missing.push(where);
    };
    welsh(form.translations?.cy?.name, 'name');
    welsh(form.translations?.cy?.description, 'description');
    for (const section of form.sections) {
      welsh(section.translations?.cy?.title, `${section.id} title`);
      for (const question of section.questions) {
        welsh(question.translations?.cy?.label, `${section.id}.${question.id} label`);
        if (question.hint) welsh(question.translations?.cy?.hint, `${section.id}.${question.id} hint`);
        for (const option of question.options ?? []) welsh(option.translations?.cy?.label, `${section.id}.${question.id} option ${option.value}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(BUILT_IN_FEEDBACK_FORMS.map((f) => [f.templateId, f] as const))('%s always offers “I don’t know” and “I’d rather not say”', (_id, form) => {
    for (const question of form.sections.flatMap((s) => s.questions).filter((q) => q.type === 'choice')) {
      expect(question.options?.map((o) => o.value)).toEqual(expect.arrayContaining([...NOT_ANSWERED_VALUES]));
    }
  });
});
