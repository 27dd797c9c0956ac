/** The languages the public engagement area speaks: English and Welsh (Cymraeg). */
import * as v from 'valibot';
import { CONTENT_LANGUAGES, isContentLanguage, type ContentLanguage } from '../templates/template-translations.ts';

export const ENGAGEMENT_LANGUAGES = CONTENT_LANGUAGES;
export type EngagementLanguage = ContentLanguage;
export const DEFAULT_LANGUAGE: EngagementLanguage = 'en';
export const isEngagementLanguage = isContentLanguage;
export const LanguageValue = v.picklist(ENGAGEMENT_LANGUAGES, 'Use en or cy');
