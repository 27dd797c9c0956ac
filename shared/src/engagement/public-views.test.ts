import { describe, expect, it } from 'vitest';
import type { EngagementActivity } from './activity-schemas.ts';
import { publicActivity } from './public-views.ts';

const activity: EngagementActivity = {
  id: 'a1',
  type: 'survey',
  title: 'Spring survey',
  description: 'Five short questions.',
  audience: 'parents-carers',
  templateId: 'feedback-parents-carers',
  templateVersion: 1,
  formName: 'Have your say (parents and carers)',
  opensOn: '2026-03-01',
  publicLink: true,
  translations: { cy: { title: 'Arolwg y gwanwyn', description: 'Pum cwestiwn byr.' }, ur: { title: 'بہار کا سروے' } },
  createdBy: 'nv-qa',
  version: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
};

describe('an activity in the public area', () => {
  it('speaks the language asked for where it has a translation, saying which language each text is in', () => {
    expect(publicActivity(activity, 'cy')).toMatchObject({ title: 'Arolwg y gwanwyn', titleLanguage: 'cy', description: 'Pum cwestiwn byr.', descriptionLanguage: 'cy' });
    // Urdu has a title but no description: the English description is shown, marked as English.
    expect(publicActivity(activity, 'ur')).toMatchObject({ title: 'بہار کا سروے', titleLanguage: 'ur', description: 'Five short questions.', descriptionLanguage: 'en' });
  });

  it('falls back to English for a language without a translation, easy-read included', () => {
    for (const language of ['en', 'pl', 'easy'] as const) {
      expect(publicActivity(activity, language), language).toMatchObject({ title: 'Spring survey', titleLanguage: 'en', description: 'Five short questions.', descriptionLanguage: 'en' });
    }
  });

  it('leaves out the description and its language when there is none', () => {
    const view = publicActivity({ ...activity, description: undefined, translations: undefined }, 'ur');
    expect(view).toEqual({ id: 'a1', type: 'survey', title: 'Spring survey', titleLanguage: 'en', audience: 'parents-carers' });
  });
});
