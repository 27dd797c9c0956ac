import { describe, expect, it } from 'vitest';
import { sumContributions } from '../dashboards/totals-rollups.ts';
import { COMPLIANCE_ITEMS, type ComplianceAnswer, type ComplianceItem } from './compliance-checklist.ts';
import { complianceReport, complianceReportCsv } from './compliance-report.ts';
import { complianceContribution } from './compliance-totals.ts';

const yes = Object.fromEntries(COMPLIANCE_ITEMS.map((i) => [i, 'yes'])) as Record<ComplianceItem, ComplianceAnswer>;
const rows = sumContributions([...complianceContribution({ month: '2026-10', teamId: 'a', caseType: 'early-help', answers: { ...yes, genogram: 'no' } }), ...complianceContribution({ month: '2026-11', teamId: 'b', caseType: 'early-help', answers: yes })]);
const months = Array.from({ length: 12 }, (_, n) => `${n < 1 ? 2025 : 2026}-${String(((n + 11) % 12) + 1).padStart(2, '0')}`);

describe('the compliance report', () => {
  const report = complianceReport({
    months,
    team: null,
    rows: rows.filter((r) => r.teamId === undefined && r.caseType === undefined),
    teams: ['a', 'b'].map((teamId) => ({ teamId, name: `Team <${teamId}>`, rows: rows.filter((r) => r.teamId === teamId && r.caseType === undefined) })),
  });

  it('gives every month of the 12, the items in checklist order and each team', () => {
    expect(report.months.map((m) => m.month)).toEqual(months);
    expect(report.months.find((m) => m.month === '2026-10')).toMatchObject({ checks: 1, yes: 7, no: 1, share: 7 / 8 });
    expect(report.months.find((m) => m.month === '2026-01')).toMatchObject({ checks: 0, share: null });
    expect(report.items.map((i) => i.item)).toEqual([...COMPLIANCE_ITEMS]);
    expect(report.items.find((i) => i.item === 'genogram')).toMatchObject({ yes: 1, no: 1, share: 0.5 });
    expect(report.teams.map((t) => [t.teamId, t.checks, t.fullyCompliant])).toEqual([
      ['a', 1, 0],
      ['b', 1, 1],
    ]);
    expect(report.overall).toEqual({ checks: 2, yes: 15, no: 1, notApplicable: 0, fullyCompliant: 1, share: 15 / 16 });
  });

  it('downloads as CSV with percentages to one decimal place', () => {
    const { filename, csv } = complianceReportCsv(report, 'items');
    expect(filename).toBe('waypoint-compliance-items-2025-12-to-2026-11.csv');
    expect(csv.split('\r\n')[0]).toBe('item,yes,no,not applicable,compliant (%)');
    expect(csv).toContain('Genogram,1,1,0,50');
    expect(complianceReportCsv(report, 'teams').csv).toContain('Team <a>,1,7,1,0,87.5,0');
  });
});
