/**
 * Reference changes against the real local database, stopped again and again part-way: every
 * record that named a case's old reference ends up under the new one exactly once, nothing
 * else changes (not even a case whose reference starts the same), and importing the file again
 * changes nothing.
 */
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { tenantContext, type TenantContext } from '../platform/auth/caller.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { findCase, putNewCase } from '../cases/case-store.ts';
import { itemUnderNewRef, namesRef } from '../cases/case-reference-values.ts';
import type { ImportFileSource } from './import-file.ts';
import { getImport, moveImport, putNewImport, type StoredImport } from './import-store.ts';
import { workOnImport } from './import-work.ts';
import { AT, importFileOf as fileOf, setUpAuthority, TABLE_NAME as tableName, uploadedImport, useImportDatabase } from './import-test-fixture.ts';
import { deleteExpiredCases } from '../retention/case-retention.ts';

const TENANT = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746803';
const OTHER = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746804';
const database = useImportDatabase();
let db: DynamoDBDocumentClient;
let tenant: TenantContext;
let other: TenantContext;
type Item = Record<string, unknown>;

const put = (item: Item) => db.send(new PutCommand({ TableName: tableName, Item: item }));

/** A case and the records that name it, as each capability stores them. */
async function caseWithRecords(t: TenantContext, ref: string, n: string): Promise<void> {
  const k = t.keys;
  const month = londonDate(new Date()).slice(0, 7);
  const c: Case = { ref, teamId: 'north', caseType: 'child-in-need', status: 'open', version: 1, createdAt: AT, updatedAt: AT } as Case;
  await putNewCase(t, c);
  await put({ ...k.journey(ref), caseRef: ref, events: [{ id: `e${n}`, type: 'referral', date: '2025-01-06' }], version: 1 });
  await put({ ...k.audit(`A${n}`), id: `A${n}`, caseRef: ref, month, teamId: 'north', version: 3, ...k.auditIndexEntries({ id: `A${n}`, month, teamId: 'north', caseRef: ref }) });
  await put({ ...k.reflection(`A${n}`, `F${n}`), id: `F${n}`, text: `Notes on ${ref} stay as written` });
  await put({ ...k.gradeViews(`A${n}`), auditId: `A${n}`, caseRef: ref });
  const action = { id: `X${n}`, ownerId: 'u1', teamId: 'north', caseRef: ref, dueDate: '2026-02-01', source: { type: 'audit', auditId: `A${n}` } };
  await put({ ...k.action(action.id), ...action, ...k.actionIndexEntries(action) });
  await put({ ...k.openAction('2026-02-01', action.id), actionId: action.id, caseRef: ref });
  await put({ ...k.complianceCheck(month, ref), id: `${month}.${ref}`, caseRef: ref, month, answers: {}, notes: {} });
  await put({ ...k.totalsMarker({ kind: 'compliance', id: `${month}.${ref}` }), contribution: 1 });
  await put({ ...k.sample(month, `m${n}`), candidates: [{ caseRef: ref, teamId: 'north' }], proposed: [ref] });
  await put({ ...k.review(`V${n}`), id: `V${n}`, ...k.reviewIndexEntries({ id: `V${n}`, createdAt: AT }) });
  await put({ ...k.reviewCandidates(`V${n}`), cases: [{ caseRef: ref, teamId: 'north' }] });
  await put({ ...k.alert(`L${n}`), id: `L${n}`, caseRef: ref, ...k.alertIndexEntries({ id: `L${n}`, raisedAt: AT, open: true, teamId: 'north' }) });
  await put({ ...k.engagementActivity(`G${n}`), id: `G${n}`, ...k.engagementActivityIndexEntries({ id: `G${n}`, opensOn: '2026-01-01' }) });
  await put({ ...k.invitationCode(`G${n}`, `C${n}`), id: `C${n}`, caseRef: ref });
  await recordActivity({ tenant: t, actor: { userId: 'u1' }, action: 'created', entity: 'case', entityId: ref, versionBefore: null, versionAfter: 1, at: AT, changes: ['teamId'] });
  await recordActivity({ tenant: t, actor: { userId: 'u1' }, action: 'created', entity: 'compliance-check', entityId: `${month}.${ref}`, versionBefore: null, versionAfter: 1, at: AT, changes: ['answers'] });
}

async function everything(): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Records a move leaves behind on purpose: the import's own, the old reference's lookup and the change's marker. */
const bookkeeping = (i: Item) => /#(IMPORT#|IMPORTS|CASE-REF#|CASE-RENAMES)/.test(String(i.PK)) || i.entity === 'import';

