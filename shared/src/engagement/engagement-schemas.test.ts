import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { activityState, CreateActivityBody, UpdateActivityBody } from './activity-schemas.ts';
import { BUILT_IN_FEEDBACK_FORMS, FORM_AGES_8_10_ID } from './forms/built-in-feedback-forms.ts';
import { FREE_TEXT_MAX, honeypotFilled, saveAnswersBodyFor, StartSessionBody } from './response-schemas.ts';

const paths = (schema: v.GenericSchema, input: unknown) => v.safeParse(schema, input).issues?.map((i) => i.path?.map((p) => p.key).join('.') ?? '(body)') ?? [];
const form = BUILT_IN_FEEDBACK_FORMS.find((f) => f.templateId === FORM_AGES_8_10_ID)!;

describe('activities', () => {
  const body = { type: 'survey', title: 'Spring survey', audience: 'ages-8-10', templateId: FORM_AGES_8_10_ID, opensOn: '2026-03-01' };

  it('are open all day on both dates, Europe/London', () => {
    const a = { opensOn: '2026-03-01', closesOn: '2026-03-31' };
    expect(activityState(a, '2026-02-28')).toBe('scheduled');
    expect(activityState(a, '2026-03-01')).toBe('open');
    expect(activityState(a, '2026-03-31')).toBe('open');
    expect(activityState(a, '2026-04-01')).toBe('closed');
    expect(activityState({ opensOn: '2026-03-01' }, '2099-01-01')).toBe('open');
  });

  it('need a closing date on or after the opening date', () => {
    expect(paths(CreateActivityBody, body)).toEqual([]);
    expect(paths(CreateActivityBody, { ...body, closesOn: '2026-02-28' })).toEqual(['closesOn']);
    expect(paths(UpdateActivityBody, { opensOn: '2026-03-02', closesOn: '2026-03-01' })).toEqual(['closesOn']);
  });

  it('never take a tenant, an audience change or a new form after creation', () => {
    expect(paths(CreateActivityBody, { ...body, tenantId: 'x' })).toEqual(['tenantId']);
    expect(paths(UpdateActivityBody, { audience: 'ages-4-7' })).toEqual(['audience']);
    expect(paths(UpdateActivityBody, { templateId: 'feedback-ages-4-7' })).toEqual(['templateId']);
  });

  it('carry a title and description in each language the public area speaks, and no other', () => {
    const translations = { cy: { title: 'Arolwg y gwanwyn' }, pl: { title: 'Ankieta wiosenna', description: 'Pięć pytań' }, ur: { title: 'بہار کا سروے' }, easy: { title: 'Tell us about spring' } };
    expect(paths(CreateActivityBody, { ...body, translations })).toEqual([]);
    expect(paths(UpdateActivityBody, { translations: null })).toEqual([]);
    expect(paths(UpdateActivityBody, { translations: { fr: { title: 'Enquête' } } })).toEqual(['translations.fr']);
    expect(paths(UpdateActivityBody, { translations: { ur: { title: 'x'.repeat(121) } } })).toEqual(['translations.ur.title']);
    expect(paths(UpdateActivityBody, { translations: { pl: { description: 'Bez tytułu' } } })).toEqual(['translations.pl.title']);
  });
});

describe('public answers', () => {
  const schema = saveAnswersBodyFor(form);

  it('take the form’s own questions, a listed option or free text, and clear with null or ""', () => {
    const result = v.parse(schema, { answers: { 'how-things-are': { feelSafe: 'partly' }, 'tell-us-more': { whatIsGood: '  Games  ', couldBeBetter: '' }, 'my-plan': { understandPlan: null } } });
    expect(result.answers).toEqual({ 'how-things-are': { feelSafe: 'partly' }, 'tell-us-more': { whatIsGood: 'Games', couldBeBetter: null }, 'my-plan': { understandPlan: null } });
  });

  it('refuse unknown sections and questions, options not offered and free text over the limit', () => {
    expect(paths(schema, { answers: { nope: {} } })).toEqual(['answers.nope']);
    expect(paths(schema, { answers: { 'how-things-are': { feelSafe: 'maybe', extra: 'x' } } }).sort()).toEqual(['answers.how-things-are.extra', 'answers.how-things-are.feelSafe']);
    expect(paths(schema, { answers: { 'tell-us-more': { whatIsGood: 'x'.repeat(FREE_TEXT_MAX + 1) } } })).toEqual(['answers.tell-us-more.whatIsGood']);
    expect(paths(schema, { answers: {}, tenantId: 'x' })).toEqual(['tenantId']);
  });

  it('open a session with a code or a public link, never both', () => {
    expect(paths(StartSessionBody, { code: 'NV47-SAYS' })).toEqual([]);
    expect(paths(StartSessionBody, { activityId: 'nv-engage-ages-11-18', lang: 'cy' })).toEqual([]);
    expect(paths(StartSessionBody, { code: 'NV47-SAYS', activityId: 'x' })).toEqual(['(body)']);
    expect(paths(StartSessionBody, {})).toEqual(['(body)']);
  });

  it('treat anything in the honeypot as a bot', () => {
    expect(honeypotFilled({})).toBe(false);
    expect(honeypotFilled({ website: '  ' })).toBe(false);
    expect(honeypotFilled({ website: 'http://spam.example' })).toBe(true);
  });
});
