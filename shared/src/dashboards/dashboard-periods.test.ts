import { describe, expect, it } from 'vitest';
import { periodMonths } from './dashboard-periods.ts';

describe('dashboard periods', () => {
  it('covers the month, its calendar quarter, or the twelve months up to it', () => {
    expect(periodMonths('month', '2026-11')).toEqual(['2026-11']);
    expect(periodMonths('quarter', '2026-11')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodMonths('quarter', '2026-01')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(periodMonths('12m', '2026-02')).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
