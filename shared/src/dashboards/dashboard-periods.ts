/**
 * The periods a service view covers, ending at a month (the current one by default): that
 * month, its calendar quarter, or the twelve months up to it.
 */
import { shiftMonth } from '../programme/programme-dates.ts';

export const DASHBOARD_PERIODS = ['month', 'quarter', '12m'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export const DASHBOARD_PERIOD_LABELS: Record<DashboardPeriod, string> = { month: 'Month', quarter: 'Quarter', '12m': '12 months' };

/** The months of the period, oldest first. */
export function periodMonths(period: DashboardPeriod, month: string): string[] {
  switch (period) {
    case 'month':
      return [month];
    case 'quarter': {
      const first = shiftMonth(month, -((Number(month.slice(5, 7)) - 1) % 3));
      return [0, 1, 2].map((n) => shiftMonth(first, n));
    }
    case '12m':
      return Array.from({ length: 12 }, (_, n) => shiftMonth(month, n - 11));
  }
}
