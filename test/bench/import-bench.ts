/**
 * `import_rows_per_second` and `import_memory_mb_peak`: a cases export of 50,000 rows (CSV, as
 * Mosaic writes it) read, checked and imported by the import job's own code against a fresh
 * dynalite (in its own worker thread, as everywhere), the file read from disk. Rows per second
 * counts the whole import, check and apply together, from the accepted mapping to done (budget:
 * 50,000 rows in under 60 s on 2 cores). On a shared, loaded machine the seconds say more about
 * the load than the code, so the CPU time per row (the whole process, and its main thread alone)
 * and the database requests and items per row are printed too.
 *
 * Memory is measured apart from the timing, for the 50,000-row file and one of 10,000 side by
 * side: each imported in a child process of its own (import-memory.ts) whose heap is capped at
 * IMPORT_MEMORY_CAP_MB, reporting the most it had in use just after a full collection, forced
 * after every chunk and every 100 ms of the check. A peak sampled without forcing collections
 * counts garbage V8 has not collected yet, which it lets pile higher the more room it has and
 * the longer a run goes (205 MB for 50,000 rows where 18 MB was in use); memory in use is what
 * must stay flat in the file's size, and finishing under the cap shows it does.
 * `tsx test/bench/import-bench.ts` runs this part alone.
 */
import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ulid } from 'ulid';
import { tenantContext, type TenantContext } from '@waypoint/functions/platform/auth/caller';
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { startLocalDatabase } from '@waypoint/functions/platform/database/local-database';
import { ensureTable } from '@waypoint/functions/platform/database/table-bootstrap';
import { provisionTenant } from '@waypoint/functions/tenants/tenant-creation';
import { putNewTeam } from '@waypoint/functions/teams/team-store';
import { getImport, moveImport, putNewImport, type StoredImport } from '@waypoint/functions/imports/import-store';
import { workOnImport, type ImportWorkOptions } from '@waypoint/functions/imports/import-work';
import type { ImportFileSource } from '@waypoint/functions/imports/import-file';

export const TENANT = 'b1a7e0f2-2222-4a4a-8a8a-000000000020';
const TEAMS = ['North Assessment', 'South CIN', 'Children in Care', 'Care Leavers', 'Early Help East'];
const TYPES = ['CIN', 'CP', 'CLA', 'Care Leaver', 'Early Help'];

