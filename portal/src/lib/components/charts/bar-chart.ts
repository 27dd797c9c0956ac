/**
 * Geometry for the shared horizontal bar chart: one row per item, each a single bar or a
 * stack of segments, scaled to the largest row total. Computed here so it can be tested
 * without a browser; the component only draws it.
 */
export const BAR_CHART_WIDTH = 760;
const LABEL_WIDTH = 240;
const VALUE_ROOM = 150;
const ROW = 34;
const TOP = 8;
const BAR = 20;

export interface BarInput {
  key: string;
  label: string;
  /** One value for a plain bar; several for a stack, in the order of `series`. null hides the bar (e.g. "fewer than 5"). */
  values: readonly (number | null)[];
  /** What is written after the bar, so no figure depends on length or colour alone. */
  text: string;
}

export interface BarSegment {
  x: number;
  width: number;
  series: number;
}

export interface BarRow {
  key: string;
  label: string;
  y: number;
  segments: BarSegment[];
  textX: number;
  text: string;
}

export interface BarChart {
  width: number;
  height: number;
  plotX: number;
  plotWidth: number;
  barHeight: number;
  rows: BarRow[];
}

/** `max` fixes the scale (100 for percentages); otherwise the largest row total sets it. */
export function barChart(rows: readonly BarInput[], max?: number): BarChart {
  const plotWidth = BAR_CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const total = (r: BarInput) => r.values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const scale = max ?? Math.max(1, ...rows.map(total));
  return {
    width: BAR_CHART_WIDTH,
    height: TOP + rows.length * ROW + 4,
    plotX: LABEL_WIDTH,
    plotWidth,
    barHeight: BAR,
    rows: rows.map((row, i) => {
      let x = LABEL_WIDTH;
      const segments: BarSegment[] = [];
      row.values.forEach((value, series) => {
        if (value === null || value <= 0) return;
        const width = Math.round((Math.min(value, scale) / scale) * plotWidth * 10) / 10;
        segments.push({ x, width, series });
        x += width;
      });
      return { key: row.key, label: row.label, y: TOP + i * ROW + (ROW - BAR) / 2, segments, textX: x + 8, text: row.text };
    }),
  };
}