/** Stops with an error once `writes` writes have been sent: a crash at that point. */
function crashingAfter(writes: number): DynamoDBDocumentClient {
  let sent = 0;
  return {
    send: (command: { constructor: { name: string } }) => {
      if (/^(Put|Delete|Update|BatchWrite)Command$/.test(command.constructor.name) && ++sent > writes) return Promise.reject(new Error('stopped part-way'));
      return db.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
}

async function checkedImport(t: TenantContext, file: () => Promise<ImportFileSource>): Promise<StoredImport> {
  const at = new Date().toISOString();
  const record = uploadedImport({ kind: 'references', fileName: 'changes.csv' });
  await putNewImport(t, record);
  await workOnImport(t, record.id, file);
  await moveImport({ tenant: t, record: (await getImport(t, record.id))!, from: ['mapping'], changes: { status: 'checking' }, at });
  await workOnImport(t, record.id, file);
  const checked = (await getImport(t, record.id))!;
  await moveImport({ tenant: t, record: checked, from: ['checked'], changes: { status: 'importing', checkpoint: { nextRow: 0 }, acceptedBy: 'qa-1', acceptedAt: at }, at });
  return checked;
}

beforeAll(async () => {
  db = database.db;
  tenant = await setUpAuthority(db, { tenantId: TENANT, slug: 'eastmoor' });
  other = await setUpAuthority(db, { tenantId: OTHER, slug: 'westmoor' });
  await caseWithRecords(tenant, 'R-1', '1');
  await caseWithRecords(tenant, 'R-2', '2');
  await caseWithRecords(tenant, 'R-10', '10');
  // Another authority's case with the same reference is never touched.
  await caseWithRecords(other, 'R-1', '1');
});

describe('changing case references, stopped part-way again and again', () => {
  it('moves every record naming each case once, loses nothing, touches nothing else, and a second file changes nothing', async () => {
    const before = (await everything()).filter((i) => !bookkeeping(i));
    const file = fileOf('OLD_PERSON_ID,NEW_PERSON_ID\nR-1,NEW-1\nR-2,NEW-2\n');
    const record = await checkedImport(tenant, file);
    expect(record).toMatchObject({ status: 'checked', rowsWithProblems: 0 });

    // Every run stops after a few writes (1 to 6, so the stops fall in different places), until one gets to the end.
    let runs = 0;
    for (; runs < 500; runs++) {
      const crashing = tenantContext({ tenantId: TENANT, db: crashingAfter(1 + (runs % 6)), tableName, portalUrl: tenant.portalUrl });
      const stopped = await workOnImport(crashing, record.id, file, { chunkRows: 1 }).then(
        () => false,
        () => true,
      );
      if (!stopped) break;
    }
    expect(runs).toBeGreaterThan(5);
    const done = (await getImport(tenant, record.id))!;
    expect(done).toMatchObject({ status: 'done', counts: { created: 0, updated: 2, unchanged: 0, refused: 0 } });

    const after = (await everything()).filter((i) => !bookkeeping(i));
    const changes: [string, string][] = [
      ['R-1', 'NEW-1'],
      ['R-2', 'NEW-2'],
    ];
    const expected = before.map((item) => {
      if (!String(item.PK).startsWith(tenant.keys.root + '#') && item.PK !== tenant.keys.root) return item;
      const moved = changes.reduce((i, [from, to]) => itemUnderNewRef(i, from, to), item);
      // A moved case's version moved on once, when it was marked as moving (so an edit read before fails its If-Match).
      return moved.SK === 'PROFILE' && moved !== item && JSON.stringify(moved) !== JSON.stringify(item) ? { ...moved, version: Number(item.version) + 1 } : moved;
    });
    const keyOf = (i: Item) => `${String(i.PK)}|${String(i.SK)}`;
    // The same records, one each, under their new keys; an activity entry's id follows its key.
    expect(after.map(keyOf).sort()).toEqual(expected.map(keyOf).sort());
    const afterByKey = new Map(after.map((i) => [keyOf(i), i]));
    for (const item of expected) {
      const found = { ...afterByKey.get(keyOf(item)) };
      if (found.entity) delete found.id;
      const wanted = { ...item };
      if (wanted.entity) delete wanted.id;
      expect(found).toEqual(wanted);
    }
    for (const [from, to] of changes) expect(after.filter((i) => String(i.PK).startsWith(tenant.keys.root) && namesRef(i, from, to))).toEqual([]);
    // R-10 and the other authority's R-1 are as they were.
    expect(after.filter((i) => JSON.stringify(i).includes('R-10')).length).toBe(before.filter((i) => JSON.stringify(i).includes('R-10')).length);
    expect(after.filter((i) => String(i.PK).startsWith(other.keys.root) && JSON.stringify(i).includes('"R-1"')).length).toBeGreaterThan(5);
    // An old reference finds the case under its new one.
    expect((await findCase(tenant, 'R-1'))?.ref).toBe('NEW-1');
    expect((await findCase(tenant, 'r-2'))?.ref).toBe('NEW-2');
    expect((await findCase(other, 'R-1'))?.ref).toBe('R-1');
    // Reflection text naming the case is left as written.
    expect((await db.send(new GetCommand({ TableName: tableName, Key: tenant.keys.reflection('A1', 'F1') }))).Item?.text).toBe('Notes on R-1 stay as written');

    const again = await checkedImport(tenant, file);
    expect(again.rowsWithProblems).toBe(0);
    await workOnImport(tenant, again.id, file);
    expect((await getImport(tenant, again.id))!.counts).toEqual({ created: 0, updated: 0, unchanged: 2, refused: 0 });
    expect(
      (await everything())
        .filter((i) => !bookkeeping(i))
        .map(keyOf)
        .sort(),
    ).toEqual(after.map(keyOf).sort());
  });

  it('leaves no record of the change, and no lookup of either reference, once retention deletes a case whose reference changed', async () => {
    const stored = (await db.send(new GetCommand({ TableName: tableName, Key: tenant.keys.case('NEW-1') }))).Item!;
    await put({ ...stored, status: 'closed', closedOn: '2000-01-01' });
    expect(await deleteExpiredCases(tenant)).toMatchObject({ casesDeleted: 1 });
    const naming = /"(R-1|NEW-1)"|#(R-1|NEW-1)(#|")|\.(R-1|NEW-1)"/;
    // Nothing of the authority names either reference: not the change's records, nor the samples, cohorts, alerts and codes that listed the case.
    const left = (await everything()).filter((i) => String(i.PK).startsWith(`${tenant.keys.root}#`) && naming.test(JSON.stringify(i)));
    expect(left).toEqual([]);
    expect(await findCase(tenant, 'R-1')).toBeUndefined();
    expect((await findCase(tenant, 'R-2'))?.ref).toBe('NEW-2');
  });
});
