/**
 * The counters a monthly totals item holds. Each is its own top-level number attribute,
 * because UpdateItem ADD works only on top-level attributes; names are short (they are read
 * hundreds at a time) and dot-separated, so `s.assessment.g` reads "section assessment,
 * graded good". Section ids and groups never contain dots, so a name always splits cleanly.
 */
import type { ActionDifference } from '../actions/action-schemas.ts';
import type { DemographicDimension } from '../demographics/demographics.ts';
import { GRADES, type Grade } from '../templates/grade-scale.ts';

export type Counters = Record<string, number>;

export const GRADE_CODES: Record<Grade, string> = { outstanding: 'o', good: 'g', 'requires-improvement': 'r', inadequate: 'i' };
const GRADE_BY_CODE = Object.fromEntries(GRADES.map((g) => [GRADE_CODES[g], g])) as Record<string, Grade>;

export function gradeOfCode(code: string): Grade | undefined {
  return GRADE_BY_CODE[code];
}

/** What a fairness counter counts for a group: audits due, completed on time, or graded (overall). */
export type FairnessMeasure = 'due' | 'ontime' | Grade;

export const counter = {
  /** Audits of the programme month that were not cancelled: what was due. */
  auditsDue: 'a.due',
  auditsCompleted: 'a.done',
  /** Completed by the last day of their month (London). */
  auditsOnTime: 'a.ontime',
  /** Re-audits of an Inadequate audit planned for the month (not cancelled), and those completed: what the team page calls re-audits due. */
  reauditsDue: 'a.re',
  reauditsCompleted: 'a.re.done',
  overallGrade: (grade: Grade) => `g.${GRADE_CODES[grade]}`,
  sectionGrade: (sectionId: string, grade: Grade) => `s.${sectionId}.${GRADE_CODES[grade]}`,
  moderatedAudits: 'm.n',
  /** Auditor's overall grade against the moderator's: the agreement table on the overall judgement. */
  moderationOverall: (auditor: Grade, moderator: Grade) => `m.o.${GRADE_CODES[auditor]}${GRADE_CODES[moderator]}`,
  /** Every grade the moderator re-graded (sections and overall): the agreement table on all grades. */
  moderationGrades: (auditor: Grade, moderator: Grade) => `m.s.${GRADE_CODES[auditor]}${GRADE_CODES[moderator]}`,
  actionsRaised: 'x.raised',
  actionsDone: 'x.done',
  actionsDoneOnTime: 'x.ontime',
  actionsVerified: 'x.verified',
  actionsCancelled: 'x.cancelled',
  daysToDone: (bin: number) => `x.d.${bin}`,
  actionsFromSection: (sectionId: string) => `x.s.${sectionId}`,
  actionDifference: (difference: ActionDifference) => `x.i.${difference}`,
  /** Open actions due on a day of the item's month (`o.07`): what "overdue" is read from, whatever today is. */
  openDue: (dueDate: string) => `o.${dueDate.slice(8, 10)}`,
  /** Open actions an owner holds, due on a day of the item's month; the owner's id hex-encoded (an id may hold dots). Read by the team page, never ranked. */
  openOwned: (ownerId: string, dueDate: string) => `${OWNER_PREFIX}${toHex(ownerId)}.${dueDate.slice(8, 10)}`,
  fairness: (dimension: DemographicDimension, group: string, measure: FairnessMeasure) => `f.${dimension}.${group}.${(GRADES as readonly string[]).includes(measure) ? GRADE_CODES[measure as Grade] : measure}`,
  /** Sent feedback responses staff tagged with at least one theme, in the month they were sent. */
  feedbackTagged: 'e.n',
  /** Responses tagged with a theme; the theme's own words are hex-encoded (they may hold any character). */
  feedbackTheme: (theme: string) => `${THEME_PREFIX}${toHex(theme)}`,
} as const;

const THEME_PREFIX = 'e.t.';
const OWNER_PREFIX = 'w.';

function toHex(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The theme a `e.t.<hex>` counter counts; undefined for any other counter. */
export function themeOfCounter(name: string): string | undefined {
  if (!name.startsWith(THEME_PREFIX)) return undefined;
  const hex = name.slice(THEME_PREFIX.length);
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) return undefined;
  return new TextDecoder().decode(Uint8Array.from(hex.match(/../g)!.map((pair) => parseInt(pair, 16))));
}

/** The owner and due day of a `w.<hex>.<day>` counter; undefined for any other counter. */
export function ownedOfCounter(name: string): { ownerId: string; day: string } | undefined {
  const found = /^w\.((?:[0-9a-f]{2})+)\.(\d{2})$/.exec(name);
  if (!found) return undefined;
  return { ownerId: new TextDecoder().decode(Uint8Array.from(found[1]!.match(/../g)!.map((pair) => parseInt(pair, 16)))), day: found[2]! };
}

/** `c.` counters are records compliance checks' (compliance/compliance-totals.ts), `h.` the case holders' views on grades (audits/grade-view-totals.ts), `w.` open actions by owner. */
const COUNTER_NAME = /^[agsmxfoechw]\.[A-Za-z0-9.-]+$/;

/** Whether an attribute of a totals item is a counter (not a key, a label or a retry mark). */
export function isCounterName(name: string): boolean {
  return COUNTER_NAME.test(name);
}

/** `into` plus `sign` times `from`, in place; returns `into`. */
export function addCounters(into: Counters, from: Counters, sign = 1): Counters {
  for (const [name, value] of Object.entries(from)) into[name] = (into[name] ?? 0) + sign * value;
  return into;
}

/** Without the zeros, so an empty result means "nothing changed". */
export function nonZero(counters: Counters): Counters {
  return Object.fromEntries(Object.entries(counters).filter(([, n]) => n !== 0));
}

/**
 * Days to done are counted day by day up to 30 (where most actions fall, so the median is
 * exact there), then in weeks up to a year, then as "a year or more".
 */
export const DAYS_EXACT_UP_TO = 30;
export const DAYS_YEAR_OR_MORE = 365;

export function daysToDoneBin(days: number): number {
  if (days <= DAYS_EXACT_UP_TO) return Math.max(0, days);
  if (days >= DAYS_YEAR_OR_MORE) return DAYS_YEAR_OR_MORE;
  return DAYS_EXACT_UP_TO + 1 + 7 * Math.floor((days - DAYS_EXACT_UP_TO - 1) / 7);
}

/** The last day a bin holds (a bin is named by its first day). */
export function daysToDoneBinEnd(bin: number): number | null {
  if (bin <= DAYS_EXACT_UP_TO) return bin;
  if (bin >= DAYS_YEAR_OR_MORE) return null;
  return Math.min(bin + 6, DAYS_YEAR_OR_MORE - 1);
}
