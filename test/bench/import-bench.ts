/**
 * `import_rows_per_second` and `import_memory_mb_peak`: a cases export of 50,000 rows (CSV, as
 * Mosaic writes it) read, checked and imported by the import job's own code against a fresh
 * dynalite (in its own worker thread, as everywhere), the file read from disk. Rows per second
 * counts the whole import, check and apply together, from the accepted mapping to done (budget:
 * 50,000 rows in under 60 s on 2 cores). Memory is the main thread's peak heap and buffers
 * during the import, sampled every 20 ms, which leaves out the database's own thread; run for a
 * fifth of the file as well, its growth shows whether memory stays flat in the file's size.
 * On a shared, loaded machine the seconds say more about the load than the code, so the CPU
 * time per row (the whole process, and its main thread alone) and the database requests and
 * items per row are printed too. `tsx test/bench/import-bench.ts` runs this part alone.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { tenantContext } from '@waypoint/functions/platform/auth/caller';
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { startLocalDatabase } from '@waypoint/functions/platform/database/local-database';
import { ensureTable } from '@waypoint/functions/platform/database/table-bootstrap';
import { provisionTenant } from '@waypoint/functions/tenants/tenant-creation';
import { putNewTeam } from '@waypoint/functions/teams/team-store';
import { getImport, moveImport, putNewImport, type StoredImport } from '@waypoint/functions/imports/import-store';
import { workOnImport } from '@waypoint/functions/imports/import-work';

const TENANT = 'b1a7e0f2-2222-4a4a-8a8a-000000000020';
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

const heapNow = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

export interface ImportBenchResult {
  rowsPerSecond: number;
  seconds: number;
  peakMb: number;
  /**
   * The most found still in use just after a full collection, above where it started: what the
   * import keeps, without the garbage V8 lets pile up between collections (and lets pile higher
   * the longer a run goes on), which the peak counts.
   */
  liveMb: number;
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

export async function benchImport(rows: number): Promise<ImportBenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'waypoint-import-bench-'));
  const path = join(folder, 'cases.csv');
  writeExport(path, rows);
  const database = await startLocalDatabase();
  try {
    const db = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
    await ensureTable(db, 'waypoint');
    const tenant = tenantContext({ tenantId: TENANT, db, tableName: 'waypoint', portalUrl: 'http://localhost:5173' });
    const at = new Date().toISOString();
    await provisionTenant({ platform: { db, tableName: 'waypoint' }, tenant, newTenant: { tenantId: TENANT, slug: 'bench-imports', name: 'Bench: imports', region: 'North East', at }, adminEmail: 'admin@bench-imports.example' });
    for (const [i, name] of TEAMS.entries()) await putNewTeam(tenant, { id: `team-${i}`, name, status: 'open', version: 1, createdAt: at, updatedAt: at });
    const file = async () => ({ size: statSync(path).size, stream: async (start = 0) => createReadStream(path, { start }) });
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
    await workOnImport(tenant, record.id, file);

    (globalThis as { gc?: () => void }).gc?.();
    const baseline = heapNow();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, heapNow())), 20);
    let live = baseline;
    const collections = new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => (entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) live = Math.max(live, heapNow());
    });
    collections.observe({ entryTypes: ['gc'] });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const mainBefore = mainThreadCpuMs();
    const counted = countRequests(db);
    await moveImport({ tenant, record: (await getImport(tenant, record.id))!, from: ['mapping'], changes: { status: 'checking' }, at });
    await workOnImport(tenant, record.id, file);
    const checkSeconds = (performance.now() - started) / 1000;
    await moveImport({ tenant, record: (await getImport(tenant, record.id))!, from: ['checked'], changes: { status: 'importing', checkpoint: { nextRow: 0 }, acceptedBy: 'bench', acceptedAt: at }, at });
    // IMPORT_BENCH_CHUNK_ROWS tries another chunk size than the job's own.
    await workOnImport(tenant, record.id, file, { chunkRows: Number(process.env.IMPORT_BENCH_CHUNK_ROWS) || undefined });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const mainCpu = mainThreadCpuMs() - mainBefore;
    clearInterval(sampler);
    collections.disconnect();
    const done = (await getImport(tenant, record.id))!;
    if (done.status !== 'done' || done.counts.created !== rows) throw new Error(`import bench: ${done.status}, ${JSON.stringify(done.counts)}`);
    return {
      rowsPerSecond: rows / seconds,
      peakMb: (peak - baseline) / 1024 / 1024,
      liveMb: (live - baseline) / 1024 / 1024,
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
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Both files, then every import figure: the full file (50,000 rows unless IMPORT_BENCH_ROWS says)
 * and a fifth of it, whose peak memory the full one's is compared with. CPU time per row and the
 * database's work per row hardly move with the machine's load; rows per second does, so the load
 * average at the end is printed with it.
 */
export async function printImportFigures(print: (name: string, value: number, digits?: number) => void): Promise<void> {
  const rows = Number(process.env.IMPORT_BENCH_ROWS || 50_000);
  const small = await benchImport(Math.round(rows / 5));
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
  print('import_memory_mb_peak', full.peakMb, 1);
  print('import_memory_mb_peak_fifth', small.peakMb, 1);
  print('import_memory_growth_ratio', full.peakMb / small.peakMb);
  print('import_memory_mb_live', full.liveMb, 1);
  print('import_memory_mb_live_fifth', small.liveMb, 1);
  print('import_memory_live_growth_ratio', full.liveMb / small.liveMb);
  print('import_load_average', loadavg()[0]!, 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { print } = await import('./measure.ts');
  await printImportFigures(print);
}
