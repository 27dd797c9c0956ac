/**
 * Work shadowing: a senior or team manager spends time alongside a practitioner's work (a
 * visit, a meeting, a duty shift) with the practitioner's agreement and the family's consent,
 * records what they saw, and both give each other feedback.
 */
import * as v from 'valibot';
import { IsoDate } from '../audits/audit-dates.ts';
import { MeetingTime } from '../audits/audit-meeting.ts';
import { EntityId } from '../cases/case-schemas.ts';
import type { Answers } from '../templates/answer-schemas.ts';
import { Text } from '../text/text-schemas.ts';
import { SHADOWING_THEMES, type ShadowingTheme } from './shadowing-themes.ts';

export const SHADOWED_WORK = ['visit', 'meeting', 'duty-shift'] as const;
export type ShadowedWork = (typeof SHADOWED_WORK)[number];
export const SHADOWED_WORK_LABELS: Record<ShadowedWork, string> = { visit: 'A visit', meeting: 'A meeting', 'duty-shift': 'A duty shift' };

/**
 * Booked `requested`; the practitioner agrees or declines; the person shadowing may cancel
 * before anything is recorded; a family withdrawing consent stops it for good.
 */
export const SHADOWING_STATES = ['requested', 'agreed', 'declined', 'cancelled', 'stopped'] as const;
export type ShadowingState = (typeof SHADOWING_STATES)[number];
export const SHADOWING_STATE_LABELS: Record<ShadowingState, string> = {
  requested: 'Waiting for the practitioner',
  agreed: 'Agreed',
  declined: 'Declined',
  cancelled: 'Cancelled',
  stopped: 'Stopped: consent withdrawn',
};

