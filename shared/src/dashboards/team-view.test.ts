import { describe, expect, it } from 'vitest';
import { actionContribution, auditContribution } from './totals-contributions.ts';
import { sumContributions } from './totals-rollups.ts';
import { teamFigureCsv } from './team-csv.ts';
import { ownerActions, teamReaudits, UNKNOWN_OWNER, type TeamView } from './team-view.ts';

const action = (ownerId: string, dueDate: string, state: 'open' | 'in-progress' | 'done' = 'open') =>
  actionContribution({ createdAt: '2026-09-01T10:00:00Z', teamId: 't1', ownerId, state, dueDate, doneOn: state === 'done' ? '2026-09-02' : undefined, source: { type: 'audit', auditId: 'a', sectionId: 's' } as never, impact: undefined }, 'child-in-need');

const teamRows = (contributions: ReturnType<typeof action>[]) => sumContributions(contributions.flat()).filter((r) => r.teamId === 't1' && !r.caseType);

describe('open and overdue actions by owner', () => {
  it('counts each owner’s open actions and those past their due date, in alphabetical order, never the done ones', () => {
    const rows = teamRows([action('u.zed', '2026-10-03'), action('u.zed', '2026-12-10'), action('u_amy', '2026-12-05'), action('u_amy', '2026-11-30', 'done'), action('gone', '2027-01-02')]);
    const names = new Map([
      ['u.zed', 'Zed Adams'],
      ['u_amy', 'Amy Young'],
    ]);
    expect(ownerActions(rows, '2026-12-06', names)).toEqual([
      { ownerId: 'u_amy', name: 'Amy Young', open: 1, overdue: 1 },
      { ownerId: 'gone', name: UNKNOWN_OWNER, open: 1, overdue: 0 },
      { ownerId: 'u.zed', name: 'Zed Adams', open: 2, overdue: 1 },
    ]);
  });

  it('moves an action from one owner to the other when it is handed over', () => {
    const before = action('u1', '2026-12-20');
    const after = action('u2', '2026-12-20');
    const rows = teamRows([before, after]);
    expect(ownerActions(rows, '2026-12-06', new Map()).map((o) => o.ownerId)).toEqual(['u1', 'u2']);
  });
});

describe('re-audits due', () => {
  const audit = (month: string, state: 'planned' | 'completed' | 'cancelled', reauditOf?: string) =>
    auditContribution(
      { month, teamId: 't1', caseType: 'child-in-need', state, completedAt: state === 'completed' ? `${month}-10T10:00:00Z` : undefined, overallGrade: state === 'completed' ? 'good' : undefined, sectionGrades: {}, ...(reauditOf ? { reauditOf } : {}) },
      undefined,
    );

  it('says how many are late, due this month and to come, leaving out ordinary and cancelled audits', () => {
    const rows = sumContributions([audit('2026-10', 'planned', 'a1'), audit('2026-10', 'completed', 'a2'), audit('2026-12', 'planned', 'a3'), audit('2027-02', 'planned', 'a4'), audit('2027-02', 'cancelled', 'a5'), audit('2026-12', 'planned')].flat()).filter(
      (r) => r.teamId === 't1' && !r.caseType,
    );
    const reaudits = teamReaudits(rows, '2026-12');
    expect(reaudits).toEqual({
      months: [
        { month: '2026-10', due: 2, completed: 1, toDo: 1 },
        { month: '2026-12', due: 1, completed: 0, toDo: 1 },
        { month: '2027-02', due: 1, completed: 0, toDo: 1 },
      ],
      late: 1,
      thisMonth: 1,
      upcoming: 1,
    });
  });
});

describe('the team page as CSV', () => {
  it('writes owners as the page lists them, and defuses a name that looks like a formula', () => {
    const view = {
      team: { id: 't1', name: 'Child in Need' },
      service: { period: { from: '2026-01', to: '2026-12' } },
      owners: [{ ownerId: 'x', name: '=HYPERLINK("x")', open: 2, overdue: 1 }],
      reaudits: { months: [], late: 0, thisMonth: 0, upcoming: 0 },
    } as unknown as TeamView;
    const { filename, csv } = teamFigureCsv(view, 'actions-by-owner', []);
    expect(filename).toBe('waypoint-team-actions-by-owner-2026-01-to-2026-12-t1.csv');
    expect(csv).toBe('owner,open actions,of them overdue\r\n"\'=HYPERLINK(""x"")",2,1\r\n');
  });
});
