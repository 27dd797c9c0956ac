/**
 * What staff ask of engagement results (filters, themes, tags) and what they get back:
 * answer counts per item with the two ways not to answer, trends between rounds, and
 * counts of the themes staff tagged free text with, every figure under 5 withheld.
 */
import * as v from 'valibot';
import { Text } from '../../text/text-schemas.ts';
import { IsoDate } from '../../audits/audit-dates.ts';
import { CASE_TYPES, EntityId } from '../../cases/case-schemas.ts';
import type { Shown } from '../../reporting/small-numbers.ts';
import { AudienceValue } from '../audiences.ts';
import type { FeedbackItemValue } from '../feedback-points.ts';

export const ResultsQuery = v.object({
  /** Responses sent on or after this London date. */
  from: v.optional(IsoDate),
  /** Responses sent on or before this London date. */
  to: v.optional(IsoDate),
  audience: v.optional(AudienceValue),
  team: v.optional(EntityId),
  caseType: v.optional(v.picklist(CASE_TYPES)),
});
export type ResultsQuery = v.InferOutput<typeof ResultsQuery>;

const Theme = Text({ max: 60, required: 'Name the theme' });

/** The authority's own list of themes, replaced whole. */
export const PutThemesBody = v.strictObject({
  themes: v.pipe(
    v.array(Theme),
    v.maxLength(40, 'Use at most 40 themes'),
    v.check((list) => new Set(list.map((t) => t.toLowerCase())).size === list.length, 'Each theme once'),
  ),
});
export type PutThemesBody = v.InferOutput<typeof PutThemesBody>;

/** The themes one response's free text was tagged with, replaced whole. */
export const TagResponseBody = v.strictObject({ themes: v.pipe(v.array(Theme), v.maxLength(10, 'Use at most 10 themes')) });
export type TagResponseBody = v.InferOutput<typeof TagResponseBody>;

export interface ThemeList {
  themes: string[];
  version: number;
}

export interface ItemResult {
  sectionId: string;
  questionId: string;
  label: string;
  /** One per value, best point first, then "don't know" and "rather not say". */
  counts: { value: FeedbackItemValue; label: string; count: Shown }[];
  /** Responses that answered this item at all. */
  answered: Shown;
  /** Share of the three points that were "yes", whole per cent; null when withheld or none. */
  positivePercent: number | null;
}

export interface RoundResult {
  activityId: string;
  title: string;
  opensOn: string;
  responses: Shown;
  /** Per item (`section.question`): per cent "yes" of the points, null when withheld. */
  positive: Record<string, number | null>;
}

export interface FormResults {
  templateId: string;
  formName: string;
  responses: Shown;
  /** True when fewer than 5 responses: no figure is shown for this group. */
  withheld: boolean;
  items: ItemResult[];
  /** Oldest round first: each activity using this form, for the trend between rounds. */
  rounds: RoundResult[];
  themes: { theme: string; count: Shown }[];
}

export interface ResultsView {
  filters: ResultsQuery;
  /** The activities counted, newest first. */
  activities: { id: string; title: string; opensOn: string }[];
  forms: FormResults[];
}

/** A free-text answer for staff to read and tag; no dates or codes, so it stays anonymous. */
export interface FeedbackComment {
  responseId: string;
  sectionId: string;
  questionId: string;
  question: string;
  text: string;
  themes: string[];
}
