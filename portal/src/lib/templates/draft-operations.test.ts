import { describe, expect, it } from 'vitest';
import { applyOperation, operationValue, parseOperation } from './draft-operations.ts';
import type { TemplateDraft } from './template-draft.ts';

const q = (id: string) => ({ id, label: id, hint: '', type: 'text', required: false, options: '' });
const draft: TemplateDraft = {
  baseVersion: 2,
  name: 'Audit',
  description: 'An audit',
  sections: [
    { id: 'one', title: 'One', guidance: '', questions: [q('a'), q('b'), q('c')] },
    { id: 'two', title: 'Two', guidance: '', questions: [q('d')] },
  ],
};

describe('the editor’s operations', () => {
  it('reads only the operations it knows from a button’s value', () => {
    expect(parseOperation('question-up:1:2')).toEqual({ kind: 'question-up', section: 1, question: 2 });
    expect(parseOperation('section-remove:0')).toEqual({ kind: 'section-remove', section: 0 });
    expect(parseOperation('add-section')).toEqual({ kind: 'add-section' });
    expect(parseOperation('drop-table:1')).toBeNull();
    expect(parseOperation(undefined)).toBeNull();
    expect(operationValue({ kind: 'question-down', section: 0, question: 1 })).toBe('question-down:0:1');
  });

  it('moves a question up and lands on it in its new place', () => {
    const result = applyOperation(draft, { kind: 'question-up', section: 0, question: 2 });
    expect(result.draft.sections[0]!.questions.map((x) => x.id)).toEqual(['a', 'c', 'b']);
    expect(result.anchor).toBe('section-0-question-1');
    expect(result.openSection).toBe(0);
  });

  it('leaves the first question where it is when asked to move it up', () => {
    const result = applyOperation(draft, { kind: 'question-up', section: 0, question: 0 });
    expect(result.draft.sections[0]!.questions.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(result.anchor).toBe('section-0-question-0');
  });

  it('moves a section down', () => {
    const result = applyOperation(draft, { kind: 'section-down', section: 0 });
    expect(result.draft.sections.map((s) => s.id)).toEqual(['two', 'one']);
    expect(result.anchor).toBe('section-1');
  });

  it('removes a question and a section', () => {
    expect(applyOperation(draft, { kind: 'question-remove', section: 0, question: 1 }).draft.sections[0]!.questions.map((x) => x.id)).toEqual(['a', 'c']);
    expect(applyOperation(draft, { kind: 'section-remove', section: 0 }).draft.sections.map((s) => s.id)).toEqual(['two']);
  });

  it('adds a question with a fresh id, and a section with one empty question to fill in', () => {
    const added = applyOperation(draft, { kind: 'add-question', section: 1 });
    expect(added.draft.sections[1]!.questions.map((x) => x.id)).toEqual(['d', 'question-2']);
    expect(added.anchor).toBe('section-1-question-1');
    const section = applyOperation(draft, { kind: 'add-section' });
    expect(section.draft.sections[2]).toMatchObject({ id: 'section-3', title: '', questions: [{ id: 'question-1', type: 'text' }] });
    expect(section.openSection).toBe(2);
  });

  it('never changes the draft it was given', () => {
    applyOperation(draft, { kind: 'question-remove', section: 0, question: 0 });
    expect(draft.sections[0]!.questions).toHaveLength(3);
  });
});
