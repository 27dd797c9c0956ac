/**
 * "You said, we did": short entries staff publish on the authority's public page, saying
 * what families told us, what changed and when, in English and any other language the
 * authority provides. Families read them without a code.
 */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { IsoDate } from '../audits/audit-dates.ts';
import { EntityId } from '../cases/case-schemas.ts';

/** Languages an entry may be given in besides English (the public area's other languages). */
export const ENTRY_TRANSLATION_LANGUAGES = ['cy', 'easy', 'pl', 'ur'] as const;
export type EntryTranslationLanguage = (typeof ENTRY_TRANSLATION_LANGUAGES)[number];

const Words = (what: string) => Text({ max: 600, required: `Say ${what}`, lines: 'many' });
const EntryText = v.strictObject({ heard: Words('what we heard'), did: Words('what we did') });

export const PublishEntryBody = v.strictObject({
  heard: Words('what we heard'),
  did: Words('what we did'),
  /** When it was done (a London date, not in the future). */
  doneOn: IsoDate,
  translations: v.optional(v.strictObject(Object.fromEntries(ENTRY_TRANSLATION_LANGUAGES.map((l) => [l, v.optional(EntryText)])) as Record<EntryTranslationLanguage, v.OptionalSchema<typeof EntryText, undefined>>)),
});
export type PublishEntryBody = v.InferOutput<typeof PublishEntryBody>;

export const EntryId = EntityId;

export interface YouSaidWeDidEntry extends PublishEntryBody {
  id: string;
  publishedBy: string;
  publishedAt: string;
}

/** What the public page shows: one language's words, English where none were given. */
export interface PublicEntry {
  id: string;
  heard: string;
  did: string;
  doneOn: string;
  /** The language the words are in (`en` when the asked-for one was not given). */
  language: string;
}

export function publicEntry(entry: YouSaidWeDidEntry, lang: string): PublicEntry {
  const t = (entry.translations as Record<string, { heard: string; did: string } | undefined> | undefined)?.[lang];
  return t ? { id: entry.id, heard: t.heard, did: t.did, doneOn: entry.doneOn, language: lang } : { id: entry.id, heard: entry.heard, did: entry.did, doneOn: entry.doneOn, language: 'en' };
}
