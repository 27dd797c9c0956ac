import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '@waypoint/shared/imports/import-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getCase } from '../cases/case-store.ts';
import type { ImportFileSource } from './import-file.ts';
import { getImport, listImportRows, moveImport, putNewImport, type StoredImport } from './import-store.ts';
import { workOnImport } from './import-work.ts';
import { importFileOf, setUpAuthority, TABLE_NAME as tableName, uploadedImport, useImportDatabase } from './import-test-fixture.ts';
import { localSignInAccounts } from '../local/identity/local-sign-in-accounts.ts';
import { readAllWithPrefix } from '../platform/database/partition-queries.ts';

const TENANT = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746802';
const database = useImportDatabase();
let tenant: TenantContext;

beforeAll(async () => {
  tenant = await setUpAuthority(database.db, {
    tenantId: TENANT,
    slug: 'eastmoor',
    name: 'Eastmoor',
    teams: [
      { id: 'north', name: 'North Assessment' },
      { id: 'south', name: 'South CIN' },
    ],
  });
});

const fileOf = (name: string, content: string | Buffer) => importFileOf(content, name);

async function newImport(kind: ImportKind = 'cases', format: 'csv' | 'xlsx' = 'csv'): Promise<StoredImport> {
  const record = uploadedImport({ kind, format });
  await putNewImport(tenant, record);
  return record;
}

/** Reads the columns, checks with the suggested mapping and accepts: what the person importing does. */
async function readCheckAccept(file: () => Promise<ImportFileSource>, kind: ImportKind = 'cases', format: 'csv' | 'xlsx' = 'csv') {
  const created = await newImport(kind, format);
  await workOnImport(tenant, created.id, file);
  const mapped = (await getImport(tenant, created.id))!;
  await moveImport({ tenant, record: mapped, from: ['mapping'], changes: { status: 'checking' }, at: new Date().toISOString() });
  await workOnImport(tenant, created.id, file);
  const checked = (await getImport(tenant, created.id))!;
  return checked;
}

async function accept(record: StoredImport) {
  await moveImport({ tenant, record, from: ['checked'], changes: { status: 'importing', checkpoint: { nextRow: 0 }, acceptedBy: 'qa-1', acceptedAt: new Date().toISOString() }, at: new Date().toISOString() });
}

