/** Agreement figures in words: percentages, kappa to two places with the usual reading of its size, and the periods a report covers. */
import type { Agreement } from '@waypoint/shared/moderation/agreement';
import { Period } from '@waypoint/shared/moderation/moderation-schemas';
import { londonMonth } from '@waypoint/shared/time/clock';
import * as v from 'valibot';
import { monthLabel } from '../audits/months.ts';

export function exactShareText(agreement: Pick<Agreement, 'exactShare'>): string {
  return agreement.exactShare === null ? 'No grades compared' : `${Math.round(agreement.exactShare * 100)}%`;
}

/** Landis and Koch's bands, the reading most QA teams use for kappa. */
export function kappaReading(kappa: number): string {
  if (kappa < 0) return 'less than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

export function kappaText(agreement: Pick<Agreement, 'weightedKappa' | 'pairs'>): string {
  if (agreement.weightedKappa === null) return agreement.pairs === 0 ? 'No grades compared' : 'Not defined (every grade the same)';
  return `${agreement.weightedKappa.toFixed(2)} (${kappaReading(agreement.weightedKappa)})`;
}

/** "2026-Q4" → "October to December 2026"; "2026" → "2026"; a month in words. */
export function periodLabel(period: string): string {
  if (/^\d{4}$/.test(period)) return period;
  const quarter = period.match(/^(\d{4})-Q([1-4])$/);
  if (quarter) {
    const first = 3 * (Number(quarter[2]) - 1) + 1;
    const name = (m: number) => monthLabel(`${quarter[1]}-${String(m).padStart(2, '0')}`).split(' ')[0];
    return `${name(first)} to ${name(first + 2)} ${quarter[1]}`;
  }
  return monthLabel(period);
}

export function isPeriod(value: unknown): value is string {
  return v.is(Period, value);
}

/** The periods offered: the last two years, their quarters and the last twelve months, newest first. */
export function periodOptions(now: Date): { group: string; options: { value: string; label: string }[] }[] {
  const month = londonMonth(now);
  const year = Number(month.slice(0, 4));
  const currentQuarter = Math.ceil(Number(month.slice(5, 7)) / 3);
  const quarters: string[] = [];
  for (let i = 0; i < 8; i++) {
    const q = currentQuarter - i;
    const y = year + Math.floor((q - 1) / 4);
    quarters.push(`${y}-Q${((((q - 1) % 4) + 4) % 4) + 1}`);
  }
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(year, Number(month.slice(5, 7)) - 1 - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  const labelled = (values: string[]) => values.map((value) => ({ value, label: periodLabel(value) }));
  return [
    { group: 'Years', options: labelled([String(year), String(year - 1)]) },
    { group: 'Quarters', options: labelled(quarters) },
    { group: 'Months', options: labelled(months) },
  ];
}

/** The default period: the current quarter, so a new report has the recent months in it. */
export function currentQuarter(now: Date): string {
  const month = londonMonth(now);
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}
