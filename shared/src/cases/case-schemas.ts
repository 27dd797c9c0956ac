/** Cases: the authority's own pseudonymous reference, team, type and the people working it. */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { DISABILITY_VALUES, ETHNICITY_CATEGORIES, GENDERS, type Disability, type EthnicityCategory, type Gender } from '../demographics/demographic-values.ts';

export const CASE_TYPES = ['early-help', 'child-in-need', 'child-protection', 'child-looked-after', 'care-leaver'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  'early-help': 'Early Help',
  'child-in-need': 'Child in Need',
  'child-protection': 'Child Protection',
  'child-looked-after': 'Child Looked After',
  'care-leaver': 'Care Leaver',
};

export const AGE_BANDS = ['0-4', '5-9', '10-15', '16-17', '18-25'] as const;
export const CASE_STATUSES = ['open', 'closed'] as const;

/** Case references are the authority's own; letters, digits and hyphens only. */
export const CaseRef = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,32}$/, 'Use letters, digits and hyphens only (at most 32 characters)'));
export const EntityId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/, 'Use letters, digits, dots, underscores and hyphens only'));

export const CaseFields = {
  teamId: EntityId,
  caseType: v.picklist(CASE_TYPES),
  ageBand: v.optional(v.picklist(AGE_BANDS)),
  /** Optional demographics, reported only in breakdowns by group with small numbers hidden. */
  gender: v.optional(v.picklist(GENDERS)),
  ethnicity: v.optional(v.picklist(ETHNICITY_CATEGORIES)),
  disability: v.optional(v.picklist(DISABILITY_VALUES)),
  holderId: v.optional(EntityId),
  studentId: v.optional(v.nullable(EntityId)),
  status: v.optional(v.picklist(CASE_STATUSES)),
  /** Optional and free text: Waypoint works without any child's name. */
  label: v.optional(Text({ max: 80 })),
};

export const CreateCaseBody = v.strictObject({ ref: CaseRef, ...CaseFields });
export type CreateCaseBody = v.InferOutput<typeof CreateCaseBody>;

export const UpdateCaseBody = v.strictObject({
  teamId: v.optional(CaseFields.teamId),
  caseType: v.optional(CaseFields.caseType),
  ageBand: CaseFields.ageBand,
  gender: CaseFields.gender,
  ethnicity: CaseFields.ethnicity,
  disability: CaseFields.disability,
  holderId: CaseFields.holderId,
  studentId: CaseFields.studentId,
  status: CaseFields.status,
  label: CaseFields.label,
  /** Keeps a closed case from deletion by retention while it is set; QA officers and senior managers only. */
  legalHold: v.optional(v.boolean()),
});
export type UpdateCaseBody = v.InferOutput<typeof UpdateCaseBody>;

export const ListCasesQuery = v.object({
  team: v.optional(EntityId),
  caseType: v.optional(v.picklist(CASE_TYPES)),
  status: v.optional(v.picklist(CASE_STATUSES)),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'limit must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(100))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});

export interface Case {
  ref: string;
  teamId: string;
  caseType: CaseType;
  ageBand?: string;
  gender?: Gender;
  ethnicity?: EthnicityCategory;
  disability?: Disability;
  holderId?: string;
  studentId?: string | null;
  status: 'open' | 'closed';
  label?: string;
  /** The day the case opened in the authority's own system, when an import brought it. */
  openedOn?: string;
  /** The London day the case was closed (in Waypoint, or in the source an import read); cleared if it is opened again. Retention counts from it. */
  closedOn?: string;
  /** While true, retention never deletes the case, however long ago it closed. */
  legalHold?: boolean;
  /** While set, the case's reference is being changed to this one, and every change to the case is refused (409) until the move ends. */
  referenceMovingTo?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Who may put a case on legal hold or take it off. */
export const LEGAL_HOLD_ROLES = ['qa', 'senior'] as const;
