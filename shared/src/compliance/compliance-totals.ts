/**
 * What a compliance check adds to the monthly totals (`c.` counters beside the audits' in the
 * same items, so the report and the service dashboard read one Query of the same rows), and
 * the figures read back from them. Pure, so the running totals, the reconcile job and every
 * screen count alike.
 */
import type { Contribution } from '../dashboards/totals-contributions.ts';
import type { Counters } from '../dashboards/totals-counters.ts';
import { COMPLIANCE_ITEMS, type ComplianceAnswer, type ComplianceItem } from './compliance-checklist.ts';
import type { ComplianceCheck, ComplianceFigure } from './compliance-schemas.ts';

const ANSWER_CODES: Record<ComplianceAnswer, string> = { yes: 'y', no: 'n', na: 'na' };

export const complianceCounter = {
  checks: 'c.n',
  /** Checks with no item answered "no". */
  fullyCompliant: 'c.ok',
  answer: (item: ComplianceItem, answer: ComplianceAnswer) => `c.${item}.${ANSWER_CODES[answer]}`,
} as const;

export type CheckForTotals = Pick<ComplianceCheck, 'month' | 'teamId' | 'caseType' | 'answers'>;

export function complianceContribution(check: CheckForTotals): Contribution[] {
  const counters: Counters = { [complianceCounter.checks]: 1 };
  let anyNo = false;
  for (const item of COMPLIANCE_ITEMS) {
    const answer = check.answers[item];
    if (!answer) continue;
    counters[complianceCounter.answer(item, answer)] = 1;
    if (answer === 'no') anyNo = true;
  }
  if (!anyNo) counters[complianceCounter.fullyCompliant] = 1;
  return [{ bucket: { month: check.month, teamId: check.teamId, caseType: check.caseType }, counters }];
}

const count = (counters: Counters, name: string) => counters[name] ?? 0;

export const shareOf = (yes: number, no: number): number | null => (yes + no === 0 ? null : yes / (yes + no));

/** One item's answers, or (without `only`) every item's added up. */
export function complianceFigure(counters: Counters, only?: ComplianceItem): ComplianceFigure {
  const items = only ? [only] : COMPLIANCE_ITEMS;
  let yes = 0;
  let no = 0;
  let notApplicable = 0;
  for (const item of items) {
    yes += count(counters, complianceCounter.answer(item, 'yes'));
    no += count(counters, complianceCounter.answer(item, 'no'));
    notApplicable += count(counters, complianceCounter.answer(item, 'na'));
  }
  return { checks: count(counters, complianceCounter.checks), yes, no, notApplicable, fullyCompliant: count(counters, complianceCounter.fullyCompliant), share: shareOf(yes, no) };
}
