/** Small timing helpers for the bench: interleaved samples and percentiles. */

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Runs each named workload `rounds` times, interleaved (a, b, c, then b, c, a, ...) so that
 * whatever else the machine is doing affects every figure alike; each round starts one further
 * along, so no workload always follows the same one (and pays for its garbage). Returns the
 * samples per name.
 */
export async function interleave(workloads: Record<string, () => Promise<unknown>>, rounds: number): Promise<Record<string, number[]>> {
  const entries = Object.entries(workloads);
  const samples: Record<string, number[]> = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < entries.length; i++) {
      const [name, work] = entries[(round + i) % entries.length]!;
      samples[name]!.push(await timeOnce(work));
    }
  }
  return samples;
}

export function print(name: string, value: number, digits = 2): void {
  console.log(`${name}: ${value.toFixed(digits)}`);
}
