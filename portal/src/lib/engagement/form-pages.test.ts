import { describe, expect, it } from 'vitest';
import { formAges4To7 } from '@waypoint/shared/engagement/forms/children-forms';
import { formAges11To18 } from '@waypoint/shared/engagement/forms/young-people-forms';
import { localiseForm } from '@waypoint/shared/engagement/localised-form';
import type { TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { continueStep, formPages, nextStep, pageNumber, resumePage } from './form-pages.ts';

const version = (definition: typeof formAges4To7) => ({ ...definition, version: 1 }) as unknown as TemplateVersion;
const young = localiseForm(version(formAges4To7), 'cy');
const older = localiseForm(version(formAges11To18), 'en');

describe('splitting a feedback form into pages', () => {
  it('gives each question its own page for younger children, in Welsh when asked', () => {
    const pages = formPages(young, { pageBy: 'question' });
    expect(pages).toHaveLength(5);
    expect(pages[0]).toMatchObject({ number: 1, sectionId: 'how-things-are', questions: [{ id: 'feelSafe', label: 'Rwy’n teimlo’n ddiogel' }] });
    expect(pages[0]!.questions[0]!.options?.find((o) => o.value === 'no')?.face).toBe('sad');
  });

  it('gives each section a page for older young people', () => {
    const pages = formPages(older, { pageBy: 'section' });
    expect(pages.map((p) => p.sectionId)).toEqual(['feeling-safe', 'my-worker', 'my-plan', 'tell-us-more']);
  });

  it('accepts only page numbers that exist', () => {
    expect(pageNumber('3', 5)).toBe(3);
    for (const raw of ['0', '6', '03', '2a', '', '-1']) expect(pageNumber(raw, 5)).toBeNull();
  });

  it('carries on after the last page with an answer, or at the check once all are done', () => {
    const pages = formPages(young, { pageBy: 'question' });
    expect(resumePage(pages, {})).toBe(1);
    expect(resumePage(pages, { 'how-things-are': { workerListens: 'yes' } })).toBe(3);
    expect(resumePage(pages, { 'tell-us-more': { couldBeBetter: 'More visits' } })).toBe(6);
  });

  it('goes to the check after the last page, and lets help lead only to a page or the check', () => {
    expect(nextStep(4, 5)).toBe('5');
    expect(nextStep(5, 5)).toBe('check');
    expect(continueStep('check')).toBe('check');
    expect(continueStep('https://elsewhere.example')).toBeNull();
    expect(continueStep('//elsewhere')).toBeNull();
  });
});
