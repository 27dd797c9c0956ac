/**
 * Specifies the imports function's runs in AWS (import-runs.ts), against the real local
 * database and S3-compatible server: a run that runs out of time starts the next, which goes
 * on from the checkpoint; a run that moved nothing, or that another run holds, starts nothing;
 * the sweep starts a run for each import with work to do that no run holds.
 */
import { ulid } from 'ulid';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TenantContext } from '../platform/auth/caller.ts';
import { LOCAL_OBJECT_CREDENTIALS, startLocalObjectServer, type LocalObjectServer } from '../storage/local-object-server.ts';
import { s3ObjectStore } from '../storage/s3-object-store.ts';
import type { JobDependencies } from '../jobs/job-registry.ts';
import { importObjectKey } from './import-objects.ts';
import { importWorkRequest, MAX_RUNS_IN_A_ROW, runOneImport, startWaitingImports } from './import-runs.ts';
import { getImport, moveImport, putNewImport, type StoredImport } from './import-store.ts';
import { AT, PORTAL_URL, setUpAuthority, TABLE_NAME as tableName, uploadedImport, useImportDatabase } from './import-test-fixture.ts';
import type { ImportWorkRequest } from './lambda-import-work.ts';
import { getCase } from '../cases/case-store.ts';

const TENANT = '2b7e4c1d-8f3a-4d6e-9b1c-5a7f3e2d1c04';
const database = useImportDatabase();
let objectServer: LocalObjectServer;
let tenant: TenantContext;
let deps: JobDependencies;

beforeAll(async () => {
  objectServer = await startLocalObjectServer();
  const db = database.db;
  tenant = await setUpAuthority(db, { tenantId: TENANT, slug: 'westvale', name: 'Westvale', region: 'North West' });
  const objects = s3ObjectStore({ bucket: objectServer.bucket, region: 'eu-west-2', endpoint: objectServer.endpoint, credentials: LOCAL_OBJECT_CREDENTIALS });
  deps = { tableName, platformClient: db, dataClientFor: () => db, objects, portalUrl: PORTAL_URL };
});

afterAll(async () => {
  await objectServer?.close();
});

afterEach(() => {
  vi.useRealTimers();
});

