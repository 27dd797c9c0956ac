/**
 * `import_rows_per_second` and `import_memory_mb_peak`: a cases export of 50,000 rows (CSV, as
 * Mosaic writes it) read, checked and imported by the import job's own code against a fresh
 * dynalite (in its own worker thread, as everywhere), the file read from disk. Rows per second
 * counts the whole import, check and apply together, from the accepted mapping to done (budget:
 * 50,000 rows in under 60 s on 2 cores). Memory is the main thread's peak heap and buffers
 * during the import, sampled every 20 ms, which leaves out the database's own thread; run for a
 * tenth of the file as well, its growth shows whether memory stays flat in the file's size.
 * `tsx test/bench/import-bench.ts` runs this part alone.
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

export async function benchImport(rows: number): Promise<{ rowsPerSecond: number; peakMb: number; seconds: number }> {
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
    const started = performance.now();
    await moveImport({ tenant, record: (await getImport(tenant, record.id))!, from: ['mapping'], changes: { status: 'checking' }, at });
    await workOnImport(tenant, record.id, file);
    await moveImport({ tenant, record: (await getImport(tenant, record.id))!, from: ['checked'], changes: { status: 'importing', checkpoint: { nextRow: 0 }, acceptedBy: 'bench', acceptedAt: at }, at });
    await workOnImport(tenant, record.id, file);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const done = (await getImport(tenant, record.id))!;
    if (done.status !== 'done' || done.counts.created !== rows) throw new Error(`import bench: ${done.status}, ${JSON.stringify(done.counts)}`);
    return { rowsPerSecond: rows / seconds, peakMb: (peak - baseline) / 1024 / 1024, seconds };
  } finally {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { print } = await import('./measure.ts');
  const rows = Number(process.env.IMPORT_BENCH_ROWS || 50_000);
  const small = await benchImport(Math.round(rows / 10));
  const full = await benchImport(rows);
  print('import_rows_per_second', full.rowsPerSecond, 0);
  print('import_seconds', full.seconds, 1);
  print('import_memory_mb_peak', full.peakMb, 1);
  print('import_memory_growth_ratio', full.peakMb / small.peakMb);
}
