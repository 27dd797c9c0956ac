/**
 * The editor's buttons: add, move up, move down and remove sections and questions. Each
 * posts the whole draft with one operation named in its value; the result says where the
 * page should land next.
 */
import { questionAnchor, sectionAnchor, type DraftQuestion, type DraftSection, type TemplateDraft } from './template-draft.ts';

export type DraftOperation = { kind: 'add-section' } | { kind: 'section-up' | 'section-down' | 'section-remove' | 'add-question'; section: number } | { kind: 'question-up' | 'question-down' | 'question-remove'; section: number; question: number };

/** `question-up:2:0` → the operation; anything else is no operation at all. */
export function parseOperation(raw: unknown): DraftOperation | null {
  if (typeof raw !== 'string') return null;
  if (raw === 'add-section') return { kind: 'add-section' };
  const section = raw.match(/^(section-up|section-down|section-remove|add-question):(\d{1,2})$/);
  if (section) return { kind: section[1] as 'section-up', section: Number(section[2]) };
  const question = raw.match(/^(question-up|question-down|question-remove):(\d{1,2}):(\d{1,2})$/);
  if (question) return { kind: question[1] as 'question-up', section: Number(question[2]), question: Number(question[3]) };
  return null;
}

/** The button value for an operation, the inverse of `parseOperation`. */
export function operationValue(op: DraftOperation): string {
  if (op.kind === 'add-section') return op.kind;
  if ('question' in op) return `${op.kind}:${op.section}:${op.question}`;
  return `${op.kind}:${op.section}`;
}

/** A new id not yet used among `taken`: `question-3`, say. Ids never change once given, so answers stay keyed. */
function freshId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

function newQuestion(section: DraftSection): DraftQuestion {
  return {
    id: freshId(
      'question',
      section.questions.map((q) => q.id),
    ),
    label: '',
    hint: '',
    type: 'text',
    required: false,
    options: '',
  };
}

function swap<T>(items: T[], a: number, b: number): T[] {
  if (a < 0 || b < 0 || a >= items.length || b >= items.length) return items;
  const copy = [...items];
  [copy[a], copy[b]] = [copy[b]!, copy[a]!];
  return copy;
}

export interface OperationResult {
  draft: TemplateDraft;
  /** The id of the element to land on, and the section to show open. */
  anchor: string;
  openSection: number | null;
}

export function applyOperation(draft: TemplateDraft, op: DraftOperation): OperationResult {
  const sections = draft.sections;
  const withSections = (next: DraftSection[]) => ({ ...draft, sections: next });
  switch (op.kind) {
    case 'add-section': {
      const section: DraftSection = {
        id: freshId(
          'section',
          sections.map((s) => s.id),
        ),
        title: '',
        guidance: '',
        questions: [],
      };
      section.questions.push(newQuestion(section));
      const i = sections.length;
      return { draft: withSections([...sections, section]), anchor: sectionAnchor(i), openSection: i };
    }
    case 'section-up':
    case 'section-down': {
      const to = op.kind === 'section-up' ? op.section - 1 : op.section + 1;
      const moved = swap(sections, op.section, to);
      const at = moved === sections ? op.section : to;
      return { draft: withSections(moved), anchor: sectionAnchor(at), openSection: null };
    }
    case 'section-remove': {
      const next = sections.filter((_, i) => i !== op.section);
      return { draft: withSections(next), anchor: next.length ? sectionAnchor(Math.min(op.section, next.length - 1)) : 'sections', openSection: null };
    }
    case 'add-question': {
      const section = sections[op.section];
      if (!section) return { draft, anchor: 'sections', openSection: null };
      const j = section.questions.length;
      const next = sections.map((s, i) => (i === op.section ? { ...s, questions: [...s.questions, newQuestion(s)] } : s));
      return { draft: withSections(next), anchor: questionAnchor(op.section, j), openSection: op.section };
    }
    case 'question-up':
    case 'question-down':
    case 'question-remove': {
      const section = sections[op.section];
      if (!section) return { draft, anchor: 'sections', openSection: null };
      let questions = section.questions;
      let at: number;
      if (op.kind === 'question-remove') {
        questions = questions.filter((_, j) => j !== op.question);
        at = Math.min(op.question, questions.length - 1);
      } else {
        const to = op.kind === 'question-up' ? op.question - 1 : op.question + 1;
        const moved = swap(questions, op.question, to);
        at = moved === questions ? op.question : to;
        questions = moved;
      }
      const next = sections.map((s, i) => (i === op.section ? { ...s, questions } : s));
      return { draft: withSections(next), anchor: at >= 0 ? questionAnchor(op.section, at) : sectionAnchor(op.section), openSection: op.section };
    }
  }
}
