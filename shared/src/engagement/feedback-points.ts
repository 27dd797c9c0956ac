/**
 * The answers every feedback item offers: three points (yes, partly, no), and two ways
 * not to answer ("I don't know", "I'd rather not say") that are always allowed. Each
 * question words the points its own way; the stored values are these.
 */

/** Best first. */
export const FEEDBACK_POINTS = ['yes', 'partly', 'no'] as const;
export type FeedbackPoint = (typeof FEEDBACK_POINTS)[number];

/** Never counted as a point; shown beside the scale on every item. */
export const NOT_ANSWERED_VALUES = ['dont-know', 'rather-not-say'] as const;
export type NotAnsweredValue = (typeof NOT_ANSWERED_VALUES)[number];

export const FEEDBACK_ITEM_VALUES = [...FEEDBACK_POINTS, ...NOT_ANSWERED_VALUES] as const;
export type FeedbackItemValue = (typeof FEEDBACK_ITEM_VALUES)[number];

/** The worst point: on the "I feel safe" item it means "I don't feel safe". */
export const WORST_POINT: FeedbackPoint = 'no';

export const FACES = ['happy', 'in-between', 'sad'] as const;
export type Face = (typeof FACES)[number];

/** The face drawn beside each point for the youngest children. */
export const FACE_FOR_POINT: Record<FeedbackPoint, Face> = { yes: 'happy', partly: 'in-between', no: 'sad' };

export function isFeedbackPoint(value: unknown): value is FeedbackPoint {
  return typeof value === 'string' && (FEEDBACK_POINTS as readonly string[]).includes(value);
}

export function isNotAnswered(value: unknown): value is NotAnsweredValue {
  return typeof value === 'string' && (NOT_ANSWERED_VALUES as readonly string[]).includes(value);
}