export const CONSENT_METHODS = ['in-person', 'phone', 'in-writing', 'other'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = { 'in-person': 'In person', phone: 'By phone', 'in-writing': 'In writing', other: 'Another way' };

/** The built-in observation template every shadowing pins (its newest version when booked). */
export const SHADOWING_OBSERVATION_TEMPLATE_ID = 'shadowing-observation';

/** Feedback can be read by the other side once both have written, or this many days after the work. */
export const FEEDBACK_OPENS_AFTER_DAYS = 14;

export const BookShadowingBody = v.strictObject({
  practitionerId: EntityId,
  work: v.picklist(SHADOWED_WORK, 'Choose a visit, a meeting or a duty shift'),
  /** The day of the work: today or later (Europe/London). */
  date: IsoDate,
  time: v.optional(MeetingTime),
  /** What and where, without naming the family. */
  description: Text({ max: 500, required: 'Say what the work is, without naming the family', lines: 'many' }),
});
export type BookShadowingBody = v.InferOutput<typeof BookShadowingBody>;

export const ShadowingAnswerBody = v.strictObject({
  answer: v.picklist(['agree', 'decline'], 'Choose whether you agree'),
  /** Optional: why not. */
  reason: v.optional(Text({ max: 1000, lines: 'many' })),
});
export type ShadowingAnswerBody = v.InferOutput<typeof ShadowingAnswerBody>;

export const CancelShadowingBody = v.strictObject({ reason: v.optional(Text({ max: 1000, lines: 'many' })) });

export const ConsentBody = v.strictObject({
  givenBy: Text({ max: 200, required: 'Say who gave consent (for example “the child’s mother”), not their name' }),
  how: v.picklist(CONSENT_METHODS, 'Choose how consent was given'),
  /** Not in the future. */
  givenOn: IsoDate,
});
export type ConsentBody = v.InferOutput<typeof ConsentBody>;

export const WithdrawConsentBody = v.strictObject({
  how: v.picklist(CONSENT_METHODS, 'Choose how consent was withdrawn'),
  withdrawnOn: IsoDate,
  note: v.optional(Text({ max: 1000, lines: 'many' })),
});
export type WithdrawConsentBody = v.InferOutput<typeof WithdrawConsentBody>;

export const ShadowingTags = v.pipe(
  v.array(v.picklist(SHADOWING_THEMES, 'Choose themes from the list')),
  v.maxLength(SHADOWING_THEMES.length),
  v.check((tags) => new Set(tags).size === tags.length, 'Choose each theme once'),
);

/** From the person shadowing, to the practitioner. */
export const ShadowerFeedbackBody = v.strictObject({
  forPractitioner: Text({ max: 4000, required: 'Write your feedback for the practitioner', lines: 'many' }),
});
/** From the practitioner: about the person who shadowed them, and what leaders should change. */
export const PractitionerFeedbackBody = v.strictObject({
  aboutShadower: Text({ max: 4000, required: 'Write your feedback on the shadowing', lines: 'many' }),
  forLeaders: Text({ max: 4000, required: 'Say what leaders should change', lines: 'many' }),
});

export const ShadowingId = EntityId;

export const LIST_SHADOWING_ROLES = ['shadower', 'practitioner'] as const;
export const ListShadowingQuery = v.strictObject({
  /** Only those where the caller is this side; both when absent. */
  as: v.optional(v.picklist(LIST_SHADOWING_ROLES, 'Choose shadower or practitioner')),
});

export const LearningQuery = v.strictObject({
  months: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'months must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(24))),
});

export interface ShadowingConsent {
  givenBy: string;
  how: ConsentMethod;
  givenOn: string;
  recordedById: string;
  recordedAt: string;
}
export interface ShadowingWithdrawal {
  how: ConsentMethod;
  withdrawnOn: string;
  note?: string;
  recordedById: string;
  recordedAt: string;
}
export interface ShadowingObservation {
  answers: Answers;
  tags: ShadowingTheme[];
  recordedAt: string;
}
export interface ShadowerFeedback {
  forPractitioner: string;
  writtenAt: string;
}
export interface PractitionerFeedback {
  aboutShadower: string;
  forLeaders: string;
  writtenAt: string;
}

export interface Shadowing {
  id: string;
  shadowerId: string;
  practitionerId: string;
  /** The practitioner's team when booked: where actions and reminders go. */
  teamId: string;
  work: ShadowedWork;
  date: string;
  time?: string;
  description: string;
  templateId: string;
  templateVersion: number;
  state: ShadowingState;
  answeredAt?: string;
  declineReason?: string;
  cancelledAt?: string;
  cancelReason?: string;
  consent?: ShadowingConsent;
  withdrawal?: ShadowingWithdrawal;
  observation?: ShadowingObservation;
  shadowerFeedback?: ShadowerFeedback;
  practitionerFeedback?: PractitionerFeedback;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What one of the two people can do to a shadowing; `shadowing-moves.ts` says when. */
export const SHADOWING_MOVES = ['agree', 'decline', 'cancel', 'record-consent', 'withdraw-consent', 'observe', 'give-feedback'] as const;
export type ShadowingMove = (typeof SHADOWING_MOVES)[number];

/** Which side of a shadowing someone is on. */
export type ShadowingSide = 'shadower' | 'practitioner';

/** What the other side wrote, while it is still kept from the reader: only that it exists. */
export interface WithheldWriting {
  withheld: true;
  writtenAt: string;
}

/**
 * A shadowing as one of its two people reads it. The observation and the shadower's feedback
 * are withheld from the practitioner, and the practitioner's from the shadower, until both
 * have written or `feedbackOpensOn` has come.
 */
export interface ShadowingView extends Omit<Shadowing, 'observation' | 'shadowerFeedback' | 'practitionerFeedback'> {
  side: ShadowingSide;
  observation?: ShadowingObservation | WithheldWriting;
  shadowerFeedback?: ShadowerFeedback | WithheldWriting;
  practitionerFeedback?: PractitionerFeedback | WithheldWriting;
  revealed: boolean;
  feedbackOpensOn: string;
  /** What the caller can do now, for offering only the forms that work. */
  moves: ShadowingMove[];
  people: Record<string, string>;
}

export interface ShadowingList {
  items: ShadowingView[];
  people: Record<string, string>;
}

/** The learning view for leaders: themes across shadowing, never a person's name or a ranking. */
export interface ShadowingLearning {
  from: string;
  to: string;
  /** Shadowing that took place in the period (agreed, the day come). */
  shadowed: number;
  /** Of those, with an observation recorded. */
  observed: number;
  /** Every theme, in the list's order (not by count, so nothing reads as a league). */
  themes: { theme: ShadowingTheme; count: number }[];
  actions: { id: string; theme: ShadowingTheme; description: string; state: string; dueDate: string; overdue: boolean }[];
  /**
   * What practitioners said leaders should change, newest first, without who said it or when:
   * only writing already revealed to the person shadowing, so no leader reads it earlier here.
   */
  leadersShouldChange: string[];
}

/** How the family's part stands: none is needed for a duty shift. */
export type ShadowingConsentState = 'not-needed' | 'waiting' | 'given' | 'withdrawn';

/**
 * One shadowing in the leaders’ list of all shadowing: who, what, when and how far it has got,
 * never what anyone wrote.
 */
export interface ShadowingSummary {
  id: string;
  shadowerId: string;
  practitionerId: string;
  teamId: string;
  work: ShadowedWork;
  date: string;
  time?: string;
  state: ShadowingState;
  consent: ShadowingConsentState;
  observed: boolean;
  shadowerFeedback: boolean;
  practitionerFeedback: boolean;
}

export interface ShadowingOverview {
  from: string;
  items: ShadowingSummary[];
  people: Record<string, string>;
}

export function isWithheld(value: object | undefined): value is WithheldWriting {
  return value !== undefined && 'withheld' in value;
}
