/** What a shadowing's page and list say about it, in words a practitioner would use. */
import { formatDate } from '@waypoint/shared/formatting/dates';
import { isWithheld, SHADOWED_WORK_LABELS, SHADOWING_STATE_LABELS, type ShadowingConsentState, type ShadowingView } from '@waypoint/shared/shadowing/shadowing-schemas';

export const CONSENT_STATE_LABELS: Record<ShadowingConsentState, string> = {
  'not-needed': 'Not needed for a duty shift',
  waiting: 'Not recorded yet',
  given: 'Given',
  withdrawn: 'Withdrawn',
};

/** "A visit on 3 December 2026 at 10:00". */
export function workWords(s: Pick<ShadowingView, 'work' | 'date' | 'time'>): string {
  return `${SHADOWED_WORK_LABELS[s.work]} on ${formatDate(s.date)}${s.time ? ` at ${s.time}` : ''}`;
}

export function otherPerson(view: ShadowingView): string {
  const id = view.side === 'shadower' ? view.practitionerId : view.shadowerId;
  return view.people[id] ?? 'the other person';
}

/** What happens next, from the reader's side: the first thing they can do, or what they wait for. */
export function nextStep(view: ShadowingView, today: string): string {
  const other = otherPerson(view);
  if (view.state !== 'agreed' && view.state !== 'requested') return SHADOWING_STATE_LABELS[view.state];
  if (view.moves.includes('agree')) return 'Agree or decline';
  if (view.state === 'requested') return `Waiting for ${other} to answer`;
  if (view.moves.includes('record-consent')) return 'Record the family’s consent';
  if (view.moves.includes('observe') && view.observation === undefined) return 'Record what you saw';
  if (view.moves.includes('give-feedback')) return 'Give your feedback';
  const mine = view.side === 'shadower' ? view.shadowerFeedback : view.practitionerFeedback;
  const theirs = view.side === 'shadower' ? view.practitionerFeedback : view.shadowerFeedback;
  if (mine !== undefined && theirs !== undefined && !isWithheld(theirs)) return 'Read each other’s feedback';
  if (mine !== undefined) return `Waiting for ${other}’s feedback`;
  if (view.date > today) return `Booked for ${formatDate(view.date)}`;
  return view.side === 'practitioner' ? `Waiting for ${other} to record what they saw` : 'Nothing to do yet';
}
