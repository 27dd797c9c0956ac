/** The values a case's optional demographics may take, kept apart so case schemas can use them without a cycle. */

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/** The five high-level ethnic groups of the census, as children's social care returns use them. */
export const ETHNICITY_CATEGORIES = ['white', 'mixed', 'asian', 'black', 'other'] as const;
export type EthnicityCategory = (typeof ETHNICITY_CATEGORIES)[number];

export const DISABILITY_VALUES = ['yes', 'no'] as const;
export type Disability = (typeof DISABILITY_VALUES)[number];
