/** Geometry for the agreement bar chart: one bar per team (and all teams) for exact agreement, with its figure in words. */
import type { Agreement } from '@waypoint/shared/moderation/agreement';

export const CHART_WIDTH = 760;
const LABEL_WIDTH = 220;
const VALUE_ROOM = 140;
const ROW = 36;
const TOP = 34;
const BAR = 20;

export interface AgreementBar {
  key: string;
  name: string;
  y: number;
  width: number;
  /** "67% (6 of 9 grades)" or "No grades compared": the bar's value, never colour or length alone. */
  value: string;
  highlight: boolean;
}

export interface AgreementChart {
  width: number;
  height: number;
  plotX: number;
  plotWidth: number;
  gridlines: { x: number; label: string }[];
  bars: AgreementBar[];
  barHeight: number;
}

export function agreementChart(rows: readonly { key: string; name: string; agreement: Agreement; highlight?: boolean }[]): AgreementChart {
  const plotWidth = CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM;
  return {
    width: CHART_WIDTH,
    height: TOP + rows.length * ROW + 8,
    plotX: LABEL_WIDTH,
    plotWidth,
    gridlines: [0, 25, 50, 75, 100].map((p) => ({ x: LABEL_WIDTH + (p / 100) * plotWidth, label: `${p}%` })),
    barHeight: BAR,
    bars: rows.map((row, i) => {
      const share = row.agreement.exactShare;
      return {
        key: row.key,
        name: row.name,
        y: TOP + i * ROW + (ROW - BAR) / 2,
        width: share === null ? 0 : Math.round(share * plotWidth * 10) / 10,
        value: share === null ? 'No grades compared' : `${Math.round(share * 100)}% (${row.agreement.exact} of ${row.agreement.pairs})`,
        highlight: row.highlight ?? false,
      };
    }),
  };
}
