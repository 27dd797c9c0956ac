/**
 * CPU time per request of a few reads, beside the timed medians: on a busy machine a timed
 * ratio also measures how often each side waited for a core (at load averages of 20 to 35 on
 * 2 cores the same code gave 1.5 to 2.3 for the case GET), while CPU time counts only the work
 * done. Each workload runs in blocks, interleaved, and is charged what the process used during
 * its blocks: all threads (the API's code, the SDK and dynalite's thread, which stands in for
 * DynamoDB's own work), and the main thread alone (the API and the SDK's client side, from
 * Linux's per-thread counters; NaN elsewhere). Ticks are 10 ms, so many requests are needed.
 */
import { readFileSync } from 'node:fs';

/** The main thread's CPU time so far in ms, from Linux's per-thread counters (NaN elsewhere). */
function mainThreadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

export interface ReadCpu {
  /** µs of the whole process per request. */
  processUs: number;
  /** µs of the main thread per request. */
  mainThreadUs: number;
}

export async function cpuPerRequest(workloads: Record<string, () => Promise<unknown>>, options: { blocks?: number; perBlock?: number } = {}): Promise<Record<string, ReadCpu>> {
  const { blocks = 20, perBlock = 50 } = options;
  const totals = Object.fromEntries(Object.keys(workloads).map((name) => [name, { process: 0, main: 0, requests: 0 }]));
  // Warm each up first, so no figure carries compiling its code.
  for (const work of Object.values(workloads)) for (let n = 0; n < perBlock; n++) await work();
  for (let block = 0; block < blocks; block++) {
    for (const [name, work] of Object.entries(workloads)) {
      const [before, mainBefore] = [process.cpuUsage(), mainThreadCpuMs()];
      for (let n = 0; n < perBlock; n++) await work();
      const used = process.cpuUsage(before);
      const total = totals[name]!;
      total.process += used.user + used.system;
      total.main += (mainThreadCpuMs() - mainBefore) * 1000;
      total.requests += perBlock;
    }
  }
  return Object.fromEntries(Object.entries(totals).map(([name, t]) => [name, { processUs: t.process / t.requests, mainThreadUs: t.main / t.requests }]));
}