function writeExport(path: string, rows: number): void {
  const lines = ['PERSON_ID,TEAM_NAME,CASE_TYPE,START_DATE,END_DATE,GENDER,ETHNICITY'];
  for (let i = 1; i <= rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`IMP-${String(i).padStart(6, '0')},${TEAMS[i % TEAMS.length]},${TYPES[i % TYPES.length]},${day}/0${(i % 9) + 1}/2024,${i % 7 === 0 ? `${day}/10/2025` : ''},${i % 2 ? 'F' : 'M'},${['WBRI', 'MWBC', 'APKN', 'BAFR', 'CHNE'][i % 5]}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

export interface ImportBenchResult {
  rowsPerSecond: number;
  seconds: number;
  /** CPU time (user + system, every thread of the process: the import and the database) per row, in ms. */
  cpuMsPerRow: number;
  /** The main thread's share of that (the import's own code and the database client), where Linux says. */
  mainThreadCpuMsPerRow: number;
  /** Requests to the database per row, and the items they read and wrote: the same on any machine. */
  requestsPerRow: number;
  itemsReadPerRow: number;
  itemsWrittenPerRow: number;
  /** Seconds checking (the preview) and applying. */
  checkSeconds: number;
  applySeconds: number;
}

/** The main thread's CPU time so far in ms, from Linux's per-thread counters (NaN elsewhere): the rest of the process's CPU is the database's thread and the runtime's helpers. */
function mainThreadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Counts the database requests the import makes, and the items each reads or writes. */
function countRequests(db: ReturnType<typeof createDocumentClient>) {
  const counted = { requests: 0, read: 0, written: 0 };
  db.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { RequestItems?: Record<string, unknown[] | { Keys: unknown[] }> };
      counted.requests++;
      for (const request of Object.values(input.RequestItems ?? {})) {
        if (Array.isArray(request)) counted.written += request.length;
        else counted.read += request.Keys.length;
      }
      return next(args);
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );
  return counted;
}

/** The export on disk as the import job reads an uploaded file. */
export const fileOnDisk = (path: string) => async (): Promise<ImportFileSource> => ({ size: statSync(path).size, stream: async (start = 0) => createReadStream(path, { start }) });

/** A fresh database with the bench authority and its teams, the export written, and an import of it read as far as its mapping. */
async function prepareImport(rows: number) {
  const folder = mkdtempSync(join(tmpdir(), 'waypoint-import-bench-'));
  const path = join(folder, 'cases.csv');
  writeExport(path, rows);
  const database = await startLocalDatabase();
  const close = async () => {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const db = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
    await ensureTable(db, 'waypoint');
    const tenant = benchTenant(db);
    const at = new Date().toISOString();
    await provisionTenant({ platform: { db, tableName: 'waypoint' }, tenant, newTenant: { tenantId: TENANT, slug: 'bench-imports', name: 'Bench: imports', region: 'North East', at }, adminEmail: 'admin@bench-imports.example' });
    for (const [i, name] of TEAMS.entries()) await putNewTeam(tenant, { id: `team-${i}`, name, status: 'open', version: 1, createdAt: at, updatedAt: at });
    const record: StoredImport = {
      id: ulid(),
      kind: 'cases',
      source: 'mosaic',
      fileName: 'cases.csv',
      format: 'csv',
      status: 'reading',
      rowsTotal: 0,
      rowsDone: 0,
      rowsWithProblems: 0,
      problemsListed: 0,
      attempt: 1,
      counts: { created: 0, updated: 0, unchanged: 0, refused: 0 },
      createdBy: 'bench',
      createdAt: at,
      updatedAt: at,
      version: 1,
      objectKey: 'bench',
    };
    await putNewImport(tenant, record);
    await workOnImport(tenant, record.id, fileOnDisk(path));
    return { db, tenant, importId: record.id, path, endpoint: database.endpoint, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export const benchTenant = (db: ReturnType<typeof createDocumentClient>) => tenantContext({ tenantId: TENANT, db, tableName: 'waypoint', portalUrl: 'http://localhost:5173' });

/** The mapping accepted and the file checked; then the preview accepted and the rows applied. Seconds for the check. */
export async function checkAndApply(tenant: TenantContext, importId: string, file: () => Promise<ImportFileSource>, options: ImportWorkOptions = {}): Promise<number> {
  const at = new Date().toISOString();
  const started = performance.now();
  await moveImport({ tenant, record: (await getImport(tenant, importId))!, from: ['mapping'], changes: { status: 'checking' }, at });
  await workOnImport(tenant, importId, file);
  const checkSeconds = (performance.now() - started) / 1000;
  await moveImport({ tenant, record: (await getImport(tenant, importId))!, from: ['checked'], changes: { status: 'importing', checkpoint: { nextRow: 0 }, acceptedBy: 'bench', acceptedAt: at }, at });
  await workOnImport(tenant, importId, file, options);
  return checkSeconds;
}

async function expectDone(tenant: TenantContext, importId: string, rows: number): Promise<void> {
  const done = (await getImport(tenant, importId))!;
  if (done.status !== 'done' || done.counts.created !== rows) throw new Error(`import bench: ${done.status}, ${JSON.stringify(done.counts)}`);
}

export async function benchImport(rows: number): Promise<ImportBenchResult> {
  const prepared = await prepareImport(rows);
  try {
    const { db, tenant, importId, path } = prepared;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const mainBefore = mainThreadCpuMs();
    const counted = countRequests(db);
    // IMPORT_BENCH_CHUNK_ROWS tries another chunk size than the job's own.
    const checkSeconds = await checkAndApply(tenant, importId, fileOnDisk(path), { chunkRows: Number(process.env.IMPORT_BENCH_CHUNK_ROWS) || undefined });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const mainCpu = mainThreadCpuMs() - mainBefore;
    await expectDone(tenant, importId, rows);
    return {
      rowsPerSecond: rows / seconds,
      seconds,
      cpuMsPerRow: (cpu.user + cpu.system) / 1000 / rows,
      mainThreadCpuMsPerRow: mainCpu / rows,
      requestsPerRow: counted.requests / rows,
      itemsReadPerRow: counted.read / rows,
      itemsWrittenPerRow: counted.written / rows,
      checkSeconds,
      applySeconds: seconds - checkSeconds,
    };
  } finally {
    await prepared.close();
  }
}

/** The old generation's cap for the memory runs, in MB: room for the runtime, the SDK and the import's code (about 20 MB) and a little over. */
const CAP_MB = Number(process.env.IMPORT_MEMORY_CAP_MB || 48);

export interface ImportMemoryResult {
  /** Most in use after a full collection during the import, above where it started (heap and buffers), in MB; NaN when the run did not finish. */
  peakMb: number;
  /** In use when it started: the runtime, the SDK and the import's code. */
  startMb: number;
  /** Whether the import finished within the capped heap. */
  finished: boolean;
}

/** One import in a child process whose heap is capped; the database stays in this one. */
export async function importMemory(rows: number, capMb = CAP_MB): Promise<ImportMemoryResult> {
  const prepared = await prepareImport(rows);
  try {
    const child = fileURLToPath(new URL('./import-memory.ts', import.meta.url));
    const request = JSON.stringify({ endpoint: prepared.endpoint, importId: prepared.importId, path: prepared.path });
    let answer: string;
    try {
      ({ stdout: answer } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${capMb}`, child, request], { maxBuffer: 1024 * 1024 }));
    } catch (error) {
      console.error(`import memory run of ${rows} rows under a ${capMb} MB heap did not finish: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`);
      return { peakMb: Number.NaN, startMb: Number.NaN, finished: false };
    }
    await expectDone(prepared.tenant, prepared.importId, rows);
    const measured = JSON.parse(answer.trim().split('\n').pop()!) as { peakMb: number; startMb: number };
    return { ...measured, finished: true };
  } finally {
    await prepared.close();
  }
}

