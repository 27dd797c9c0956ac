import { describe, expect, it } from 'vitest';
import { gradeAgreement, type GradePair } from './agreement.ts';

/** Expands a k×k table of counts (rows: auditor, columns: moderator) into pairs. */
function fromTable(table: number[][]): GradePair[] {
  return table.flatMap((row, auditor) => row.flatMap((count, moderator) => Array.from({ length: count }, () => ({ auditor, moderator }))));
}

describe('grade agreement between auditor and moderator', () => {
  it('is perfect when every grade matches', () => {
    const result = gradeAgreement(
      fromTable([
        [3, 0, 0, 0],
        [0, 5, 0, 0],
        [0, 0, 4, 0],
        [0, 0, 0, 2],
      ]),
    );
    expect(result).toEqual({ pairs: 14, exact: 14, exactShare: 1, weightedKappa: 1 });
  });

  it('is -1 when grades are exactly reversed on a two-grade spread', () => {
    const result = gradeAgreement([
      { auditor: 0, moderator: 3 },
      { auditor: 3, moderator: 0 },
    ]);
    expect(result.exactShare).toBe(0);
    expect(result.weightedKappa).toBeCloseTo(-1, 10);
  });

  it('matches a worked example computed by hand', () => {
    // 3-point scale, table [[10,2,0],[3,15,1],[0,4,5]]: weights 0, 0.25, 1 for distances 0, 1, 2.
    // observed disagreement = (2+3+1+4)*0.25 / 40 = 0.0625
    // row totals 12,19,9; column totals 13,21,6
    // expected = Σ w_ij r_i c_j / 1600 = 0.25*(12*21+19*13+19*6+9*21) + 1*(12*6+9*13) = 0.25*802 + 189 = 389.5 → 0.2434375
    // kappa = 1 - 0.0625 / 0.2434375 = 0.743260...
    const result = gradeAgreement(
      fromTable([
        [10, 2, 0],
        [3, 15, 1],
        [0, 4, 5],
      ]),
      3,
    );
    expect(result.exact).toBe(30);
    expect(result.exactShare).toBe(0.75);
    expect(result.weightedKappa).toBeCloseTo(1 - 0.0625 / 0.2434375, 12);
  });

  it('treats near misses as better than wide misses', () => {
    const near = gradeAgreement([
      { auditor: 0, moderator: 1 },
      { auditor: 1, moderator: 1 },
      { auditor: 2, moderator: 2 },
      { auditor: 3, moderator: 3 },
    ]);
    const wide = gradeAgreement([
      { auditor: 0, moderator: 3 },
      { auditor: 1, moderator: 1 },
      { auditor: 2, moderator: 2 },
      { auditor: 3, moderator: 3 },
    ]);
    expect(near.exactShare).toBe(wide.exactShare);
    expect(near.weightedKappa!).toBeGreaterThan(wide.weightedKappa!);
  });

  it('has no kappa without pairs or when everyone used one grade', () => {
    expect(gradeAgreement([]).weightedKappa).toBeNull();
    expect(
      gradeAgreement([
        { auditor: 1, moderator: 1 },
        { auditor: 1, moderator: 1 },
      ]).weightedKappa,
    ).toBeNull();
  });

  it('refuses grades off the scale', () => {
    expect(() => gradeAgreement([{ auditor: 4, moderator: 0 }])).toThrow(RangeError);
  });
});
