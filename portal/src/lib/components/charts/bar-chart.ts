/**
 * Proportions for the shared horizontal bar chart: one row per item, each a single bar or a
 * stack of segments, each segment a share of the scale (the largest row total, or a fixed
 * maximum). The component draws them in HTML, so the chart reflows to any width and its words
 * stay at the page's text size; computed here so it can be tested without a browser.
 */
export interface BarInput {
  key: string;
  label: string;
  /** One value for a plain bar; several for a stack, in the order of `series`. null hides the bar (e.g. "fewer than 5"). */
  values: readonly (number | null)[];
  /** What is written after the bar, so no figure depends on length or colour alone. */
  text: string;
}

export interface BarSegment {
  /** The segment's length as a share of the whole scale, from 0 to 1. */
  share: number;
  series: number;
}

export interface BarRow {
  key: string;
  label: string;
  segments: BarSegment[];
  text: string;
}

export interface BarChart {
  rows: BarRow[];
}

/** `max` fixes the scale (100 for percentages); otherwise the largest row total sets it. */
export function barChart(rows: readonly BarInput[], max?: number): BarChart {
  const total = (r: BarInput) => r.values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const scale = max ?? Math.max(1, ...rows.map(total));
  return {
    rows: rows.map((row) => {
      const segments: BarSegment[] = [];
      let left = 1;
      row.values.forEach((value, series) => {
        if (value === null || value <= 0 || left <= 0) return;
        const share = Math.min(Math.round((value / scale) * 10_000) / 10_000, left);
        segments.push({ share, series });
        left -= share;
      });
      return { key: row.key, label: row.label, segments, text: row.text };
    }),
  };
}
