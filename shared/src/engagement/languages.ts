/** The languages the public engagement area speaks: English, Welsh, Polish, Urdu and easy-read English. */
import * as v from 'valibot';
import { CONTENT_LANGUAGES, isContentLanguage, type ContentLanguage } from '../templates/template-translations.ts';

export const ENGAGEMENT_LANGUAGES = CONTENT_LANGUAGES;
export type EngagementLanguage = ContentLanguage;
export const DEFAULT_LANGUAGE: EngagementLanguage = 'en';
export const isEngagementLanguage = isContentLanguage;
export const LanguageValue = v.picklist(ENGAGEMENT_LANGUAGES, 'Use en, cy, pl, ur or easy');

/** The value of `<html lang>` for a language: easy-read is English. */
export function htmlLang(language: EngagementLanguage): string {
  return language === 'easy' ? 'en' : language;
}

/** Languages written right to left. */
export function isRightToLeft(language: EngagementLanguage): boolean {
  return language === 'ur';
}
