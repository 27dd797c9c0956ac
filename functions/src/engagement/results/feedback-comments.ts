/**
 * The free text of sent responses as the comments page lists it: one comment per non-empty
 * text answer, with its question. Actions raised from feedback use the same rule, so an
 * action can only be raised from a comment staff could already read.
 */
import type { FeedbackComment } from '@waypoint/shared/engagement/results/result-schemas';
import type { TemplateDefinition } from '@waypoint/shared/templates/template-schemas';
import type { TaggedFeedback } from './results-store.ts';

export interface CommentQuestion {
  sectionId: string;
  questionId: string;
  question: string;
}

/** The form's free-text questions, in the form's order. */
export function commentQuestions(form: Pick<TemplateDefinition, 'sections'>): CommentQuestion[] {
  return form.sections.flatMap((s) => s.questions.filter((q) => q.type === 'text').map((q) => ({ sectionId: s.id, questionId: q.id, question: q.label })));
}

/** A response's comments: its non-empty answers to those questions. */
export function commentsOf(response: Pick<TaggedFeedback, 'id' | 'answers' | 'themes'>, questions: readonly CommentQuestion[]): FeedbackComment[] {
  const comments: FeedbackComment[] = [];
  for (const q of questions) {
    const text = response.answers[q.sectionId]?.[q.questionId];
    if (typeof text === 'string' && text.trim()) comments.push({ responseId: response.id, ...q, text, themes: response.themes ?? [] });
  }
  return comments;
}