const HEADER = 'PERSON_ID,TEAM_NAME,CASE_TYPE,START_DATE\n';
const rows = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1},North Assessment,CIN,01/02/2024`).join('\n');
const MAPPING = { ref: 'PERSON_ID', team: 'TEAM_NAME', caseType: 'CASE_TYPE', openedOn: 'START_DATE' };

/** An uploaded file's import in `status`; an accepted one (importing) has been checked with the mapping above. */
async function importIn(status: StoredImport['status'], content: string, extra: Partial<StoredImport> = {}): Promise<StoredImport> {
  const id = ulid();
  const objectKey = importObjectKey(TENANT, id);
  await deps.objects.put(objectKey, content, 'text/csv');
  const record = uploadedImport({
    id,
    status,
    createdAt: AT,
    objectKey,
    ...(status === 'importing' ? { headers: HEADER.trim().split(','), mapping: MAPPING, checkpoint: { nextRow: 0 }, acceptedBy: 'qa-1', acceptedAt: AT } : {}),
    ...extra,
  });
  await putNewImport(tenant, record);
  return record;
}

function recorder() {
  const started: ImportWorkRequest[] = [];
  return { started, start: async (request: ImportWorkRequest) => void started.push(request) };
}

const later = () => Date.now() + 10 * 60 * 1000;

describe('a run on one import', () => {
  it('goes on until the import waits for a person, and then starts no other run', async () => {
    const record = await importIn('reading', `${HEADER}${rows(3, 'R')}\n`);
    const next = recorder();
    const result = await runOneImport(deps, { tenantId: TENANT, importId: record.id, run: 1 }, { deadline: later(), startNext: next.start });
    expect((await getImport(tenant, record.id))!.status).toBe('mapping');
    expect(result).toEqual({ imports: 1, continued: 0 });
    expect(next.started).toEqual([]);
  });

  it('stops taking chunks when its time is nearly up and starts the next run, which goes on from the checkpoint with no row twice', async () => {
    const record = await importIn('importing', `${HEADER}${rows(7, 'T')}\n`);
    const next = recorder();
    vi.useFakeTimers({ toFake: ['Date'] });
    const deadline = Date.now() + 60_000;
    // The first chunk takes the run past its deadline (the clock is moved, not waited for).
    const first = await runOneImport(deps, { tenantId: TENANT, importId: record.id, run: 1 }, { deadline, startNext: next.start, work: { chunkRows: 3, afterChunkApplied: () => void vi.setSystemTime(deadline + 1) } });
    const part = (await getImport(tenant, record.id))!;
    expect(part).toMatchObject({ status: 'importing', rowsDone: 3, checkpoint: { nextRow: 5 } });
    expect(first).toEqual({ imports: 1, continued: 1 });
    expect(next.started).toEqual([{ tenantId: TENANT, importId: record.id, run: 2 }]);

    const second = await runOneImport(deps, next.started[0]!, { deadline: later(), startNext: next.start, work: { chunkRows: 3 } });
    const done = (await getImport(tenant, record.id))!;
    expect(done.status).toBe('done');
    expect(done.counts).toEqual({ created: 7, updated: 0, unchanged: 0, refused: 0 });
    expect(done.rowsDone).toBe(7);
    expect(second).toEqual({ imports: 1, continued: 0 });
    expect(next.started).toHaveLength(1);
    expect((await getCase(tenant, 'T-7'))!.version).toBe(1);
  });

  it('starts nothing when it moved nothing (its time was up before it began), so runs never chase each other', async () => {
    const record = await importIn('importing', `${HEADER}${rows(2, 'N')}\n`);
    const next = recorder();
    const result = await runOneImport(deps, { tenantId: TENANT, importId: record.id, run: 1 }, { deadline: Date.now() - 1, startNext: next.start });
    expect((await getImport(tenant, record.id))!.version).toBe(record.version);
    expect(result).toEqual({ imports: 1, continued: 0 });
    expect(next.started).toEqual([]);
  });

  it(`leaves an import to the sweep after ${MAX_RUNS_IN_A_ROW} runs in a row`, async () => {
    const record = await importIn('importing', `${HEADER}${rows(4, 'M')}\n`);
    const next = recorder();
    vi.useFakeTimers({ toFake: ['Date'] });
    const deadline = Date.now() + 60_000;
    const result = await runOneImport(deps, { tenantId: TENANT, importId: record.id, run: MAX_RUNS_IN_A_ROW }, { deadline, startNext: next.start, work: { chunkRows: 2, afterChunkApplied: () => void vi.setSystemTime(deadline + 1) } });
    expect((await getImport(tenant, record.id))!.rowsDone).toBe(2);
    expect(result).toEqual({ imports: 1, continued: 0 });
    expect(next.started).toEqual([]);
  });

  it('leaves alone an import another run holds, and one that has nothing to do', async () => {
    const held = await importIn('importing', `${HEADER}${rows(2, 'H')}\n`, { leaseUntil: Date.now() + 60_000 });
    const waiting = await importIn('checked', `${HEADER}${rows(2, 'W')}\n`);
    const next = recorder();
    for (const record of [held, waiting]) {
      expect(await runOneImport(deps, { tenantId: TENANT, importId: record.id, run: 1 }, { deadline: later(), startNext: next.start })).toEqual({ imports: 0, continued: 0 });
      expect((await getImport(tenant, record.id))!.version).toBe(record.version);
    }
    expect(next.started).toEqual([]);
  });
});

describe('the sweep', () => {
  it('starts one run for each import with work to do that no run holds', async () => {
    // Whatever earlier tests left with work to do is finished or cancelled first, so the sweep's answer is this test's alone.
    const next = recorder();
    await startWaitingImports(deps, next.start, Date.now() + 10 * 60 * 1000);
    for (const left of next.started) {
      const record = (await getImport(tenant, left.importId))!;
      await moveImport({ tenant, record, from: ['reading', 'checking', 'importing'], changes: { status: 'cancelled' }, at: AT });
    }
    const free = await importIn('importing', `${HEADER}${rows(2, 'F')}\n`);
    const reading = await importIn('reading', `${HEADER}${rows(2, 'D')}\n`);
    const lapsed = await importIn('importing', `${HEADER}${rows(2, 'L')}\n`, { leaseUntil: Date.now() - 1 });
    await importIn('importing', `${HEADER}${rows(2, 'X')}\n`, { leaseUntil: Date.now() + 60_000 });
    await importIn('mapping', `${HEADER}${rows(2, 'P')}\n`);
    const sweep = recorder();
    const result = await startWaitingImports(deps, sweep.start);
    expect(sweep.started.map((r) => r.importId).sort()).toEqual([free.id, reading.id, lapsed.id].sort());
    expect(sweep.started.every((r) => r.tenantId === TENANT && r.run === 1)).toBe(true);
    expect(result).toEqual({ started: 3 });
  });
});

describe('the event a run is started with', () => {
  it('is taken only with a tenant id and an import id of the right shapes', () => {
    const importId = ulid();
    expect(importWorkRequest({ tenantId: TENANT, importId })).toEqual({ tenantId: TENANT, importId, run: 1 });
    expect(importWorkRequest({ tenantId: TENANT, importId, run: 4 })).toEqual({ tenantId: TENANT, importId, run: 4 });
    expect(importWorkRequest({ tenantId: TENANT, importId, run: -1 })?.run).toBe(1);
    expect(importWorkRequest({ tenantId: 'TENANT#x', importId })).toBeUndefined();
    expect(importWorkRequest({ tenantId: TENANT, importId: '../other' })).toBeUndefined();
    expect(importWorkRequest({ job: 'imports' })).toBeUndefined();
    expect(importWorkRequest(null)).toBeUndefined();
  });
});
