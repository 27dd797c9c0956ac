/**
 * How far auditors and moderators agree on grades: the share of exact agreement and
 * Cohen's kappa with quadratic weights, which counts a one-grade difference as a near miss
 * and a three-grade difference as a wide one, and discounts the agreement chance alone gives.
 */

export interface GradePair {
  /** The auditor's grade, 0-based on an ordered scale (0 = best). */
  auditor: number;
  moderator: number;
}

export interface Agreement {
  pairs: number;
  exact: number;
  /** exact / pairs, or null with no pairs. */
  exactShare: number | null;
  /** null when it is undefined: no pairs, or every grade on one point of the scale. */
  weightedKappa: number | null;
}

export function gradeAgreement(pairs: readonly GradePair[], scalePoints = 4): Agreement {
  const n = pairs.length;
  const exact = pairs.filter((p) => p.auditor === p.moderator).length;
  if (n === 0) return { pairs: 0, exact: 0, exactShare: null, weightedKappa: null };
  for (const p of pairs) {
    for (const grade of [p.auditor, p.moderator]) {
      if (!Number.isInteger(grade) || grade < 0 || grade >= scalePoints) throw new RangeError(`Grade ${grade} is not on a ${scalePoints}-point scale`);
    }
  }
  const k = scalePoints;
  const weight = (i: number, j: number) => ((i - j) * (i - j)) / ((k - 1) * (k - 1));
  const rowTotals = new Array<number>(k).fill(0);
  const columnTotals = new Array<number>(k).fill(0);
  let observed = 0;
  for (const p of pairs) {
    rowTotals[p.auditor]! += 1;
    columnTotals[p.moderator]! += 1;
    observed += weight(p.auditor, p.moderator);
  }
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) expected += weight(i, j) * rowTotals[i]! * columnTotals[j]!;
  }
  observed /= n;
  expected /= n * n;
  return { pairs: n, exact, exactShare: exact / n, weightedKappa: expected === 0 ? null : 1 - observed / expected };
}
