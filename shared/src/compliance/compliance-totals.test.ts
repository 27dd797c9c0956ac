import { describe, expect, it } from 'vitest';
import { sumContributions } from '../dashboards/totals-rollups.ts';
import { isCounterName } from '../dashboards/totals-counters.ts';
import { COMPLIANCE_ITEMS, type ComplianceAnswer, type ComplianceItem } from './compliance-checklist.ts';
import { complianceContribution, complianceFigure } from './compliance-totals.ts';

const answers = (changes: Partial<Record<ComplianceItem, ComplianceAnswer>> = {}) => ({ ...(Object.fromEntries(COMPLIANCE_ITEMS.map((i) => [i, 'yes'])) as Record<ComplianceItem, ComplianceAnswer>), ...changes });
const check = (changes: Partial<Record<ComplianceItem, ComplianceAnswer>> = {}) => ({ month: '2026-11', teamId: 'early-help', caseType: 'early-help' as const, answers: answers(changes) });

describe('what a compliance check adds to its month', () => {
  it('counts the check, each answer by item, and whether nothing was answered “no”', () => {
    const [one] = complianceContribution(check({ genogram: 'no', 'closure-summary': 'na' }));
    expect(one!.bucket).toEqual({ month: '2026-11', teamId: 'early-help', caseType: 'early-help' });
    expect(one!.counters).toMatchObject({ 'c.n': 1, 'c.genogram.n': 1, 'c.closure-summary.na': 1, 'c.plan.y': 1 });
    expect(one!.counters['c.ok']).toBeUndefined();
    expect(complianceContribution(check())[0]!.counters['c.ok']).toBe(1);
  });

  it('uses counter names the totals items keep', () => {
    for (const name of Object.keys(complianceContribution(check({ visits: 'no', chronology: 'na' }))[0]!.counters)) expect(isCounterName(name), name).toBe(true);
  });
});

describe('the compliance figure', () => {
  it('is yes ÷ (yes + no), leaving out not applicable, for all items or one', () => {
    const [row] = sumContributions([...complianceContribution(check({ genogram: 'no', plan: 'na' })), ...complianceContribution(check({ genogram: 'no' }))]);
    const all = complianceFigure(row!.counters);
    expect(all).toEqual({ checks: 2, yes: 13, no: 2, notApplicable: 1, fullyCompliant: 0, share: 13 / 15 });
    expect(complianceFigure(row!.counters, 'genogram')).toMatchObject({ yes: 0, no: 2, share: 0 });
    expect(complianceFigure(row!.counters, 'plan')).toMatchObject({ yes: 1, no: 0, notApplicable: 1, share: 1 });
  });

  it('has no share while nothing was answered yes or no', () => {
    expect(complianceFigure({}).share).toBeNull();
  });
});
