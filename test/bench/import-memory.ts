/**
 * One import's memory, in a process of its own started by import-bench.ts with a capped heap
 * (`--max-old-space-size`) and `--expose-gc`, against the database that process holds. The file
 * is checked and applied by the import job's own code; after every chunk, and every 100 ms of
 * the check, a full collection is forced and the heap in use (and buffers) is noted. Prints the
 * most found above where it started, as JSON. A run that needs more than the cap dies out of
 * memory, which the parent reports.
 */
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { benchTenant, checkAndApply, fileOnDisk } from './import-bench.ts';

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with --expose-gc');
const { endpoint, importId, path } = JSON.parse(process.argv[2]!) as { endpoint: string; importId: string; path: string };
const MB = 1024 * 1024;

const inUse = () => {
  collect();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

const tenant = benchTenant(createDocumentClient({ endpoint, region: 'eu-west-2' }));
// The CSV parser is loaded on first use; loaded here, its code is part of the start, not of the file.
await import('csv-parse');
const start = inUse();
let peak = start;
const sample = () => {
  peak = Math.max(peak, inUse());
};
const sampler = setInterval(sample, 100);
await checkAndApply(tenant, importId, fileOnDisk(path), { afterChunkApplied: sample });
clearInterval(sampler);
sample();
console.log(JSON.stringify({ peakMb: (peak - start) / MB, startMb: start / MB }));
process.exit(0);