/** Memory in use must stay flat in the file's size: the full file may use at most this many times what a fifth of it does. */
const GROWTH_BUDGET = 1.5;

/**
 * The full file (50,000 rows unless IMPORT_BENCH_ROWS says) timed, then its memory and that of a
 * file a fifth the size, side by side. CPU time per row and the database's work per row hardly
 * move with the machine's load; rows per second does, so the load average at the end is printed
 * with it.
 */
export async function printImportFigures(print: (name: string, value: number, digits?: number) => void): Promise<void> {
  const rows = Number(process.env.IMPORT_BENCH_ROWS || 50_000);
  const full = await benchImport(rows);
  print('import_rows_per_second', full.rowsPerSecond, 0);
  print('import_seconds', full.seconds, 1);
  print('import_check_seconds', full.checkSeconds, 1);
  print('import_apply_seconds', full.applySeconds, 1);
  print('import_cpu_ms_per_row', full.cpuMsPerRow, 3);
  print('import_main_thread_cpu_ms_per_row', full.mainThreadCpuMsPerRow, 3);
  print('import_db_requests_per_row', full.requestsPerRow, 3);
  print('import_db_batch_items_read_per_row', full.itemsReadPerRow, 2);
  print('import_db_batch_items_written_per_row', full.itemsWrittenPerRow, 2);
  const fifth = await importMemory(Math.round(rows / 5));
  const whole = await importMemory(rows);
  print('import_memory_heap_cap_mb', CAP_MB, 0);
  print('import_memory_runs_finished_under_cap', Number(fifth.finished) + Number(whole.finished), 0);
  print('import_memory_mb_start', whole.startMb, 1);
  print('import_memory_mb_peak_fifth', fifth.peakMb, 1);
  print('import_memory_mb_peak', whole.peakMb, 1);
  print('import_memory_growth_ratio', whole.peakMb / fifth.peakMb);
  print('import_memory_growth_ratio_budget', GROWTH_BUDGET);
  print('import_load_average', loadavg()[0]!, 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { print } = await import('./measure.ts');
  await printImportFigures(print);
}
