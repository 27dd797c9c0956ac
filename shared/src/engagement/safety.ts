/**
 * Staying safe: what in a response means the child, young person or adult may not be safe.
 * Either the "I feel safe" item answered with the worst point, or free text containing a
 * worrying phrase from the maintained list (in any language) or the authority's own.
 */
import type { Answers } from '../templates/answer-schemas.ts';
import type { TemplateDefinition } from '../templates/template-schemas.ts';
import { WORST_POINT } from './feedback-points.ts';
import { ENGAGEMENT_LANGUAGES, type EngagementLanguage } from './languages.ts';
import { WORRYING_PHRASES } from './safety-phrases.ts';

/** Where to get help now; the authority's duty number comes from its settings. */
export const SAFETY_HELP = { emergency: '999', childline: '0800 1111' } as const;

export const SAFETY_REASON_KINDS = ['feels-unsafe', 'worrying-words'] as const;
export type SafetyReasonKind = (typeof SAFETY_REASON_KINDS)[number];
export const SAFETY_REASON_LABELS: Record<SafetyReasonKind, string> = {
  'feels-unsafe': 'Said they do not feel safe',
  'worrying-words': 'Wrote words that may mean they are not safe',
};

export interface SafetyReason {
  kind: SafetyReasonKind;
  sectionId: string;
  questionId: string;
  /** For worrying words: the phrase found, as listed, and the list it came from. */
  phrase?: string;
  phraseLanguage?: EngagementLanguage;
}

/** An authority's own phrases, per language, from its settings. */
export type ExtraPhrases = Partial<Record<EngagementLanguage, readonly string[]>>;

/**
 * Text reduced to what matters for matching: lower case, accents and apostrophes dropped
 * (so "teimlo’n" and "teimlon", "don't" and "dont" match), anything else a single space.
 */
export function normaliseForMatching(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

interface PreparedPhrase {
  phrase: string;
  language: EngagementLanguage;
  normalised: string;
}

function prepare(extra: ExtraPhrases): PreparedPhrase[] {
  return ENGAGEMENT_LANGUAGES.flatMap((language) => [...WORRYING_PHRASES[language], ...(extra[language] ?? [])].map((phrase) => ({ phrase, language, normalised: normaliseForMatching(phrase) })).filter((p) => p.normalised.trim().length > 0));
}

/** The first listed phrase found as whole words in `text`, from any language's list. */
export function findWorryingPhrase(text: string, extra: ExtraPhrases = {}): { phrase: string; language: EngagementLanguage } | null {
  const haystack = normaliseForMatching(text);
  const found = prepare(extra).find((p) => haystack.includes(p.normalised));
  return found ? { phrase: found.phrase, language: found.language } : null;
}

/** Every reason for concern in `answers`, in form order. */
export function safetyReasons(form: Pick<TemplateDefinition, 'sections'>, answers: Answers, extra: ExtraPhrases = {}): SafetyReason[] {
  const phrases = prepare(extra);
  const reasons: SafetyReason[] = [];
  for (const section of form.sections) {
    for (const question of section.questions) {
      const value = answers[section.id]?.[question.id];
      if (question.meaning === 'feels-safe' && value === WORST_POINT) reasons.push({ kind: 'feels-unsafe', sectionId: section.id, questionId: question.id });
      if (question.type === 'text' && typeof value === 'string') {
        const haystack = normaliseForMatching(value);
        const found = phrases.find((p) => haystack.includes(p.normalised));
        if (found) reasons.push({ kind: 'worrying-words', sectionId: section.id, questionId: question.id, phrase: found.phrase, phraseLanguage: found.language });
      }
    }
  }
  return reasons;
}

/** Stable per reason and place, so the same worry is alerted once however often it is saved. */
export function safetyReasonKey(reason: Pick<SafetyReason, 'kind' | 'sectionId' | 'questionId'>): string {
  return `${reason.kind}:${reason.sectionId}.${reason.questionId}`;
}
