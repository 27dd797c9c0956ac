import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, JOURNEY_OF_THE_CHILD_ID } from '@waypoint/shared/templates/built-in/built-in-templates';
import type { TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { draftFieldFor, optionValueFor, publishBodyFromDraft } from './draft-definition.ts';
import { draftFields, draftFromForm, draftFromVersion } from './template-draft.ts';

const journey = { ...BUILT_IN_TEMPLATES.find((t) => t.templateId === JOURNEY_OF_THE_CHILD_ID)!, version: 1, publishedAt: '2026-01-05T09:00:00.000Z', publishedBy: 'built-in' } as TemplateVersion;
const feedback = { ...BUILT_IN_TEMPLATES.find((t) => t.kind === 'feedback-form')!, version: 1, publishedAt: '2026-01-05T09:00:00.000Z', publishedBy: 'built-in' } as TemplateVersion;

describe('from the editor’s draft to a new version', () => {
  it('gives back the published version unchanged when nothing was edited, meanings and all', () => {
    const result = publishBodyFromDraft(draftFromVersion(journey), journey);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.body.sections).toEqual(journey.sections);
  });

  it('keeps a feedback form’s translations and option values through the form', () => {
    const form = new FormData();
    for (const { name, value } of draftFields(draftFromVersion(feedback))) form.append(name, value);
    const result = publishBodyFromDraft(draftFromForm(form), feedback);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.body.sections).toEqual(feedback.sections);
      expect(result.body.translations).toEqual(feedback.translations);
    }
  });

  it('turns guidance and options into one item a line, and gives new options values', () => {
    const draft = draftFromVersion(journey);
    draft.sections[0]!.guidance = 'First prompt\n\n  Second prompt  ';
    draft.sections[0]!.questions.push({ id: 'question-9', label: 'Who attended?', hint: '', type: 'choice', required: true, options: 'Parent\nChild\n3 agencies' });
    const result = publishBodyFromDraft(draft, journey);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body.sections[0]!.guidance).toEqual(['First prompt', 'Second prompt']);
    expect(result.body.sections[0]!.questions.at(-1)!.options).toEqual([
      { value: 'parent', label: 'Parent' },
      { value: 'child', label: 'Child' },
      { value: 'option-3-agencies', label: '3 agencies' },
    ]);
  });

  it('asks in its own words for what is missing, on the field that fixes it', () => {
    const draft = draftFromVersion(journey);
    draft.sections[1]!.title = ' ';
    draft.sections[2]!.questions[0]!.label = '';
    draft.sections[2]!.questions.push({ id: 'question-9', label: 'Pick', hint: '', type: 'choice', required: false, options: 'Only one' });
    draft.sections[3]!.questions.push({ id: 'question-9', label: 'Tick', hint: '', type: 'flag', required: true, options: '' });
    const result = publishBodyFromDraft(draft, journey);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const last = draft.sections[2]!.questions.length - 1;
    expect(result.errors).toEqual([
      { field: 'sections-1-title', message: 'Enter the title of section 2' },
      { field: 'sections-2-questions-0-label', message: 'Enter the wording of question 1 in section 3' },
      { field: `sections-2-questions-${last}-options`, message: `Question ${last + 1} in section 3 is a choice: list at least two options, one on each line` },
      { field: `sections-3-questions-${draft.sections[3]!.questions.length - 1}-required`, message: expect.stringContaining('cannot be required') },
    ]);
  });

  it('says when a question that carries the overall grade is made something else', () => {
    const draft = draftFromVersion(journey);
    const i = journey.sections.findIndex((s) => s.questions.some((q) => q.meaning === 'overall-grade'));
    const j = journey.sections[i]!.questions.findIndex((q) => q.meaning === 'overall-grade');
    draft.sections[i]!.questions[j]!.type = 'text';
    const result = publishBodyFromDraft(draft, journey);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: `sections-${i}-questions-${j}-type`, message: `Only a grade question can be the overall grade (question ${j + 1} in section ${i + 1})` }]);
  });

  it('places schema problems on the field that fixes them', () => {
    expect(draftFieldFor('sections.2.questions.0.options.1.label')).toBe('sections-2-questions-0-options');
    expect(draftFieldFor('sections.1.guidance.3')).toBe('sections-1-guidance');
    expect(draftFieldFor('sections.1.questions')).toBe('sections-1-title');
    expect(draftFieldFor('name')).toBe('name');
    expect(draftFieldFor('sections')).toBe('form');
  });

  it('makes option values that start with a letter and do not repeat', () => {
    expect(optionValueFor('Yes, often', new Set())).toBe('yes-often');
    expect(optionValueFor('Yes, often', new Set(['yes-often']))).toBe('yes-often-2');
    expect(optionValueFor('¿?', new Set())).toBe('option');
  });
});
