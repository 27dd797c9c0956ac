import { describe, expect, it } from 'vitest';
import { consentState, feedbackRevealed, movesFor } from './shadowing-moves.ts';
import type { Shadowing } from './shadowing-schemas.ts';

const base: Shadowing = {
  id: 's1',
  shadowerId: 'm',
  practitionerId: 'p',
  teamId: 't',
  work: 'visit',
  date: '2026-12-01',
  description: 'A visit',
  templateId: 'shadowing-observation',
  templateVersion: 1,
  state: 'agreed',
  version: 1,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};
const consent = { givenBy: 'Mother', how: 'phone' as const, givenOn: '2026-11-30', recordedById: 'p', recordedAt: '2026-11-30T10:00:00.000Z' };

describe('feedbackRevealed', () => {
  it('keeps each side’s writing hidden until both have written', () => {
    const one = { ...base, shadowerFeedback: { forPractitioner: 'x', writtenAt: '' } };
    expect(feedbackRevealed(one, '2026-12-14')).toBe(false);
    expect(feedbackRevealed({ ...one, practitionerFeedback: { aboutShadower: 'y', forLeaders: 'z', writtenAt: '' } }, '2026-12-02')).toBe(true);
  });
  it('reveals from 14 days after the work', () => {
    expect(feedbackRevealed(base, '2026-12-15')).toBe(true);
  });
});

describe('movesFor', () => {
  it('offers only the practitioner an answer to a request', () => {
    const requested = { ...base, state: 'requested' as const };
    expect(movesFor(requested, 'practitioner', '2026-11-25')).toEqual(['agree', 'decline']);
    expect(movesFor(requested, 'shadower', '2026-11-25')).toEqual(['cancel']);
  });
  it('asks for the family’s consent before a visit is observed, but not for a duty shift', () => {
    expect(movesFor(base, 'shadower', '2026-12-01')).toEqual(['record-consent', 'cancel']);
    expect(movesFor({ ...base, work: 'duty-shift' }, 'shadower', '2026-12-01')).toEqual(['observe', 'cancel']);
  });
  it('needs the observation before the shadower’s feedback, and the work to have happened', () => {
    const consented = { ...base, consent };
    expect(movesFor(consented, 'shadower', '2026-11-30')).toEqual(['withdraw-consent', 'cancel']);
    expect(movesFor(consented, 'practitioner', '2026-12-01')).toEqual(['withdraw-consent', 'give-feedback']);
    const observed = { ...consented, observation: { answers: {}, tags: [], recordedAt: '' } };
    expect(movesFor(observed, 'shadower', '2026-12-01')).toEqual(['withdraw-consent', 'observe', 'give-feedback']);
  });
  it('allows nothing once consent is withdrawn', () => {
    const stopped = { ...base, state: 'stopped' as const, consent, withdrawal: { how: 'phone' as const, withdrawnOn: '2026-12-01', recordedById: 'p', recordedAt: '' } };
    expect(movesFor(stopped, 'shadower', '2026-12-02')).toEqual([]);
  });
});

describe('consentState', () => {
  it('says whether the family’s consent is needed, waited for, given or withdrawn', () => {
    expect(consentState({ ...base, work: 'duty-shift' })).toBe('not-needed');
    expect(consentState(base)).toBe('waiting');
    expect(consentState({ ...base, consent })).toBe('given');
    expect(consentState({ ...base, consent, withdrawal: { how: 'phone', withdrawnOn: '2026-12-01', recordedById: 'p', recordedAt: '' } })).toBe('withdrawn');
  });
});
