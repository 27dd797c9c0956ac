import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Grade } from '../templates/grade-scale.ts';
import { agreementByTeam, moderationPairs } from './moderation-agreement.ts';
import { ModerateAuditBody, monthsOfPeriod, Period, type Moderation } from './moderation-schemas.ts';

function moderation(teamId: string, pairs: [string, Grade, Grade][], overall?: [Grade, Grade]): Moderation {
  return {
    auditId: `a-${teamId}-${pairs.length}`,
    month: '2026-10',
    teamId,
    auditorId: 'nv-manager',
    moderatorId: 'nv-qa',
    sections: Object.fromEntries(pairs.map(([id, , moderator]) => [id, { grade: moderator }])),
    auditorSectionGrades: Object.fromEntries(pairs.map(([id, auditor]) => [id, auditor])),
    overallGrade: overall?.[1],
    auditorOverallGrade: overall?.[0],
    comment: 'Checked against the record.',
    version: 1,
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
  };
}

describe('pairing a moderation with the audit', () => {
  it('pairs each re-graded section and the overall grade with the auditor’s, best grade as 0', () => {
    const m = moderation('cin', [['assessment', 'good', 'requires-improvement']], ['good', 'good']);
    expect(moderationPairs(m)).toEqual([
      { auditor: 1, moderator: 2 },
      { auditor: 1, moderator: 1 },
    ]);
    expect(moderationPairs(m, { overallOnly: true })).toEqual([{ auditor: 1, moderator: 1 }]);
  });

  it('leaves out a section the auditor did not grade', () => {
    const m = moderation('cin', [['assessment', 'good', 'good']]);
    m.sections.outcomes = { grade: 'inadequate' };
    expect(moderationPairs(m)).toHaveLength(1);
  });
});

describe('agreement by team, with known values', () => {
  // Team A: pairs (good, good), (good, RI), (outstanding, outstanding), (inadequate, RI): exact 2 of 4.
  // On points: (1,1), (1,2), (0,0), (3,2). Weights (i-j)²/9: observed = (1/9 + 1/9) / 4 = 1/18.
  // Row totals [1,2,0,1], column totals [1,1,2,0]: expected = Σ w r c / 16
  //   = [r0: 1·(0·1 + 1/9·1 + 4/9·2)] + [r1: 2·(1/9·1 + 0 + 1/9·2)] + [r3: 1·(9/9·1 + 4/9·1 + 1/9·2)]
  //   = (1/9 + 8/9) + (2/9 + 4/9) + (1 + 4/9 + 2/9) = 1 + 6/9 + 15/9 = 3.333… → / 16 = 0.208333…
  // kappa = 1 - (1/18) / (10/48) = 1 - 48/180 = 0.7333…
  const teamA = [
    moderation(
      'a',
      [
        ['s1', 'good', 'good'],
        ['s2', 'good', 'requires-improvement'],
        ['s3', 'outstanding', 'outstanding'],
      ],
      ['inadequate', 'requires-improvement'],
    ),
  ];
  // Team B: one exact pair on the overall grade only; every grade on one point, so kappa is undefined.
  const teamB = [moderation('b', [], ['good', 'good'])];

  it('gives exact agreement and quadratic-weighted kappa per team and for all', () => {
    const { all, teams } = agreementByTeam([...teamA, ...teamB]);
    const a = teams.find((t) => t.teamId === 'a')!;
    expect(a.grades).toMatchObject({ pairs: 4, exact: 2, exactShare: 0.5 });
    expect(a.grades.weightedKappa).toBeCloseTo(1 - 48 / 180, 12);
    expect(a.overall).toMatchObject({ pairs: 1, exact: 0, exactShare: 0 });
    const b = teams.find((t) => t.teamId === 'b')!;
    expect(b.grades).toEqual({ pairs: 1, exact: 1, exactShare: 1, weightedKappa: null });
    expect(all.audits).toBe(2);
    expect(all.grades).toMatchObject({ pairs: 5, exact: 3, exactShare: 0.6 });
  });

  it('reports nothing to compare as nulls, not zeros', () => {
    expect(agreementByTeam([])).toEqual({ all: { audits: 0, grades: { pairs: 0, exact: 0, exactShare: null, weightedKappa: null }, overall: { pairs: 0, exact: 0, exactShare: null, weightedKappa: null } }, teams: [] });
  });
});

describe('periods and bodies', () => {
  it('turns a month, quarter or year into its months', () => {
    expect(monthsOfPeriod('2026-11')).toEqual(['2026-11']);
    expect(monthsOfPeriod('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOfPeriod('2026')).toHaveLength(12);
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-11-01', 'last-year']) expect(v.safeParse(Period, bad).success, bad).toBe(false);
  });

  it('needs a comment and at least one grade', () => {
    expect(v.safeParse(ModerateAuditBody, { comment: 'Agree' }).success).toBe(false);
    expect(v.safeParse(ModerateAuditBody, { overallGrade: 'good', comment: ' ' }).success).toBe(false);
    expect(v.safeParse(ModerateAuditBody, { sections: { assessment: { grade: 'good' } }, comment: 'Agree' }).success).toBe(true);
  });
});
