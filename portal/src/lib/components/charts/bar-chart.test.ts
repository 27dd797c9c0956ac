import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.ts';

describe('bar chart proportions', () => {
  it('scales bars to the largest total and keeps each figure in words', () => {
    const chart = barChart([
      { key: 'a', label: 'Due', values: [10], text: '10' },
      { key: 'b', label: 'On time', values: [5], text: '5' },
    ]);
    expect(chart.rows[0]!.segments[0]!.share).toBe(1);
    expect(chart.rows[1]!.segments[0]!.share).toBe(0.5);
    expect(chart.rows[1]!.text).toBe('5');
  });

  it('stacks segments in series order and draws nothing for a hidden figure', () => {
    const chart = barChart([{ key: 'g', label: 'Overall', values: [1, null, 3], text: '' }], 8);
    expect(chart.rows[0]!.segments).toEqual([
      { share: 0.125, series: 0 },
      { share: 0.375, series: 2 },
    ]);
  });

  it('never draws a bar longer than the fixed scale', () => {
    const chart = barChart([{ key: 'x', label: 'Over', values: [60, 70], text: '130%' }], 100);
    const drawn = chart.rows[0]!.segments.reduce((sum, s) => sum + s.share, 0);
    expect(drawn).toBeCloseTo(1, 5);
  });
});
