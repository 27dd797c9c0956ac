/**
 * The records compliance checklist: eight things a child's record should hold, each answered
 * yes, no or not applicable, with an optional note. Built in, so every authority checks the
 * same things and the figures compare month to month.
 */
export const COMPLIANCE_ITEMS = ['case-summary', 'chronology', 'genogram', 'assessment', 'plan', 'visits', 'supervision', 'closure-summary'] as const;
export type ComplianceItem = (typeof COMPLIANCE_ITEMS)[number];

export const COMPLIANCE_ITEM_LABELS: Record<ComplianceItem, string> = {
  'case-summary': 'Case summary up to date',
  chronology: 'Chronology',
  genogram: 'Genogram',
  assessment: 'Assessment within timescale',
  plan: 'Plan in place',
  visits: 'Visits recorded within timescale',
  supervision: 'Supervision recorded in the last 4 weeks',
  'closure-summary': 'Case closure summary',
};

export const COMPLIANCE_ANSWERS = ['yes', 'no', 'na'] as const;
export type ComplianceAnswer = (typeof COMPLIANCE_ANSWERS)[number];
export const COMPLIANCE_ANSWER_LABELS: Record<ComplianceAnswer, string> = { yes: 'Yes', no: 'No', na: 'Not applicable' };

/** Items answered "no": each can raise an action for the case holder. */
export function itemsAnsweredNo(answers: Partial<Record<ComplianceItem, ComplianceAnswer>>): ComplianceItem[] {
  return COMPLIANCE_ITEMS.filter((item) => answers[item] === 'no');
}
