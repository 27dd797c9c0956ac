/**
 * Who an engagement activity asks, and how its form is shown to them: younger children
 * see one question per page (with faces for ages 4 to 7, where an adult may help).
 */
import * as v from 'valibot';

export const AUDIENCES = ['ages-4-7', 'ages-8-10', 'ages-11-18', 'care-leavers', 'parents-carers'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AudienceValue = v.picklist(AUDIENCES, 'Choose one of the audiences');

/** Staff-facing names; the public area's words live in the portal's message catalogues. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  'ages-4-7': 'Children aged 4 to 7',
  'ages-8-10': 'Children aged 8 to 10',
  'ages-11-18': 'Young people aged 11 to 18',
  'care-leavers': 'Care leavers',
  'parents-carers': 'Parents and carers',
};

export interface FormPresentation {
  /** `question`: one question per page; `section`: a section's questions together. */
  pageBy: 'question' | 'section';
  /** Show the three points as faces (with their text labels). */
  faces: boolean;
  /** Tell the child a grown-up may help them read and answer. */
  adultMayHelp: boolean;
}

export function presentationFor(audience: Audience): FormPresentation {
  switch (audience) {
    case 'ages-4-7':
      return { pageBy: 'question', faces: true, adultMayHelp: true };
    case 'ages-8-10':
      return { pageBy: 'question', faces: false, adultMayHelp: false };
    default:
      return { pageBy: 'section', faces: false, adultMayHelp: false };
  }
}
