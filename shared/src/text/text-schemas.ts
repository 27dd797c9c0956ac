/**
 * The one building block for text people type, used by every schema that takes some: names,
 * titles, notes, reasons, answers, translations. It refuses what no keyboard produces and
 * what would break a page or a store further on, and names the field that held it:
 *
 * - control characters such as NUL (tab, line feed and carriage return only where the text
 *   may run over several lines), which DynamoDB stores but pages, emails and CSV mangle;
 * - lone UTF-16 surrogates, half a character, which cannot be encoded as UTF-8 on the way out.
 *
 * Direction controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) are
 * removed rather than refused: they are invisible, so someone pasting text could not find
 * them to delete, and an override left open would reverse the words around the text wherever
 * it is shown (a public page, an email, a spreadsheet). Mixed right-to-left and left-to-right
 * writing lays itself out without them; the marks U+200E, U+200F and U+061C are kept.
 */
import * as v from 'valibot';

export interface TextRules {
  /** The most characters, counted after trimming. */
  max: number;
  /** What to say when it is left empty; without it, empty text is allowed. */
  required?: string;
  /** Whether line breaks and tabs are allowed: only in text written as paragraphs. */
  lines?: 'one' | 'many';
  /** What to say when it is too long; "Use at most <max> characters" otherwise. */
  tooLong?: string;
  /** What to say when the value is not text at all. */
  notText?: string;
}

const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Control characters other than tab, line feed and carriage return (C0, DEL and C1). */
const HIDDEN_CONTROLS = /[^\P{Cc}\t\n\r]/u;
const LINE_BREAKS = /[\t\n\r]/;
/** With the u flag a surrogate matches only when it is not half of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

export const TEXT_MESSAGES = {
  hidden: 'Remove the hidden control characters (they can come with copied text)',
  broken: 'Contains a broken character; type it again',
  oneLine: 'Keep it on one line',
} as const;

/** Removes direction controls, for text that did not come through a schema (older records, files). */
export function withoutDirectionControls(text: string): string {
  return text.replace(DIRECTION_CONTROLS, '');
}

export function Text(rules: TextRules) {
  const tooLong = rules.tooLong ?? `Use at most ${rules.max} characters`;
  const checked = v.pipe(
    v.string(rules.notText),
    v.check((s) => !LONE_SURROGATE.test(s), TEXT_MESSAGES.broken),
    v.check((s) => !HIDDEN_CONTROLS.test(s), TEXT_MESSAGES.hidden),
    v.trim(),
    v.check((s) => rules.lines === 'many' || !LINE_BREAKS.test(s), TEXT_MESSAGES.oneLine),
  );
  // Direction controls go last, so the API description still shows the lengths (it stops at a
  // transform); text that was nothing but controls is then empty, and checked again.
  const withoutControls = [v.transform(withoutDirectionControls), v.trim()] as const;
  return rules.required ? v.pipe(checked, v.minLength(1, rules.required), v.maxLength(rules.max, tooLong), ...withoutControls, v.minLength(1, rules.required)) : v.pipe(checked, v.maxLength(rules.max, tooLong), ...withoutControls);
}
