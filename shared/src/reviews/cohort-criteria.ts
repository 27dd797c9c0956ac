/**
 * A thematic review's cohort: which cases match its criteria (case type, team, open in a date
 * range, age band, demographics, a journey event repeated within a time), and the draw of a
 * given size with quotas per team, shuffled with the same seeded generator as the monthly
 * sample so the recorded seed replays it.
 */
import type { CaseType } from '../cases/case-schemas.ts';
import type { JourneyEventType } from '../journey/journey-events.ts';
import { seededRandom, seededShuffle } from '../programme/sampling.ts';
import { addMonths } from '../time/calendar-dates.ts';

export interface JourneyEventCriterion {
  type: JourneyEventType;
  /** At least this many events of the type... */
  atLeast: number;
  /** ...all within this many months of the first of them ("a second CP plan within 2 years": 2 within 24). */
  withinMonths: number;
}

export interface CohortCriteria {
  caseTypes?: CaseType[];
  teamIds?: string[];
  /** Open at some time between these London dates (both included). */
  openFrom?: string;
  openTo?: string;
  ageBands?: string[];
  genders?: string[];
  ethnicities?: string[];
  disabilities?: string[];
  /** Closed cases are left out unless asked for. */
  includeClosed?: boolean;
  journeyEvent?: JourneyEventCriterion;
}

/** What the criteria are judged on: the case now, and the dates of its journey's events of the type asked about. */
export interface CohortCandidate {
  ref: string;
  teamId: string;
  caseType: CaseType;
  status: 'open' | 'closed';
  ageBand?: string;
  gender?: string;
  ethnicity?: string;
  disability?: string;
  /** The London day Waypoint recorded the case, which stands in for the day it opened. */
  recordedOn: string;
  /** The day its journey records it closed, if it does. */
  closedOn?: string;
  /** Dates of the journey's events of the criterion's type (empty when there is no such criterion). */
  eventDates: string[];
}

export type CohortMismatch = 'closed' | 'case-type' | 'team' | 'not-open-in-range' | 'age' | 'gender' | 'ethnicity' | 'disability' | 'journey';

const NOT_RECORDED = 'not-recorded';

function outside(list: readonly string[] | undefined, value: string | undefined): boolean {
  return list !== undefined && list.length > 0 && !list.includes(value ?? NOT_RECORDED);
}

/** Whether `atLeast` of the dates fall within `withinMonths` of the first of them. */
export function hasRepeatedEvent(dates: readonly string[], rule: Pick<JourneyEventCriterion, 'atLeast' | 'withinMonths'>): boolean {
  const sorted = [...dates].sort();
  for (let i = 0; i + rule.atLeast - 1 < sorted.length; i++) {
    if (sorted[i + rule.atLeast - 1]! <= addMonths(sorted[i]!, rule.withinMonths)) return true;
  }
  return false;
}

/** Open at some time in the range: recorded by its end, and not closed before its start (a closed case with no recorded closure day is taken as closed before). */
function openInRange(c: CohortCandidate, from: string | undefined, to: string | undefined): boolean {
  if (to !== undefined && c.recordedOn > to) return false;
  if (from === undefined || c.status === 'open') return true;
  return c.closedOn !== undefined && c.closedOn >= from;
}

/** The first criterion the case fails, or null when it belongs in the cohort. */
export function cohortMismatch(c: CohortCandidate, criteria: CohortCriteria): CohortMismatch | null {
  if (c.status === 'closed' && !criteria.includeClosed) return 'closed';
  if (outside(criteria.caseTypes, c.caseType)) return 'case-type';
  if (outside(criteria.teamIds, c.teamId)) return 'team';
  if ((criteria.openFrom !== undefined || criteria.openTo !== undefined) && !openInRange(c, criteria.openFrom, criteria.openTo)) return 'not-open-in-range';
  if (outside(criteria.ageBands, c.ageBand)) return 'age';
  if (outside(criteria.genders, c.gender)) return 'gender';
  if (outside(criteria.ethnicities, c.ethnicity)) return 'ethnicity';
  if (outside(criteria.disabilities, c.disability)) return 'disability';
  if (criteria.journeyEvent && !hasRepeatedEvent(c.eventDates, criteria.journeyEvent)) return 'journey';
  return null;
}

/** A case that matched, as kept with the cohort so its draw can be replayed. */
export interface EligibleCase {
  ref: string;
  teamId: string;
}

export interface TeamQuota {
  teamId: string;
  count: number;
}

export interface CohortDraw {
  seed: string;
  /** Case references in the order drawn. */
  picked: string[];
  eligible: number;
  /** Teams whose quota could not be met, with how many cases they had. */
  shortfalls: { teamId: string; wanted: number; found: number }[];
}

/**
 * Shuffles the matching cases with the seed; each team with a quota gives that many (or all
 * it has), then the rest of the size is taken in shuffled order from the teams without one.
 */
export function drawCohort(options: { seed: string; size: number; quotas?: readonly TeamQuota[]; eligible: readonly EligibleCase[] }): CohortDraw {
  const shuffled = seededShuffle(options.eligible, seededRandom(options.seed));
  const quotas = [...(options.quotas ?? [])].sort((a, b) => a.teamId.localeCompare(b.teamId));
  const quotaTeams = new Set(quotas.map((q) => q.teamId));
  const picked: string[] = [];
  const shortfalls: CohortDraw['shortfalls'] = [];
  for (const quota of quotas) {
    const fromTeam = shuffled.filter((c) => c.teamId === quota.teamId).slice(0, quota.count);
    picked.push(...fromTeam.map((c) => c.ref));
    if (fromTeam.length < quota.count) shortfalls.push({ teamId: quota.teamId, wanted: quota.count, found: fromTeam.length });
  }
  for (const c of shuffled) {
    if (picked.length >= options.size) break;
    if (!quotaTeams.has(c.teamId)) picked.push(c.ref);
  }
  const order = new Map(shuffled.map((c, i) => [c.ref, i]));
  picked.sort((a, b) => order.get(a)! - order.get(b)!);
  return { seed: options.seed, picked, eligible: shuffled.length, shortfalls };
}
