/**
 * Templates are data: sections of questions with guidance, stored as immutable numbered
 * versions. Audits pin a version; engagement forms will use the same mechanism.
 */
import * as v from 'valibot';
import { OptionTranslations, QuestionTranslations, SectionTranslations, TemplateText, TemplateTranslations } from './template-translations.ts';

export const TEMPLATE_KINDS = ['audit', 'feedback-form', 'observation', 'review'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const QUESTION_TYPES = ['evidenced', 'grade', 'text', 'date', 'choice', 'flag'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * What an answer means beyond its section, so code never guesses from ids: the audit's
 * overall grade (a `grade` question), a safeguarding concern that alerts the manager and
 * QA at once (a `flag` question), and a feedback form's "I feel safe" item (a `choice`),
 * whose worst answer alerts the duty contact.
 */
export const QUESTION_MEANINGS = ['overall-grade', 'safeguarding-concern', 'feels-safe'] as const;
export type QuestionMeaning = (typeof QUESTION_MEANINGS)[number];

/** "Is this evidenced in the record?" */
export const EVIDENCED_VALUES = ['yes', 'no', 'n-a'] as const;
export type Evidenced = (typeof EVIDENCED_VALUES)[number];
export const EVIDENCED_LABELS: Record<Evidenced, string> = { yes: 'Yes', no: 'No', 'n-a': 'Not applicable' };

/** Template, section and question ids: lower-case start, then letters, digits and hyphens. */
export const TemplateId = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,63}$/, 'Use lower-case letters, digits and hyphens (at most 64)'));
export const PartId = v.pipe(v.string(), v.regex(/^[a-z][A-Za-z0-9-]{0,63}$/, 'Start with a lower-case letter; then letters, digits and hyphens (at most 64)'));
export const TemplateVersionNumber = v.pipe(v.number(), v.integer(), v.minValue(1));

export const ChoiceOption = v.strictObject({ value: PartId, label: TemplateText(200), translations: v.optional(OptionTranslations) });
export type ChoiceOption = v.InferOutput<typeof ChoiceOption>;

export const Question = v.pipe(
  v.strictObject({
    id: PartId,
    label: TemplateText(300),
    hint: v.optional(TemplateText(1000, 'many')),
    type: v.picklist(QUESTION_TYPES),
    required: v.boolean(),
    options: v.optional(v.pipe(v.array(ChoiceOption), v.minLength(2, 'A choice needs at least two options'), v.maxLength(20))),
    meaning: v.optional(v.picklist(QUESTION_MEANINGS)),
    translations: v.optional(QuestionTranslations),
  }),
  v.check((q) => (q.type === 'choice') === (q.options !== undefined), 'Choice questions, and only they, list options'),
  v.check((q) => q.meaning !== 'overall-grade' || q.type === 'grade', 'Only a grade question can be the overall grade'),
  v.check((q) => q.meaning !== 'safeguarding-concern' || q.type === 'flag', 'Only a yes/no flag can raise a safeguarding concern'),
  v.check((q) => q.meaning !== 'feels-safe' || q.type === 'choice', 'Only a choice can be the “I feel safe” item'),
  v.check((q) => !(q.type === 'flag' && q.required), 'A flag is never required: unticked means no'),
);
export type Question = v.InferOutput<typeof Question>;

export const TemplateSection = v.pipe(
  v.strictObject({
    id: PartId,
    title: TemplateText(200),
    /** Prompts shown beside the section: what a good record shows. */
    guidance: v.pipe(v.array(TemplateText(500)), v.maxLength(20)),
    questions: v.pipe(v.array(Question), v.minLength(1, 'A section needs at least one question'), v.maxLength(40)),
    translations: v.optional(SectionTranslations),
  }),
  v.check((s) => new Set(s.questions.map((q) => q.id)).size === s.questions.length, 'Question ids must be unique within a section'),
);
export type TemplateSection = v.InferOutput<typeof TemplateSection>;

/** What every set of sections must satisfy beyond its shape. */
function uniqueSectionIds(t: { sections: TemplateSection[] }): boolean {
  return new Set(t.sections.map((s) => s.id)).size === t.sections.length;
}
function atMostOneOverallGrade(t: { sections: TemplateSection[] }): boolean {
  return t.sections.flatMap((s) => s.questions).filter((q) => q.meaning === 'overall-grade').length <= 1;
}
const UNIQUE_SECTIONS = 'Section ids must be unique';
const ONE_OVERALL = 'At most one question can be the overall grade';

/** The parts of a template an author writes, shared by definitions, new versions and responses. */
export const templateContentEntries = {
  name: TemplateText(120),
  description: TemplateText(1000, 'many'),
  sections: v.pipe(v.array(TemplateSection), v.minLength(1, 'A template needs at least one section'), v.maxLength(30)),
  /** The name and description in other languages (feedback forms); sections and questions carry their own. */
  translations: v.optional(TemplateTranslations),
};

/** What an author writes: everything but the number and publication stamp. */
export const TemplateDefinition = v.pipe(
  v.strictObject({ templateId: TemplateId, kind: v.picklist(TEMPLATE_KINDS), ...templateContentEntries }),
  v.check((t) => uniqueSectionIds(t), UNIQUE_SECTIONS),
  v.check((t) => atMostOneOverallGrade(t), ONE_OVERALL),
);
export type TemplateDefinition = v.InferOutput<typeof TemplateDefinition>;

/** A new version of an existing template: its id and kind never change. */
export const PublishTemplateVersionBody = v.pipe(
  v.strictObject(templateContentEntries),
  v.check((t) => uniqueSectionIds(t), UNIQUE_SECTIONS),
  v.check((t) => atMostOneOverallGrade(t), ONE_OVERALL),
);
export type PublishTemplateVersionBody = v.InferOutput<typeof PublishTemplateVersionBody>;

/** One published, immutable version of a template. */
export interface TemplateVersion extends TemplateDefinition {
  version: number;
  publishedAt: string;
  /** A user id, or `built-in` for the templates Waypoint ships. */
  publishedBy: string;
}

/** The template itself: what it is and its newest version. */
export interface TemplateSummary {
  templateId: string;
  kind: TemplateKind;
  name: string;
  description: string;
  latestVersion: number;
  builtIn: boolean;
  createdAt: string;
  updatedAt: string;
}

export const ListTemplatesQuery = v.object({ kind: v.optional(v.picklist(TEMPLATE_KINDS)) });

/** Every question of a version with its section, in order. */
export function questionsOf(template: Pick<TemplateDefinition, 'sections'>): { section: TemplateSection; question: Question }[] {
  return template.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
}
