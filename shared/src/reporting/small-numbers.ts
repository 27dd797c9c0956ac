/**
 * Small-number suppression for breakdowns by group of children: a count under the threshold
 * is shown as "fewer than 5", never as a figure. When only one group in a breakdown would be
 * hidden, the next smallest is hidden too, so the total cannot give the hidden one away.
 */

export const SUPPRESSION_THRESHOLD = 5;

export type Shown = { value: number; suppressed: false } | { value: null; suppressed: true };

export function suppressBreakdown<K extends string>(counts: Record<K, number>, threshold = SUPPRESSION_THRESHOLD): Record<K, Shown> {
  const entries = Object.entries(counts) as [K, number][];
  const hidden = new Set(entries.filter(([, n]) => n > 0 && n < threshold).map(([k]) => k));
  if (hidden.size === 1) {
    const next = entries.filter(([k, n]) => !hidden.has(k) && n > 0).sort((a, b) => a[1] - b[1])[0];
    if (next) hidden.add(next[0]);
  }
  return Object.fromEntries(entries.map(([k, n]) => [k, hidden.has(k) ? { value: null, suppressed: true } : { value: n, suppressed: false }])) as Record<K, Shown>;
}

export function describeShown(shown: Shown, threshold = SUPPRESSION_THRESHOLD): string {
  return shown.suppressed ? `fewer than ${threshold}` : String(shown.value);
}
