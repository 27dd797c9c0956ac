/**
 * Engagement results from sent responses, as pure arithmetic: counts per answer for every
 * choice item, the share of "yes" among the three points, each round's figures for the
 * trend, and theme counts. A group of fewer than 5 responses shows no figure at all.
 */
import { describeShown, SUPPRESSION_THRESHOLD, type Shown } from '../../reporting/small-numbers.ts';
import type { TemplateVersion } from '../../templates/template-schemas.ts';
import { FEEDBACK_ITEM_VALUES, FEEDBACK_POINTS, type FeedbackItemValue } from '../feedback-points.ts';
import type { FeedbackResponse } from '../response-schemas.ts';
import type { FormResults, ItemResult, RoundResult } from './result-schemas.ts';

/** A sent response with the themes staff tagged it with. */
export type TaggedResponse = Pick<FeedbackResponse, 'answers' | 'activityId'> & { themes?: string[] };

export interface Round {
  activityId: string;
  title: string;
  opensOn: string;
  responses: TaggedResponse[];
}

const NOT_ANSWERED_LABELS: Record<string, string> = { 'dont-know': 'Don’t know', 'rather-not-say': 'Rather not say' };
const WITHHELD: Shown = { value: null, suppressed: true };

export const shown = (n: number): Shown => (n < SUPPRESSION_THRESHOLD ? WITHHELD : { value: n, suppressed: false });
export const shownText = (s: Shown) => describeShown(s);

/** The choice items a form asks, with their labels and the labels of their points. */
export function choiceItems(form: Pick<TemplateVersion, 'sections'>) {
  return form.sections.flatMap((section) =>
    section.questions
      .filter((q) => q.type === 'choice' && (q.options ?? []).some((o) => o.value === 'yes'))
      .map((q) => ({
        sectionId: section.id,
        questionId: q.id,
        key: `${section.id}.${q.id}`,
        label: q.label,
        labels: Object.fromEntries((q.options ?? []).map((o) => [o.value, NOT_ANSWERED_LABELS[o.value] ?? o.label])) as Record<string, string>,
      })),
  );
}

function countItem(responses: TaggedResponse[], sectionId: string, questionId: string): Record<FeedbackItemValue, number> {
  const counts = Object.fromEntries(FEEDBACK_ITEM_VALUES.map((value) => [value, 0])) as Record<FeedbackItemValue, number>;
  for (const r of responses) {
    const answer = r.answers[sectionId]?.[questionId];
    if (typeof answer === 'string' && answer in counts) counts[answer as FeedbackItemValue] += 1;
  }
  return counts;
}

/** Whole per cent of the three points that were "yes"; null with no points answered. */
export function positivePercent(counts: Record<FeedbackItemValue, number>): number | null {
  const points = FEEDBACK_POINTS.reduce((sum, p) => sum + counts[p], 0);
  return points === 0 ? null : Math.round((counts.yes / points) * 100);
}

function itemResult(item: ReturnType<typeof choiceItems>[number], responses: TaggedResponse[], withheld: boolean): ItemResult {
  const counts = countItem(responses, item.sectionId, item.questionId);
  const answered = FEEDBACK_ITEM_VALUES.reduce((sum, value) => sum + counts[value], 0);
  return {
    sectionId: item.sectionId,
    questionId: item.questionId,
    label: item.label,
    // Within a group of 5 or more, each answer's count is shown: they are answers, not groups of children.
    counts: FEEDBACK_ITEM_VALUES.map((value) => ({ value, label: item.labels[value] ?? value, count: withheld ? WITHHELD : { value: counts[value], suppressed: false } })),
    answered: withheld ? WITHHELD : { value: answered, suppressed: false },
    positivePercent: withheld ? null : positivePercent(counts),
  };
}

function roundResult(round: Round, items: ReturnType<typeof choiceItems>): RoundResult {
  const withheld = round.responses.length < SUPPRESSION_THRESHOLD;
  return {
    activityId: round.activityId,
    title: round.title,
    opensOn: round.opensOn,
    responses: shown(round.responses.length),
    positive: Object.fromEntries(items.map((item) => [item.key, withheld ? null : positivePercent(countItem(round.responses, item.sectionId, item.questionId))])),
  };
}

/**
 * How many responses were tagged with each theme; a count under 5 reads "fewer than 5".
 * A response may carry several themes, so there is no total to work a hidden count back
 * from, and each count is judged alone (none at all is shown as 0: it points at no one).
 */
export function themeCounts(responses: TaggedResponse[], themes: readonly string[]): { theme: string; count: Shown }[] {
  return themes.map((theme) => {
    const n = responses.filter((r) => (r.themes ?? []).includes(theme)).length;
    return { theme, count: n === 0 ? { value: 0, suppressed: false } : shown(n) };
  });
}

/** One form's results over its rounds (oldest first); the form version gives the items and their words. */
export function formResults(form: Pick<TemplateVersion, 'templateId' | 'name' | 'sections'>, rounds: Round[], themes: readonly string[]): FormResults {
  const responses = rounds.flatMap((r) => r.responses);
  const withheld = responses.length < SUPPRESSION_THRESHOLD;
  const items = choiceItems(form);
  return {
    templateId: form.templateId,
    formName: form.name,
    responses: shown(responses.length),
    withheld,
    items: items.map((item) => itemResult(item, responses, withheld)),
    rounds: [...rounds].sort((a, b) => a.opensOn.localeCompare(b.opensOn) || a.activityId.localeCompare(b.activityId)).map((r) => roundResult(r, items)),
    themes: withheld ? themes.map((theme) => ({ theme, count: WITHHELD })) : themeCounts(responses, themes),
  };
}
