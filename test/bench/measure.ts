/** Small timing helpers for the bench: interleaved samples and percentiles. */

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** `gc` when node runs with --expose-gc (the bench script asks for it). */
const collect = (globalThis as { gc?: (options?: { type: 'minor' | 'major'; execution: 'sync' }) => void }).gc;

/**
 * Times one run of `work`. The young generation is emptied first when node allows it, so a
 * request pays for its own garbage, not for whatever ran before it: otherwise about half the
 * samples of a figure carry a collection and its median flips between the two.
 */
export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  collect?.({ type: 'minor', execution: 'sync' });
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Runs each named workload `rounds` times, interleaved so that whatever else the machine is
 * doing affects every figure alike. Each round runs them in a fresh order (shuffled from a
 * fixed seed, so runs are comparable): in a fixed rotation one workload would nearly always
 * follow the same other one and pay for collecting its garbage. Returns the samples per name.
 */
export async function interleave(workloads: Record<string, () => Promise<unknown>>, rounds: number, seed = 1): Promise<Record<string, number[]>> {
  const entries = Object.entries(workloads);
  const samples: Record<string, number[]> = Object.fromEntries(entries.map(([name]) => [name, []]));
  const random = seededRandom(seed);
  for (let round = 0; round < rounds; round++) {
    for (const [name, work] of shuffled(entries, random)) samples[name]!.push(await timeOnce(work));
  }
  return samples;
}

/** Fisher–Yates with the given source of randomness. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** mulberry32: small, fast and the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function print(name: string, value: number, digits = 2): void {
  console.log(`${name}: ${value.toFixed(digits)}`);
}
