/** The feedback forms Waypoint ships, one per audience, seeded as version 1 for every authority. */
import type { TemplateDefinition } from '../../templates/template-schemas.ts';
import type { Audience } from '../audiences.ts';
import { FORM_AGES_4_7_ID, FORM_AGES_8_10_ID, formAges4To7, formAges8To10 } from './children-forms.ts';
import { withMoreLanguages } from './more-languages.ts';
import { FORM_PARENTS_CARERS_ID, formParentsCarers } from './parents-carers-form.ts';
import { FORM_AGES_11_18_ID, FORM_CARE_LEAVERS_ID, formAges11To18, formCareLeavers } from './young-people-forms.ts';

export { FORM_AGES_4_7_ID, FORM_AGES_8_10_ID, FORM_AGES_11_18_ID, FORM_CARE_LEAVERS_ID, FORM_PARENTS_CARERS_ID };

/** Each in English and Welsh, with Polish, Urdu and easy-read text laid on from the phrasebook. */
export const BUILT_IN_FEEDBACK_FORMS: readonly TemplateDefinition[] = [formAges4To7, formAges8To10, formAges11To18, formCareLeavers, formParentsCarers].map(withMoreLanguages);

/** The built-in form written for each audience: what a new activity suggests. */
export const BUILT_IN_FORM_FOR_AUDIENCE: Record<Audience, string> = {
  'ages-4-7': FORM_AGES_4_7_ID,
  'ages-8-10': FORM_AGES_8_10_ID,
  'ages-11-18': FORM_AGES_11_18_ID,
  'care-leavers': FORM_CARE_LEAVERS_ID,
  'parents-carers': FORM_PARENTS_CARERS_ID,
};
