/**
 * A team manager's view of their own team: the service view's figures for the team over 12
 * months (the very function the dashboard uses, so the two always agree), open and overdue
 * actions by owner, and re-audits due, all from the team's monthly totals. Owners are listed
 * alphabetically with counts only: nothing here ranks named people against each other.
 */
import { counter, ownedOfCounter } from './totals-counters.ts';
import type { TotalsRow } from './totals-rollups.ts';
import type { ServiceView } from './service-view-schemas.ts';

export interface OwnerActions {
  ownerId: string;
  name: string;
  /** Open or in progress, due from the first month of the 12 onwards. */
  open: number;
  /** Of those, due before today. */
  overdue: number;
}

export interface ReauditMonth {
  month: string;
  /** Re-audits planned for the month and not cancelled. */
  due: number;
  completed: number;
  /** Due and not yet completed. */
  toDo: number;
}

export interface TeamReaudits {
  /** Months from the first of the 12 onwards with a re-audit planned, oldest first. */
  months: ReauditMonth[];
  /** Not completed in a month that has ended. */
  late: number;
  /** Not completed yet in this month. */
  thisMonth: number;
  /** Planned for the months to come. */
  upcoming: number;
}

export interface TeamView {
  team: { id: string; name: string };
  /** The team's 12 months exactly as the service dashboard shows them with this team chosen. */
  service: ServiceView;
  /** Everyone holding an open action of the team, in alphabetical order of name. */
  owners: OwnerActions[];
  reaudits: TeamReaudits;
}

export const TEAM_FIGURES = ['timeliness', 'grades', 'trend', 'areas-for-development', 'actions', 'actions-by-owner', 'reaudits'] as const;
export type TeamFigure = (typeof TEAM_FIGURES)[number];

/** A person no longer found under their id still holds their actions; they are named plainly. */
export const UNKNOWN_OWNER = 'Someone no longer in Waypoint';

/** Whoever holds an open action counted in these rows, to be named. */
export function ownerIds(rows: readonly TotalsRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows)
    for (const name of Object.keys(row.counters))
      if ((row.counters[name] ?? 0) > 0) {
        const owned = ownedOfCounter(name);
        if (owned) ids.add(owned.ownerId);
      }
  return [...ids];
}

/** Open and overdue actions by owner from the `w.` counters of the months read (from the 12 months' first onwards). */
export function ownerActions(rows: readonly TotalsRow[], today: string, names: ReadonlyMap<string, string>): OwnerActions[] {
  const byOwner = new Map<string, { open: number; overdue: number }>();
  for (const row of rows) {
    for (const [name, n] of Object.entries(row.counters)) {
      const owned = ownedOfCounter(name);
      if (!owned || n <= 0) continue;
      const figures = byOwner.get(owned.ownerId) ?? { open: 0, overdue: 0 };
      figures.open += n;
      if (`${row.month}-${owned.day}` < today) figures.overdue += n;
      byOwner.set(owned.ownerId, figures);
    }
  }
  return [...byOwner].map(([ownerId, figures]) => ({ ownerId, name: names.get(ownerId) ?? UNKNOWN_OWNER, ...figures })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.ownerId.localeCompare(b.ownerId));
}

/** Re-audits by the month they are planned for, with how many are late, due this month and to come. */
export function teamReaudits(rows: readonly TotalsRow[], thisMonth: string): TeamReaudits {
  const months = rows
    .map((row) => {
      const due = row.counters[counter.reauditsDue] ?? 0;
      const completed = row.counters[counter.reauditsCompleted] ?? 0;
      return { month: row.month, due, completed, toDo: Math.max(0, due - completed) };
    })
    .filter((m) => m.due > 0)
    .sort((a, b) => a.month.localeCompare(b.month));
  const toDo = (keep: (month: string) => boolean) => months.filter((m) => keep(m.month)).reduce((sum, m) => sum + m.toDo, 0);
  return { months, late: toDo((m) => m < thisMonth), thisMonth: toDo((m) => m === thisMonth), upcoming: toDo((m) => m > thisMonth) };
}
