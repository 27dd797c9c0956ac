import { describe, expect, it } from 'vitest';
import { currentQuarter, exactShareText, kappaReading, kappaText, periodLabel, periodOptions } from './agreement-format.ts';

describe('agreement in words', () => {
  it('gives exact agreement as a whole percentage, or says nothing was compared', () => {
    expect(exactShareText({ exactShare: 0.666 })).toBe('67%');
    expect(exactShareText({ exactShare: null })).toBe('No grades compared');
  });

  it('reads kappa on the Landis and Koch bands, at their boundaries', () => {
    expect(kappaReading(-0.1)).toBe('less than chance');
    expect(kappaReading(0.2)).toBe('slight');
    expect(kappaReading(0.4)).toBe('fair');
    expect(kappaReading(0.6)).toBe('moderate');
    expect(kappaReading(0.8)).toBe('substantial');
    expect(kappaReading(0.81)).toBe('almost perfect');
  });

  it('shows kappa to two places, and why it is missing when it is', () => {
    expect(kappaText({ weightedKappa: 0.7142, pairs: 9 })).toBe('0.71 (substantial)');
    expect(kappaText({ weightedKappa: null, pairs: 0 })).toBe('No grades compared');
    expect(kappaText({ weightedKappa: null, pairs: 4 })).toBe('Not defined (every grade the same)');
  });

  it('names months, quarters and years', () => {
    expect(periodLabel('2026-11')).toBe('November 2026');
    expect(periodLabel('2026-Q4')).toBe('October to December 2026');
    expect(periodLabel('2026')).toBe('2026');
  });

  it('offers quarters back across the turn of the year', () => {
    const now = new Date('2026-02-10T12:00:00Z');
    expect(currentQuarter(now)).toBe('2026-Q1');
    const quarters = periodOptions(now)
      .find((g) => g.group === 'Quarters')!
      .options.map((o) => o.value);
    expect(quarters.slice(0, 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    const months = periodOptions(now)
      .find((g) => g.group === 'Months')!
      .options.map((o) => o.value);
    expect(months.slice(0, 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});
