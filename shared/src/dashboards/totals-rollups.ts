/**
 * Every contribution is kept at four levels for each month: the whole authority, its team,
 * its case type, and its team and case type together. A dashboard then reads one item a
 * month whatever its filters, and a change is the difference between what a source added
 * before and what it adds now, spread over those levels.
 */
import type { CaseType } from '../cases/case-schemas.ts';
import { addCounters, nonZero, type Counters } from './totals-counters.ts';
import type { Contribution, FineBucket } from './totals-contributions.ts';

/** Which slice of the authority an item totals: all of it, a team, a case type, or both. */
export interface TotalsScope {
  teamId?: string;
  caseType?: CaseType;
}

export interface TotalsRow extends TotalsScope {
  month: string;
  counters: Counters;
}

/** The levels a bucket counts at; one without a team (or case type) skips the levels that need it. */
export function rollupScopes(bucket: Pick<FineBucket, 'teamId' | 'caseType'>): TotalsScope[] {
  const { teamId, caseType } = bucket;
  return [{}, ...(teamId ? [{ teamId }] : []), ...(caseType ? [{ caseType }] : []), ...(teamId && caseType ? [{ teamId, caseType }] : [])];
}

/** A stable identity for a month at a scope, for grouping in memory. */
export function rowIdentity(row: TotalsScope & { month: string }): string {
  return `${row.month}|${row.teamId ?? '*'}|${row.caseType ?? '*'}`;
}

function spread(rows: Map<string, TotalsRow>, contribution: Contribution, sign: number): void {
  for (const scope of rollupScopes(contribution.bucket)) {
    const id = rowIdentity({ ...scope, month: contribution.bucket.month });
    const row = rows.get(id) ?? { ...scope, month: contribution.bucket.month, counters: {} };
    addCounters(row.counters, contribution.counters, sign);
    rows.set(id, row);
  }
}

/** What must be added to which items to move the totals from `before` to `after`; nothing when they are equal. */
export function totalsDelta(before: readonly Contribution[], after: readonly Contribution[]): TotalsRow[] {
  const rows = new Map<string, TotalsRow>();
  for (const contribution of before) spread(rows, contribution, -1);
  for (const contribution of after) spread(rows, contribution, 1);
  return [...rows.values()].map((row) => ({ ...row, counters: nonZero(row.counters) })).filter((row) => Object.keys(row.counters).length > 0);
}

/** The totals of many sources, as the reconcile job rebuilds them. */
export function sumContributions(contributions: Iterable<Contribution>): TotalsRow[] {
  const rows = new Map<string, TotalsRow>();
  for (const contribution of contributions) spread(rows, contribution, 1);
  return [...rows.values()].map((row) => ({ ...row, counters: nonZero(row.counters) })).filter((row) => Object.keys(row.counters).length > 0);
}

/** Several rows summed into one set of counters (e.g. a period's months). */
export function sumRows(rows: Iterable<Pick<TotalsRow, 'counters'>>): Counters {
  const total: Counters = {};
  for (const row of rows) addCounters(total, row.counters);
  return total;
}
