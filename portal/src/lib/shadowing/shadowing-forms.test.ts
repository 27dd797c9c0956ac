import { describe, expect, it } from 'vitest';
import { shadowingObservation } from '@waypoint/shared/shadowing/shadowing-observation-template';
import { observationBody, observationValuesFromSaved } from './observation-form.ts';
import { answerBody, bookingBody, consentBody, EMPTY_BOOKING, feedbackBody, withdrawalBody } from './shadowing-forms.ts';

const day = { day: '3', month: '12', year: '2026' };

describe('booking form', () => {
  it('names every blank in the form’s order before anything is sent', () => {
    const parsed = bookingBody(EMPTY_BOOKING);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.field)).toEqual(['practitionerId', 'work', 'date', 'description']);
  });
  it('reads the time as people type it and leaves it out when blank', () => {
    const parsed = bookingBody({ practitionerId: 'nv-practitioner', work: 'visit', date: day, time: '9.30', description: 'A home visit' });
    expect(parsed).toEqual({ ok: true, body: { practitionerId: 'nv-practitioner', work: 'visit', date: '2026-12-03', time: '09:30', description: 'A home visit' } });
    const untimed = bookingBody({ practitionerId: 'nv-practitioner', work: 'visit', date: day, time: '', description: 'A home visit' });
    expect(untimed.ok && 'time' in untimed.body).toBe(false);
  });
});

describe('the practitioner’s answer', () => {
  it('asks for an answer, and keeps a reason only with a decline', () => {
    expect(answerBody({ answer: '', reason: '' })).toMatchObject({ ok: false, errors: [{ field: 'answer', message: 'Choose whether you agree to be shadowed' }] });
    expect(answerBody({ answer: 'agree', reason: 'typed before changing my mind' })).toEqual({ ok: true, body: { answer: 'agree' } });
    expect(answerBody({ answer: 'decline', reason: 'A hard week' })).toEqual({ ok: true, body: { answer: 'decline', reason: 'A hard week' } });
  });
});

describe('consent and its withdrawal', () => {
  it('needs who, how and a real day', () => {
    const parsed = consentBody({ givenBy: '', how: '', givenOn: { day: '31', month: '2', year: '2026' } });
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toEqual(['givenBy', 'how', 'givenOn']);
    expect(consentBody({ givenBy: 'The child’s mother', how: 'phone', givenOn: day })).toEqual({ ok: true, body: { givenBy: 'The child’s mother', how: 'phone', givenOn: '2026-12-03' } });
  });
  it('keeps a withdrawal’s note only when one is written', () => {
    expect(withdrawalBody({ how: 'in-writing', withdrawnOn: day, note: ' ' })).toEqual({ ok: true, body: { how: 'in-writing', withdrawnOn: '2026-12-03' } });
  });
});

describe('feedback', () => {
  it('asks each side for its own fields', () => {
    expect(feedbackBody({ forPractitioner: '' }, 'shadower').ok).toBe(false);
    const practitioner = feedbackBody({ aboutShadower: 'Helpful', forLeaders: '' }, 'practitioner');
    expect(practitioner.ok ? [] : practitioner.errors).toEqual([{ field: 'forLeaders', message: 'Say what leaders should change' }]);
  });
});

describe('observation form', () => {
  it('sends blanks as null and names the required questions left blank, in the template’s order', () => {
    const values = observationValuesFromSaved(shadowingObservation, undefined);
    const parsed = observationBody(shadowingObservation, values);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toEqual(['answers-strengths-strengths', 'answers-learning-learning', 'answers-child-childExperience']);
    values.answers.strengths!.strengths = 'Warm';
    values.answers.learning!.learning = 'Forms';
    values.answers.child!.childExperience = 'At ease';
    values.tags = ['recording', 'recording'];
    const ok = observationBody(shadowingObservation, values);
    expect(ok).toMatchObject({ ok: true, body: { answers: { learning: { learning: 'Forms', whatWouldHelp: null }, child: { childHeard: null } }, tags: ['recording'] } });
  });
  it('refuses a theme that is not on the list', () => {
    const values = observationValuesFromSaved(shadowingObservation, { answers: { strengths: { strengths: 'a' }, learning: { learning: 'b' }, child: { childExperience: 'c' } }, tags: ['league-table'] });
    expect(observationBody(shadowingObservation, values)).toMatchObject({ ok: false, errors: [{ field: 'tags' }] });
  });
});
