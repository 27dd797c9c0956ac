/**
 * The monthly audit sample for a manager: random but replayable from a recorded seed, open
 * cases only, none audited in the last 12 months nor with an audit already under way, spread
 * across case holders and case types so no one worker's practice is over-represented.
 */
import { addMonths } from '../time/calendar-dates.ts';

export interface SampleCandidate {
  ref: string;
  holderId?: string;
  caseType: string;
  status: 'open' | 'closed';
  /** Date (YYYY-MM-DD) of the case's last completed audit, if any. */
  lastAuditedOn?: string;
  /** An audit of the case is already planned or in progress (a re-audit, say): a second would duplicate it. */
  auditUnderWay?: boolean;
}

export type Ineligibility = 'closed' | 'audited-in-last-12-months' | 'audit-under-way';

/** Why a case cannot be sampled for a month starting `monthStart`, or null when it can. */
export function ineligibility(candidate: SampleCandidate, monthStart: string): Ineligibility | null {
  if (candidate.status !== 'open') return 'closed';
  if (candidate.auditUnderWay) return 'audit-under-way';
  if (candidate.lastAuditedOn && candidate.lastAuditedOn > addMonths(monthStart, -12)) return 'audited-in-last-12-months';
  return null;
}

/** A small, well-mixed 32-bit generator (mulberry32) seeded from the seed text (FNV-1a). */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    state ^= seed.charCodeAt(i);
    state = Math.imul(state, 0x01000193) >>> 0;
  }
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The cases in reference order (so the seed alone decides), shuffled by `random` (Fisher-Yates); thematic review cohorts are drawn with it too. */
export function seededShuffle<T extends { ref: string }>(items: readonly T[], random: () => number): T[] {
  const shuffled = [...items].sort((a, b) => a.ref.localeCompare(b.ref));
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}

export interface Sample {
  seed: string;
  picked: string[];
  eligible: number;
}

/**
 * Shuffles the eligible cases with the seed, then takes them one at a time, each time the
 * first (in shuffled order) whose holder, then case type, is least represented so far.
 */
export function proposeSample(options: { seed: string; month: string; size: number; candidates: readonly SampleCandidate[] }): Sample {
  const monthStart = `${options.month}-01`;
  const random = seededRandom(options.seed);
  const eligible = seededShuffle(
    options.candidates.filter((c) => ineligibility(c, monthStart) === null),
    random,
  );
  const byHolder = new Map<string, number>();
  const byType = new Map<string, number>();
  const picked: string[] = [];
  const remaining = [...eligible];
  while (picked.length < options.size && remaining.length > 0) {
    let best = 0;
    for (let i = 1; i < remaining.length; i++) {
      const score = (c: SampleCandidate) => [byHolder.get(c.holderId ?? '') ?? 0, byType.get(c.caseType) ?? 0];
      const [h, t] = score(remaining[i]!);
      const [bh, bt] = score(remaining[best]!);
      if (h! < bh! || (h === bh && t! < bt!)) best = i;
    }
    const [chosen] = remaining.splice(best, 1);
    picked.push(chosen!.ref);
    byHolder.set(chosen!.holderId ?? '', (byHolder.get(chosen!.holderId ?? '') ?? 0) + 1);
    byType.set(chosen!.caseType, (byType.get(chosen!.caseType) ?? 0) + 1);
  }
  return { seed: options.seed, picked, eligible: eligible.length };
}

export type SwapProblem = 'not-in-sample' | 'already-in-sample' | 'unknown-case' | Ineligibility;

/** Checks a manager's swap of one sampled case for another; null when it is allowed. */
export function swapProblem(options: { month: string; picked: readonly string[]; out: string; in: string; candidates: readonly SampleCandidate[] }): SwapProblem | null {
  if (!options.picked.includes(options.out)) return 'not-in-sample';
  if (options.picked.includes(options.in)) return 'already-in-sample';
  const incoming = options.candidates.find((c) => c.ref === options.in);
  if (!incoming) return 'unknown-case';
  return ineligibility(incoming, `${options.month}-01`);
}
