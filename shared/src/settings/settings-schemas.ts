/** A tenant's settings: how the authority names and runs its QA framework. */
import * as v from 'valibot';
import { CASE_TYPES, type CaseType } from '../cases/case-schemas.ts';
import { Text } from '../text/text-schemas.ts';

export const DEFAULT_GRADE_LABELS = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'] as const;

/** Each label is also checked as a set below, so an empty one gets the same message. */
const GradeLabel = Text({ max: 40, tooLong: 'Each grade needs a label of at most 40 characters' });
const Colour = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1d70b8'));
const Phone = v.pipe(v.string(), v.regex(/^[0-9 +()-]{3,20}$/, 'Use digits, spaces and + ( ) - only'));
const PhraseList = v.optional(v.pipe(v.array(v.pipe(Text({ max: 80 }), v.minLength(2, 'Use at least 2 characters'))), v.maxLength(200, 'List at most 200 phrases')));

/**
 * Years a closed case (and everything about it) is kept after it closed, by case type: 25 for
 * the records of looked-after children and care leavers, 6 for the rest, unless the authority
 * chooses otherwise.
 */
export const DEFAULT_CASE_RETENTION_YEARS: Record<CaseType, number> = {
  'early-help': 6,
  'child-in-need': 6,
  'child-protection': 6,
  'child-looked-after': 25,
  'care-leaver': 25,
};
const RetentionYears = v.pipe(v.number('Enter a number of years'), v.integer('Enter a whole number of years'), v.minValue(1, 'Keep records for at least a year'), v.maxValue(100, 'Keep records for at most 100 years'));
const CaseRetentionYears = v.strictObject(Object.fromEntries(CASE_TYPES.map((type) => [type, RetentionYears])) as Record<CaseType, typeof RetentionYears>);

export const SettingsFields = {
  name: Text({ max: 120, required: 'Enter the authority name' }),
  primaryColour: Colour,
  accentColour: Colour,
  dutyContactName: Text({ max: 120, required: 'Enter who the duty contact is' }),
  dutyContactEmail: v.pipe(v.string(), v.email('Enter an email address like duty@council.gov.uk'), v.maxLength(254)),
  dutyPhone: Phone,
  auditsPerManagerPerMonth: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50)),
  gradeLabels: v.pipe(
    v.tuple([GradeLabel, GradeLabel, GradeLabel, GradeLabel]),
    v.check((l) => l.every((s) => s.trim().length > 0 && s.length <= 40), 'Each grade needs a label of at most 40 characters'),
  ),
  retentionYears: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(75)),
  /** How long after an audit graded Inadequate overall the case is audited again. */
  reauditAfterMonths: v.pipe(v.number(), v.integer('Enter a whole number of months'), v.minValue(1, 'Re-audit at least a month later'), v.maxValue(12, 'Re-audit within 12 months')),
  /** How many hours a team manager or QA officer has to acknowledge a safeguarding concern raised in an audit before it goes to the senior managers. */
  safeguardingAcknowledgeHours: v.pipe(v.number(), v.integer('Enter a whole number of hours'), v.minValue(1, 'Allow at least 1 hour'), v.maxValue(168, 'Allow at most 168 hours (a week)')),
  /** Years closed cases are kept after they closed, by case type; then retention deletes them (not while on legal hold). */
  caseRetentionYears: CaseRetentionYears,
  /** The authority's own worrying words, per language, added to Waypoint's list for engagement safety alerts. */
  safetyPhrases: v.optional(v.strictObject({ en: PhraseList, cy: PhraseList })),
};

export const Settings = v.strictObject(SettingsFields);
export type Settings = v.InferOutput<typeof Settings>;

export const UpdateSettingsBody = v.strictObject({
  name: v.optional(SettingsFields.name),
  primaryColour: v.optional(SettingsFields.primaryColour),
  accentColour: v.optional(SettingsFields.accentColour),
  dutyContactName: v.optional(SettingsFields.dutyContactName),
  dutyContactEmail: v.optional(SettingsFields.dutyContactEmail),
  dutyPhone: v.optional(SettingsFields.dutyPhone),
  auditsPerManagerPerMonth: v.optional(SettingsFields.auditsPerManagerPerMonth),
  gradeLabels: v.optional(SettingsFields.gradeLabels),
  retentionYears: v.optional(SettingsFields.retentionYears),
  reauditAfterMonths: v.optional(SettingsFields.reauditAfterMonths),
  safeguardingAcknowledgeHours: v.optional(SettingsFields.safeguardingAcknowledgeHours),
  caseRetentionYears: v.optional(SettingsFields.caseRetentionYears),
  safetyPhrases: SettingsFields.safetyPhrases,
});
export type UpdateSettingsBody = v.InferOutput<typeof UpdateSettingsBody>;

export function defaultSettings(name: string): Settings {
  return {
    name,
    primaryColour: '#1d4e89',
    accentColour: '#ffdd00',
    dutyContactName: 'Children’s Services duty team',
    dutyContactEmail: 'duty@example.org',
    dutyPhone: '0300 000 0000',
    auditsPerManagerPerMonth: 2,
    gradeLabels: [...DEFAULT_GRADE_LABELS],
    retentionYears: 25,
    ...LATER_SETTING_DEFAULTS,
  };
}

/**
 * Settings added after authorities' settings items were first written, with the value an
 * item without them stands for; reading fills them in, so an older item still reads whole.
 */
export const LATER_SETTING_DEFAULTS = { reauditAfterMonths: 3, safeguardingAcknowledgeHours: 24, caseRetentionYears: DEFAULT_CASE_RETENTION_YEARS } as const satisfies Partial<Settings>;

/** A stored settings item, with any setting added since it was written filled in. */
export function withLaterDefaults<T extends Partial<Settings>>(stored: T): T & typeof LATER_SETTING_DEFAULTS {
  return { ...LATER_SETTING_DEFAULTS, ...stored };
}
