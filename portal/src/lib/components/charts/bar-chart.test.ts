import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.ts';

describe('bar chart geometry', () => {
  it('scales bars to the largest total and writes each figure after its bar', () => {
    const chart = barChart([
      { key: 'a', label: 'Due', values: [10], text: '10' },
      { key: 'b', label: 'On time', values: [5], text: '5' },
    ]);
    expect(chart.rows[0]!.segments[0]!.width).toBe(chart.plotWidth);
    expect(chart.rows[1]!.segments[0]!.width).toBe(chart.plotWidth / 2);
    expect(chart.rows[1]!.textX).toBe(chart.plotX + chart.plotWidth / 2 + 8);
  });

  it('stacks segments end to end and draws nothing for a hidden figure', () => {
    const chart = barChart([{ key: 'g', label: 'Overall', values: [1, null, 3], text: '' }], 8);
    expect(chart.rows[0]!.segments.map((s) => s.series)).toEqual([0, 2]);
    expect(chart.rows[0]!.segments[1]!.x).toBeCloseTo(chart.plotX + chart.plotWidth / 8, 0);
  });
});
