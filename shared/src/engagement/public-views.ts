/**
 * What the public area reads: the authority's page (name, colours, duty number, activities
 * open to anyone) and, within a session, the form, the answers so far and the help to show.
 */
import type { Answers } from '../templates/answer-schemas.ts';
import type { ActivityType, EngagementActivity } from './activity-schemas.ts';
import type { Audience, FormPresentation } from './audiences.ts';
import { DEFAULT_LANGUAGE, type EngagementLanguage } from './languages.ts';
import type { LocalisedForm } from './localised-form.ts';
import type { ResponseState } from './response-schemas.ts';
import { SAFETY_HELP } from './safety.ts';

export interface PublicAuthority {
  slug: string;
  name: string;
  primaryColour: string;
  accentColour: string;
  dutyPhone: string;
  languages: readonly EngagementLanguage[];
}

export interface PublicActivity {
  id: string;
  type: ActivityType;
  title: string;
  /** The language the title is written in: the one asked for, or `en` where the activity has no translation. */
  titleLanguage: EngagementLanguage;
  description?: string;
  /** As `titleLanguage`, for the description; a translation without one shows the English. */
  descriptionLanguage?: EngagementLanguage;
  audience: Audience;
  closesOn?: string;
}

/** `GET /v1/public/{slug}` */
export interface PublicAuthorityPage extends PublicAuthority {
  /** Open activities with a public link: anyone may answer these without a code. */
  openActivities: PublicActivity[];
}

export interface SafetyHelp {
  emergency: typeof SAFETY_HELP.emergency;
  childline: typeof SAFETY_HELP.childline;
  dutyPhone: string;
}

/** `GET /v1/public/{slug}/response` */
export interface PublicResponseView {
  authority: PublicAuthority;
  activity: PublicActivity;
  presentation: FormPresentation;
  form: LocalisedForm;
  response: { id: string; state: ResponseState; answers: Answers; submittedAt: string | null; language: EngagementLanguage };
  /** True once anything in the response is worrying: show `help` on every page from now on. */
  showHelp: boolean;
  help: SafetyHelp;
}

export function safetyHelp(dutyPhone: string): SafetyHelp {
  return { ...SAFETY_HELP, dutyPhone };
}

/** An activity in one language: its translated title and description where it has them, English otherwise (easy-read included). */
export function publicActivity(activity: EngagementActivity, language: EngagementLanguage): PublicActivity {
  const translated = language === 'en' ? undefined : activity.translations?.[language];
  const titleLanguage = translated ? language : DEFAULT_LANGUAGE;
  const description = translated?.description ?? activity.description;
  const descriptionLanguage = translated?.description ? language : DEFAULT_LANGUAGE;
  return {
    id: activity.id,
    type: activity.type,
    title: translated?.title ?? activity.title,
    titleLanguage,
    ...(description ? { description, descriptionLanguage } : {}),
    audience: activity.audience,
    ...(activity.closesOn ? { closesOn: activity.closesOn } : {}),
  };
}
