/**
 * Geometry for the results charts, drawn on the server as SVG: one stacked bar per item
 * (each answer's share of those who answered it) and one bar per round for the trend.
 * Withheld figures draw nothing; the table beside each chart says "fewer than 5".
 */
import type { FormResults } from '@waypoint/shared/engagement/results/result-schemas';

export const SEGMENT_CLASSES: Record<string, string> = { yes: 'seg-yes', partly: 'seg-partly', no: 'seg-no', 'dont-know': 'seg-dk', 'rather-not-say': 'seg-rns' };

export interface StackedBar {
  key: string;
  label: string;
  y: number;
  segments: { value: string; x: number; width: number; cls: string; share: number }[];
}

export interface AnswerChart {
  width: number;
  height: number;
  plotX: number;
  plotWidth: number;
  barHeight: number;
  bars: StackedBar[];
}

const WIDTH = 720;
const PLOT_X = 300;
const BAR = 26;
const GAP = 14;

/** Keeps long item labels inside the left margin of the chart. */
export function shorten(label: string, max = 38): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

export function answerChart(form: FormResults): AnswerChart {
  const plotWidth = WIDTH - PLOT_X - 10;
  const bars = form.items.map((item, i): StackedBar => {
    const total = item.answered.value ?? 0;
    let x = PLOT_X;
    const segments = item.counts.flatMap((c) => {
      if (!total || !c.count.value) return [];
      const width = (c.count.value / total) * plotWidth;
      const seg = { value: c.value, x, width, cls: SEGMENT_CLASSES[c.value] ?? 'seg-dk', share: Math.round((c.count.value / total) * 100) };
      x += width;
      return [seg];
    });
    return { key: `${item.sectionId}.${item.questionId}`, label: shorten(item.label), y: 10 + i * (BAR + GAP), segments };
  });
  return { width: WIDTH, height: 10 + bars.length * (BAR + GAP), plotX: PLOT_X, plotWidth, barHeight: BAR, bars };
}

/** One sentence for screen readers; the table has every figure. */
export function chartSummary(form: FormResults): string {
  if (form.withheld) return 'Fewer than 5 responses, so no figures are shown.';
  const best = [...form.items].filter((i) => i.positivePercent !== null).sort((a, b) => b.positivePercent! - a.positivePercent!);
  if (!best.length) return 'No answers yet.';
  return `Most positive: ${best[0]!.label} (${best[0]!.positivePercent}% yes). Least positive: ${best.at(-1)!.label} (${best.at(-1)!.positivePercent}% yes).`;
}
