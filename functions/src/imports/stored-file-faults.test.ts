/**
 * A read of the uploaded file that fails (the object store or the network at fault, not the
 * file) never refuses the import: the step is run again and the import ends as a clean read
 * would have it. Against the real local database and S3-compatible server; only the object
 * store the job is given is wrapped, so chosen reads of it fail the ways a real one can (the
 * store refuses the read, the connection breaks mid-file, the body ends short).
 */
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantContext } from '../platform/auth/caller.ts';
import { LOCAL_OBJECT_CREDENTIALS, startLocalObjectServer, type LocalObjectServer } from '../storage/local-object-server.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { s3ObjectStore } from '../storage/s3-object-store.ts';
import type { JobDependencies } from '../jobs/job-registry.ts';
import { workOnOneImport } from './import-job.ts';
import { importObjectKey } from './import-objects.ts';
import { getImport, putNewImport, type StoredImport } from './import-store.ts';
import { AT, PORTAL_URL, setUpAuthority, TABLE_NAME as tableName, uploadedImport, useImportDatabase } from './import-test-fixture.ts';

const TENANT = '5d2a8c4e-3b7f-4e1a-8c6d-9f0b2e4a6c18';
const database = useImportDatabase();
let objectServer: LocalObjectServer;
let store: ObjectStore;
let tenant: TenantContext;
let xlsx: Buffer;

type Fault = 'refused' | 'broken' | 'short';

/** The store, except that the reads whose numbers (from 1, counting every read) are in `failing` fail as `fault` says. */
function storeFailing(failing: (read: number) => boolean, fault: Fault): { objects: ObjectStore; reads: () => number } {
  let reads = 0;
  const objects: ObjectStore = {
    ...store,
    async getStream(key, options) {
      const read = ++reads;
      if (!failing(read)) return store.getStream(key, options);
      if (fault === 'refused') throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
      const body = (await store.getStream(key, options))!;
      const bytes: Buffer[] = [];
      for await (const chunk of body) bytes.push(chunk as Buffer);
      const all = Buffer.concat(bytes);
      const part = all.subarray(0, Math.floor(all.length / 2));
      if (fault === 'short') return Readable.from([part]);
      return new Readable({
        read() {
          this.push(part);
          this.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        },
      });
    },
  };
  return { objects, reads: () => reads };
}

const depsWith = (objects: ObjectStore): JobDependencies => ({ tableName, platformClient: database.db, dataClientFor: () => database.db, objects, portalUrl: PORTAL_URL });

/** An uploaded Excel file's import, mapped and waiting to be checked. */
async function xlsxToCheck(content: Buffer = xlsx): Promise<StoredImport> {
  const id = ulid();
  const objectKey = importObjectKey(TENANT, id);
  await store.put(objectKey, content, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const record = uploadedImport({
    id,
    status: 'checking',
    format: 'xlsx',
    fileName: 'export.xlsx',
    createdAt: AT,
    objectKey,
    headers: ['PERSON_ID', 'TEAM_NAME', 'CASE_TYPE', 'START_DATE'],
    mapping: { ref: 'PERSON_ID', team: 'TEAM_NAME', caseType: 'CASE_TYPE', openedOn: 'START_DATE' },
  });
  await putNewImport(tenant, record);
  return record;
}

beforeAll(async () => {
  objectServer = await startLocalObjectServer();
  store = s3ObjectStore({ bucket: objectServer.bucket, region: 'eu-west-2', endpoint: objectServer.endpoint, credentials: LOCAL_OBJECT_CREDENTIALS });
  tenant = await setUpAuthority(database.db, { tenantId: TENANT, slug: 'fernbrook', name: 'Fernbrook' });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Export');
  sheet.addRow(['PERSON_ID', 'TEAM_NAME', 'CASE_TYPE', 'START_DATE']);
  // Enough rows that a read cut in half stops inside the worksheet, not before it.
  for (let i = 1; i <= 300; i++) sheet.addRow([`XF-${i}`, 'North Assessment', i % 2 ? 'CIN' : 'CP', new Date(Date.UTC(2024, 2, (i % 28) + 1))]);
  sheet.addRow(['XF-bad', 'Nowhere', 'CIN', new Date(Date.UTC(2024, 2, 4))]);
  xlsx = Buffer.from(await book.xlsx.writeBuffer());
});

afterAll(async () => {
  await objectServer?.close();
});

describe('a read of the stored file that fails once', () => {
  it('is read again, whichever of the check’s reads fails, each way a read can fail, and the import is checked, not refused', async () => {
    // How many reads a clean check of this file makes: each of them is made to fail in turn.
    const clean = storeFailing(() => false, 'refused');
    const first = await xlsxToCheck();
    expect(await workOnOneImport(depsWith(clean.objects), tenant, first.id)).toBe(true);
    expect(await getImport(tenant, first.id)).toMatchObject({ status: 'checked', rowsTotal: 301, rowsWithProblems: 1 });
    const readsInACheck = clean.reads();
    expect(readsInACheck).toBeGreaterThanOrEqual(4);

    const faults = ['refused', 'broken', 'short'] as const;
    // Every read fails in one of the ways, and every way is tried (a check makes four reads or more).
    for (let failing = 1; failing <= readsInACheck; failing++) {
      const fault = faults[(failing - 1) % faults.length]!;
      const record = await xlsxToCheck();
      const faulty = storeFailing((read) => read === failing, fault);
      expect(await workOnOneImport(depsWith(faulty.objects), tenant, record.id)).toBe(true);
      const after = (await getImport(tenant, record.id))!;
      expect(after, `read ${failing} ${fault}: ${JSON.stringify(after)}`).toMatchObject({ status: 'checked', rowsTotal: 301, rowsWithProblems: 1 });
      expect(after.fileProblem).toBeUndefined();
      // The step was run again from the start: more reads than a clean check.
      expect(faulty.reads()).toBeGreaterThan(readsInACheck);
    }
  });
});

describe('a read of the stored file that keeps failing', () => {
  it('stops the pass without refusing the import, which the next pass checks once the store reads again', async () => {
    const record = await xlsxToCheck();
    const down = storeFailing(() => true, 'broken');
    expect(await workOnOneImport(depsWith(down.objects), tenant, record.id)).toBe(false);
    const left = (await getImport(tenant, record.id))!;
    expect(left).toMatchObject({ status: 'checking', version: record.version });
    expect(left.fileProblem).toBeUndefined();
    expect(left.leaseUntil).toBeUndefined();

    expect(await workOnOneImport(depsWith(store), tenant, record.id)).toBe(true);
    expect(await getImport(tenant, record.id)).toMatchObject({ status: 'checked', rowsTotal: 301, rowsWithProblems: 1 });
  });
});

describe('a file whose stored bytes are themselves bad', () => {
  it('is still refused in plain words, read cleanly from the store', async () => {
    const cut = await xlsxToCheck(xlsx.subarray(0, Math.floor(xlsx.length / 2)));
    expect(await workOnOneImport(depsWith(store), tenant, cut.id)).toBe(true);
    expect(await getImport(tenant, cut.id)).toMatchObject({ status: 'refused', fileProblem: expect.stringMatching(/damaged/) });
  });
});
