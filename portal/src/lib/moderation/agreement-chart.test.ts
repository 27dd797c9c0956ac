import { describe, expect, it } from 'vitest';
import { agreementChart } from './agreement-chart.ts';

describe('the agreement bar chart', () => {
  const chart = agreementChart([
    { key: 'all', name: 'All teams', agreement: { pairs: 10, exact: 7, exactShare: 0.7, weightedKappa: 0.6 }, highlight: true },
    { key: 'a', name: 'Assessment', agreement: { pairs: 4, exact: 4, exactShare: 1, weightedKappa: null } },
    { key: 'b', name: 'Early Help', agreement: { pairs: 0, exact: 0, exactShare: null, weightedKappa: null } },
  ]);

  it('draws each bar in proportion to exact agreement, full width at 100%', () => {
    expect(chart.bars[1]!.width).toBe(chart.plotWidth);
    expect(chart.bars[0]!.width).toBeCloseTo(chart.plotWidth * 0.7, 0);
  });

  it('writes each value in words, so length is never the only signal', () => {
    expect(chart.bars.map((b) => b.value)).toEqual(['70% (7 of 10)', '100% (4 of 4)', 'No grades compared']);
    expect(chart.bars[2]!.width).toBe(0);
  });

  it('gives each row its own place and the chart room for them all', () => {
    expect(chart.bars[1]!.y).toBeGreaterThan(chart.bars[0]!.y);
    expect(chart.height).toBeGreaterThan(chart.bars[2]!.y + chart.barHeight);
  });
});
