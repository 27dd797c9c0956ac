/**
 * What the public area sends and receives: opening a session with a code (or an
 * activity's public link), saving answers as the person goes, and submitting once.
 * Answers are checked against the activity's pinned form, like an audit's.
 */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { answerSchemaFor, type Answers } from '../templates/answer-schemas.ts';
import type { TemplateDefinition } from '../templates/template-schemas.ts';
import { ActivityId } from './activity-schemas.ts';
import { LanguageValue, type EngagementLanguage } from './languages.ts';
import type { SafetyReason } from './safety.ts';

/** The most characters a free-text answer may have in the public area. */
export const FREE_TEXT_MAX = 1000;

/**
 * A field people never see (hidden by the portal) and bots fill in. When it has anything
 * in it the API answers as if all went well and stores nothing.
 */
export const HONEYPOT_FIELD = 'website';
const Honeypot = v.optional(v.pipe(v.string(), v.maxLength(500)));

export function honeypotFilled(body: { website?: string }): boolean {
  return (body.website ?? '').trim() !== '';
}

export const StartSessionBody = v.pipe(
  v.strictObject({
    /** As typed: spaces, hyphens and small letters are fine. */
    code: v.optional(v.pipe(v.string(), v.maxLength(32, 'A code is 8 letters and numbers'))),
    /** Instead of a code: an activity whose public link is on. */
    activityId: v.optional(ActivityId),
    /** The language the person chose; kept with the response. */
    lang: v.optional(LanguageValue),
    website: Honeypot,
  }),
  v.check((b) => (b.code === undefined) !== (b.activityId === undefined), 'Send a code or an activity id, not both'),
);
export type StartSessionBody = v.InferOutput<typeof StartSessionBody>;

export const PublicFormQuery = v.object({ lang: v.optional(LanguageValue) });

function freeTextSchema() {
  return v.pipe(
    Text({ max: FREE_TEXT_MAX, lines: 'many', notText: 'Enter text' }),
    v.transform((s: string) => (s === '' ? null : s)),
  );
}

/**
 * A page's answers: only the form's own questions (anything else is an unknown field),
 * a choice from the question's options, free text up to FREE_TEXT_MAX; `null` or an
 * empty string clears an answer. Questions not named keep their saved answers.
 */
export function publicAnswersPatchSchema(form: Pick<TemplateDefinition, 'sections'>) {
  const sections = Object.fromEntries(
    form.sections.map((section) => {
      const questions = Object.fromEntries(section.questions.filter((q) => q.type === 'choice' || q.type === 'text').map((q) => [q.id, v.optional(v.nullable(q.type === 'text' ? freeTextSchema() : answerSchemaFor(q)))]));
      return [section.id, v.optional(v.strictObject(questions))];
    }),
  );
  return v.strictObject(sections);
}

export function saveAnswersBodyFor(form: Pick<TemplateDefinition, 'sections'>) {
  return v.strictObject({
    answers: publicAnswersPatchSchema(form),
    /** The language the page was answered in, when the person switched since starting. */
    lang: v.optional(LanguageValue),
    website: Honeypot,
  });
}
export type SaveAnswersBody = v.InferOutput<ReturnType<typeof saveAnswersBodyFor>>;

export const SubmitResponseBody = v.strictObject({ website: Honeypot });

export const RESPONSE_STATES = ['draft', 'submitted'] as const;
export type ResponseState = (typeof RESPONSE_STATES)[number];

/** A response as stored: anonymous (no names, no IP, no device); a code links it to a case only through the code. */
export interface FeedbackResponse {
  id: string;
  activityId: string;
  templateId: string;
  templateVersion: number;
  /** The code it was opened with; absent when it came through the public link. */
  codeId?: string;
  language: EngagementLanguage;
  answers: Answers;
  state: ResponseState;
  startedAt: string;
  updatedAt: string;
  submittedAt?: string;
  safety: { flagged: boolean; reasons: SafetyReason[] };
}

/** `POST /v1/public/{slug}/sessions` answers this; send `token` as `Authorization: Bearer <token>`. */
export interface SessionStarted {
  token: string;
  expiresAt: string;
  activityId: string;
  responseId: string;
  /** A single-use code came back to its half-finished response. */
  resumed: boolean;
}

/** After a save or submit: whether to show help now, and the response's state. */
export interface ResponseSaved {
  responseId: string;
  state: ResponseState;
  submittedAt: string | null;
  /** True once anything in the response is worrying; the portal shows the help panel. */
  showHelp: boolean;
  answered: number;
  questions: number;
}
