/**
 * What each of the two people may do to a shadowing, and when, and when each may read what
 * the other wrote. Pure, so the API enforces exactly what the page offers.
 */
import { addDays } from '../time/calendar-dates.ts';
import { FEEDBACK_OPENS_AFTER_DAYS, type Shadowing, type ShadowingConsentState, type ShadowingMove, type ShadowingSide, type ShadowedWork } from './shadowing-schemas.ts';

/** Work with one family (a visit, a meeting) needs the family's consent; a duty shift is with many and none in particular. */
export function consentNeeded(work: ShadowedWork): boolean {
  return work !== 'duty-shift';
}

/** Whether the family's part allows the work to be shadowed now: consent given (where needed) and not withdrawn. */
export function consentAllows(s: Pick<Shadowing, 'work' | 'consent' | 'withdrawal'>): boolean {
  return s.withdrawal === undefined && (!consentNeeded(s.work) || s.consent !== undefined);
}

export function consentState(s: Pick<Shadowing, 'work' | 'consent' | 'withdrawal'>): ShadowingConsentState {
  if (s.withdrawal !== undefined) return 'withdrawn';
  if (!consentNeeded(s.work)) return 'not-needed';
  return s.consent === undefined ? 'waiting' : 'given';
}

export function feedbackOpensOn(s: Pick<Shadowing, 'date'>): string {
  return addDays(s.date, FEEDBACK_OPENS_AFTER_DAYS);
}

/** Each side reads the other's writing once both have written their feedback, or from 14 days after the work. */
export function feedbackRevealed(s: Pick<Shadowing, 'date' | 'shadowerFeedback' | 'practitionerFeedback'>, today: string): boolean {
  return (s.shadowerFeedback !== undefined && s.practitionerFeedback !== undefined) || today >= feedbackOpensOn(s);
}

export function hasWrittenFeedback(s: Pick<Shadowing, 'shadowerFeedback' | 'practitionerFeedback'>, side: ShadowingSide): boolean {
  return side === 'shadower' ? s.shadowerFeedback !== undefined : s.practitionerFeedback !== undefined;
}

/** The moves open to one side today (London date), in the order a page offers them. */
export function movesFor(s: Shadowing, side: ShadowingSide, today: string): ShadowingMove[] {
  const moves: ShadowingMove[] = [];
  const happened = s.date <= today;
  if (s.state === 'requested' && side === 'practitioner') moves.push('agree', 'decline');
  if (s.state === 'agreed' && consentNeeded(s.work) && s.consent === undefined) moves.push('record-consent');
  if (s.state === 'agreed' && s.consent !== undefined && s.withdrawal === undefined) moves.push('withdraw-consent');
  // The observation stays open to change until its writer gives feedback; then both are settled.
  if (s.state === 'agreed' && side === 'shadower' && happened && consentAllows(s) && s.shadowerFeedback === undefined) moves.push('observe');
  // The person shadowing records what they saw before giving feedback on it.
  const readyToWrite = side === 'practitioner' || s.observation !== undefined;
  if (s.state === 'agreed' && happened && consentAllows(s) && readyToWrite && !hasWrittenFeedback(s, side)) moves.push('give-feedback');
  if ((s.state === 'requested' || s.state === 'agreed') && side === 'shadower' && s.observation === undefined && s.shadowerFeedback === undefined && s.practitionerFeedback === undefined) moves.push('cancel');
  return moves;
}

/** Why a move cannot be made now, as a 409's words. */
export function whyNot(s: Shadowing, move: ShadowingMove, today: string): string {
  if (move === 'agree' || move === 'decline') return s.state === 'requested' ? 'Only the practitioner answers a request to shadow them' : 'This request has already been answered';
  if (s.state === 'stopped') return 'The family withdrew consent, so this shadowing has stopped';
  if (s.state !== 'agreed') return s.state === 'requested' ? 'The practitioner has not agreed yet' : `This shadowing was ${s.state}`;
  if (move === 'record-consent') return consentNeeded(s.work) ? 'Consent has already been recorded' : 'A duty shift needs no family’s consent';
  if (move === 'withdraw-consent') return 'No consent has been recorded to withdraw';
  if (!consentAllows(s)) return 'Record the family’s consent first';
  if (s.date > today) return 'The work has not happened yet';
  if (move === 'observe') return 'The observation is settled once you have given your feedback';
  if (move === 'give-feedback') return s.observation === undefined && s.shadowerFeedback === undefined ? 'Record the observation before giving feedback' : 'You have already given your feedback';
  return 'That cannot be done now';
}
