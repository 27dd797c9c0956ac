/**
 * Optional demographics a case may carry (age band, gender, ethnicity category, disability),
 * used only to break service figures down by group of children, never to find a child.
 * A case without a value counts in the "not recorded" group of that dimension.
 */
import { AGE_BANDS } from '../cases/case-schemas.ts';
import { DISABILITY_VALUES, ETHNICITY_CATEGORIES, GENDERS, type Disability, type EthnicityCategory, type Gender } from './demographic-values.ts';

export { DISABILITY_VALUES, ETHNICITY_CATEGORIES, GENDERS, type Disability, type EthnicityCategory, type Gender };

export const DEMOGRAPHIC_DIMENSIONS = ['ageBand', 'gender', 'ethnicity', 'disability'] as const;
export type DemographicDimension = (typeof DEMOGRAPHIC_DIMENSIONS)[number];

/** The group a case falls in when a dimension is not recorded. */
export const NOT_RECORDED = 'not-recorded';

export const DIMENSION_LABELS: Record<DemographicDimension, string> = {
  ageBand: 'Age band',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  disability: 'Disability',
};

const GROUP_LABELS: Record<DemographicDimension, Record<string, string>> = {
  ageBand: Object.fromEntries(AGE_BANDS.map((band) => [band, `Aged ${band.replace('-', ' to ')}`])),
  gender: { female: 'Female', male: 'Male', other: 'Other' },
  ethnicity: {
    white: 'White',
    mixed: 'Mixed or multiple ethnic groups',
    asian: 'Asian or Asian British',
    black: 'Black, Black British, Caribbean or African',
    other: 'Other ethnic group',
  },
  disability: { yes: 'Disabled', no: 'Not disabled' },
};

/** Every group of a dimension, recorded ones first, in a stable order for tables. */
export function groupsOf(dimension: DemographicDimension): string[] {
  const recorded: readonly string[] = { ageBand: AGE_BANDS, gender: GENDERS, ethnicity: ETHNICITY_CATEGORIES, disability: DISABILITY_VALUES }[dimension];
  return [...recorded, NOT_RECORDED];
}

export function groupLabel(dimension: DemographicDimension, group: string): string {
  return group === NOT_RECORDED ? 'Not recorded' : (GROUP_LABELS[dimension][group] ?? group);
}

export interface CaseDemographics {
  ageBand?: string;
  gender?: Gender;
  ethnicity?: EthnicityCategory;
  disability?: Disability;
}

/** The group of each dimension a case falls in; anything unrecorded or unknown is "not recorded". */
export function demographicGroups(c: CaseDemographics | undefined): Record<DemographicDimension, string> {
  const pick = (dimension: DemographicDimension, value: string | undefined) => (value !== undefined && groupsOf(dimension).includes(value) ? value : NOT_RECORDED);
  return {
    ageBand: pick('ageBand', c?.ageBand),
    gender: pick('gender', c?.gender),
    ethnicity: pick('ethnicity', c?.ethnicity),
    disability: pick('disability', c?.disability),
  };
}