const HEADER = 'PERSON_ID,TEAM_NAME,CASE_TYPE,START_DATE,END_DATE\n';
const rows = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1},${i % 2 ? 'North Assessment' : 'south'},${i % 3 ? 'CIN' : 'CP'},01/0${(i % 9) + 1}/2024,${i % 10 === 0 ? '01/10/2025' : ''}`).join('\n');

describe('importing cases', () => {
  it('reads the columns, suggests the preset mapping and lists each row’s problems in plain words', async () => {
    const file = fileOf('problems.csv', `${HEADER}A-1,North Assessment,CIN,01/02/2024,\nA-2,Nowhere,CIN,31/02/2024,\nA-1,south,CP,,\nA 3,south,Weekly,01/01/2999,\n`);
    const checked = await readCheckAccept(file);
    expect(checked.mapping).toEqual({ ref: 'PERSON_ID', team: 'TEAM_NAME', caseType: 'CASE_TYPE', openedOn: 'START_DATE', closedOn: 'END_DATE' });
    expect(checked.status).toBe('checked');
    expect(checked.rowsTotal).toBe(4);
    expect(checked.rowsWithProblems).toBe(3);
    const { items } = await listImportRows<{ row: number; column: string; message: string }>(tenant, checked.id, 'PROBLEM#', { limit: 50 });
    const said = items.map((p) => `${p.row} ${p.column}: ${p.message}`);
    expect(said).toContainEqual(expect.stringMatching(/^3 TEAM_NAME: There is no team called “Nowhere”/));
    expect(said).toContainEqual('3 START_DATE: 31/2/2024 is not a real date.');
    expect(said).toContainEqual(expect.stringMatching(/^4 PERSON_ID: The case reference A-1 is also on row 2/));
    expect(said).toContainEqual(expect.stringMatching(/^5 PERSON_ID: “A 3” is not a case reference/));
    expect(said).toContainEqual(expect.stringMatching(/^5 CASE_TYPE: “Weekly” is not a case type/));
    expect(said).toContainEqual('5 START_DATE: 2999-01-01 is in the future.');
    // Nothing is written until the import is accepted.
    expect(await getCase(tenant, 'A-1')).toBeUndefined();
  });

  it('imports in chunks, refuses rows with problems, marks closed cases closed, and a second import of the same file changes nothing', async () => {
    const file = fileOf('good.csv', `${HEADER}${rows(40, 'G')}\nG-bad,Nowhere,CIN,,\n`);
    const checked = await readCheckAccept(file);
    await accept(checked);
    await workOnImport(tenant, checked.id, file, { chunkRows: 7 });
    const done = (await getImport(tenant, checked.id))!;
    expect(done.status).toBe('done');
    expect(done.counts).toEqual({ created: 40, updated: 0, unchanged: 0, refused: 1 });
    expect(done.rowsDone).toBe(41);
    const closed = await getCase(tenant, 'G-1');
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2025-10-01', openedOn: '2024-01-01', teamId: 'south', caseType: 'child-protection', version: 1 });
    const refused = await listImportRows<{ row: number; reasons: { message: string }[] }>(tenant, checked.id, 'REFUSED#', { limit: 10 });
    expect(refused.items).toHaveLength(1);
    expect(refused.items[0]!.row).toBe(42);

    const again = await readCheckAccept(file);
    await accept(again);
    await workOnImport(tenant, again.id, file, { chunkRows: 7 });
    expect((await getImport(tenant, again.id))!.counts).toEqual({ created: 0, updated: 0, unchanged: 40, refused: 1 });
    expect((await getCase(tenant, 'G-2'))!.version).toBe(1);
  });

  it('resumes after a crash part-way through a chunk with no row applied twice and none lost', async () => {
    const file = fileOf('crash.csv', `${HEADER}${rows(50, 'C')}\n`);
    const checked = await readCheckAccept(file);
    await accept(checked);
    await expect(
      workOnImport(tenant, checked.id, file, {
        chunkRows: 8,
        afterChunkApplied: (n) => {
          if (n === 3) throw new Error('the process died');
        },
      }),
    ).rejects.toThrow('the process died');
    const stopped = (await getImport(tenant, checked.id))!;
    expect(stopped.status).toBe('importing');
    expect(stopped.rowsDone).toBe(16);
    // The third chunk's cases were written but its checkpoint was not: the next pass does that chunk again.
    expect(await getCase(tenant, 'C-20')).toBeDefined();
    // The fourth chunk was read and checked while the third was written, but nothing of it is applied once the third has failed.
    expect(await getCase(tenant, 'C-25')).toBeUndefined();
    await workOnImport(tenant, checked.id, file, { chunkRows: 8 });
    const done = (await getImport(tenant, checked.id))!;
    expect(done.status).toBe('done');
    expect(done.counts).toEqual({ created: 50, updated: 0, unchanged: 0, refused: 0 });
    expect(done.rowsDone).toBe(50);
    for (const ref of ['C-1', 'C-17', 'C-24', 'C-50']) expect((await getCase(tenant, ref))!.version).toBe(1);
  });

  it('updates a case whose team changed in the source', async () => {
    const first = fileOf('move1.csv', `${HEADER}M-1,south,CIN,,\nM-2,south,CIN,,\n`);
    const one = await readCheckAccept(first);
    await accept(one);
    await workOnImport(tenant, one.id, first);
    const second = fileOf('move2.csv', `${HEADER}M-1,North Assessment,CIN,,\nm-2,south,CIN,,03/03/2025\n`);
    const two = await readCheckAccept(second);
    await accept(two);
    await workOnImport(tenant, two.id, second);
    expect((await getImport(tenant, two.id))!.counts).toEqual({ created: 0, updated: 2, unchanged: 0, refused: 0 });
    expect(await getCase(tenant, 'M-1')).toMatchObject({ teamId: 'north', version: 2 });
    expect(await getCase(tenant, 'M-2')).toMatchObject({ status: 'closed', closedOn: '2025-03-03', version: 2 });
  });
});

describe('files that cannot be imported', () => {
  const refusedFor = async (name: string, content: string | Buffer, format: 'csv' | 'xlsx' = 'csv') => {
    const record = await newImport('cases', format);
    await workOnImport(tenant, record.id, fileOf(name, content));
    const after = (await getImport(tenant, record.id))!;
    expect(after.status).toBe('refused');
    return after.fileProblem;
  };

  it('says what is wrong with each, in plain words', async () => {
    expect(await refusedFor('latin1.csv', Buffer.from(`${HEADER}A-1,Caf\xe9,CIN,,\n`, 'latin1'))).toMatch(/not in UTF-8/);
    expect(await refusedFor('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]))).toMatch(/UTF-16/);
    expect(await refusedFor('wide.csv', `${Array.from({ length: 50_000 }, (_, i) => `c${i}`).join(',')}\n`)).toMatch(/thousands of columns/);
    expect(await refusedFor('wide2.csv', `${Array.from({ length: 500 }, (_, i) => `c${i}`).join(',')}\n`)).toMatch(/500 columns/);
    expect(await refusedFor('not.xlsx', HEADER, 'xlsx')).toMatch(/not an Excel/);
    expect(await refusedFor('big.csv', Buffer.alloc(60 * 1024 * 1024, 'a'))).toMatch(/60 MB/);
  });

  it('accepts a CSV with a byte-order mark', async () => {
    const checked = await readCheckAccept(fileOf('bom.csv', `\ufeff${HEADER}B-1,south,CIN,,\n`));
    expect(checked.mapping?.ref).toBe('PERSON_ID');
    expect(checked).toMatchObject({ status: 'checked', rowsTotal: 1, rowsWithProblems: 0 });
  });
});

describe('importing journey events', () => {
  it('adds each case’s events once, refuses what breaks the order rules or names no case, and a second import changes nothing', async () => {
    const cases = fileOf('jcases.csv', `${HEADER}J-1,south,CP,01/02/2024,\nJ-2,south,CIN,01/02/2024,\n`);
    const c = await readCheckAccept(cases);
    await accept(c);
    await workOnImport(tenant, c.id, cases);
    const events = fileOf(
      'journey.csv',
      'PERSON_ID,STEP_TYPE,STEP_DATE\nJ-1,Referral,01/03/2024\nJ-1,Strategy discussion,02/03/2024\nJ-1,ICPC,10/03/2024\nJ-2,Assessment start,05/03/2024\nJ-9,Referral,01/03/2024\nJ-1,Review,01/04/2024\nJ-1,Home visit,03/03/2024\n',
    );
    const checked = await readCheckAccept(events, 'journey');
    expect(checked.mapping).toEqual({ ref: 'PERSON_ID', event: 'STEP_TYPE', date: 'STEP_DATE' });
    expect(checked.rowsWithProblems).toBe(1);
    await accept(checked);
    await workOnImport(tenant, checked.id, events, { chunkRows: 3 });
    const done = (await getImport(tenant, checked.id))!;
    expect(done.counts).toEqual({ created: 4, updated: 0, unchanged: 0, refused: 3 });
    const refused = await listImportRows<{ row: number; reasons: { message: string }[] }>(tenant, checked.id, 'REFUSED#', { limit: 10 });
    expect(refused.items.map((r) => `${r.row}: ${r.reasons[0]!.message}`)).toEqual([
      expect.stringMatching(/^5: An assessment cannot start before any referral/),
      expect.stringMatching(/^6: There is no case J-9/),
      expect.stringMatching(/^7: “Review” could be/),
    ]);
    const again = await readCheckAccept(events, 'journey');
    await accept(again);
    await workOnImport(tenant, again.id, events);
    expect((await getImport(tenant, again.id))!.counts).toMatchObject({ created: 0, unchanged: 4 });
  });
});

describe('importing staff', () => {
  it('adds new people with an invitation, brings existing people up to date by email, and refuses unknown teams', async () => {
    const accounts = localSignInAccounts({ db: tenant.db, tableName, password: 'not-used-here-1' });
    const staffFile = fileOf(
      'staff.csv',
      'WORKER_EMAIL,WORKER_NAME,ROLE,TEAMS\nsam@eastmoor.example,Sam Okafor,Social worker,South CIN\nkim@eastmoor.example,Kim Lee,Team manager,North Assessment; south\nlee@eastmoor.example,Lee Ray,Practitioner,Nowhere\nadmin@eastmoor.example,Ada Admin,Admin,\n',
    );
    const checked = await readCheckAccept(staffFile, 'staff');
    expect(checked.rowsWithProblems).toBe(1);
    await accept(checked);
    await workOnImport(tenant, checked.id, staffFile, { accounts });
    expect((await getImport(tenant, checked.id))!.counts).toEqual({ created: 3, updated: 0, unchanged: 0, refused: 1 });
    const users = await readAllWithPrefix<{ email: string; role: string; teamIds: string[]; status: string }>(tenant, tenant.keys.usersPrefix());
    expect(users.find((u) => u.email === 'kim@eastmoor.example')).toMatchObject({ role: 'manager', teamIds: ['north', 'south'], status: 'invited' });
    const again = await readCheckAccept(staffFile, 'staff');
    await accept(again);
    await workOnImport(tenant, again.id, staffFile, { accounts });
    expect((await getImport(tenant, again.id))!.counts).toEqual({ created: 0, updated: 0, unchanged: 3, refused: 1 });
    const promoted = fileOf('staff2.csv', 'WORKER_EMAIL,WORKER_NAME,ROLE\nSAM@eastmoor.example,Sam Okafor,Senior practitioner\nkim@eastmoor.example,Kim Lee-Hart,QA officer\n');
    const third = await readCheckAccept(promoted, 'staff');
    await accept(third);
    await workOnImport(tenant, third.id, promoted, { accounts });
    expect((await getImport(tenant, third.id))!.counts).toEqual({ created: 0, updated: 1, unchanged: 1, refused: 0 });
    const after = await readAllWithPrefix<{ email: string; name: string; role: string; teamIds: string[] }>(tenant, tenant.keys.usersPrefix());
    // Without a teams column, their teams stay as they were.
    expect(after.find((u) => u.email === 'kim@eastmoor.example')).toMatchObject({ name: 'Kim Lee-Hart', role: 'qa', teamIds: ['north', 'south'] });
  });
});
