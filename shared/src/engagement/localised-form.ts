/**
 * A feedback form as the public area shows it: one language's text (English where a
 * translation is missing), only what a page needs, and the face for each point.
 */
import { textIn } from '../templates/template-translations.ts';
import type { TemplateVersion } from '../templates/template-schemas.ts';
import { FACE_FOR_POINT, isFeedbackPoint, type Face } from './feedback-points.ts';
import type { EngagementLanguage } from './languages.ts';
import { FREE_TEXT_MAX } from './response-schemas.ts';

export interface LocalisedOption {
  value: string;
  label: string;
  /** Set on the three points; drawn when the form's presentation asks for faces. */
  face?: Face;
}

export interface LocalisedQuestion {
  id: string;
  label: string;
  hint?: string;
  type: 'choice' | 'text';
  options?: LocalisedOption[];
  /** Free text only: the most characters accepted. */
  maxLength?: number;
}

export interface LocalisedSection {
  id: string;
  title: string;
  questions: LocalisedQuestion[];
}

export interface LocalisedForm {
  templateId: string;
  version: number;
  language: EngagementLanguage;
  name: string;
  /** The language the name is in: `language`, or `en` where the form has no translation of it. */
  nameLanguage: EngagementLanguage;
  description: string;
  /** As `nameLanguage`, for the description. */
  descriptionLanguage: EngagementLanguage;
  sections: LocalisedSection[];
}

/** Which language `textIn` will give: the one asked for where the form has that text, else English. */
function languageOf(form: TemplateVersion, field: 'name' | 'description', language: EngagementLanguage): EngagementLanguage {
  return language !== 'en' && form.translations?.[language]?.[field] ? language : 'en';
}

export function localiseForm(form: TemplateVersion, language: EngagementLanguage): LocalisedForm {
  return {
    templateId: form.templateId,
    version: form.version,
    language,
    name: textIn(form, 'name', language),
    nameLanguage: languageOf(form, 'name', language),
    description: textIn(form, 'description', language),
    descriptionLanguage: languageOf(form, 'description', language),
    sections: form.sections.map((section) => ({
      id: section.id,
      title: textIn(section, 'title', language),
      questions: section.questions
        .filter((q) => q.type === 'choice' || q.type === 'text')
        .map((question): LocalisedQuestion => {
          const hint = textIn(question, 'hint', language);
          return {
            id: question.id,
            label: textIn(question, 'label', language),
            ...(hint ? { hint } : {}),
            type: question.type as 'choice' | 'text',
            ...(question.type === 'choice' ? { options: (question.options ?? []).map((o) => ({ value: o.value, label: textIn(o, 'label', language), ...(isFeedbackPoint(o.value) ? { face: FACE_FOR_POINT[o.value] } : {}) })) } : { maxLength: FREE_TEXT_MAX }),
          };
        }),
    })),
  };
}
