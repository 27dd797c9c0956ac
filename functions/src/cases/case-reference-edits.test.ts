/**
 * Edits that land while a case's reference is being changed, against the real local database:
 * before each write the move makes, in turn, a client edits the case (If-Match with the version
 * it read before the move), adds a journey event, saves an audit's notes and starts a new audit,
 * each as its route does. No timing: the edits run at a chosen write. Every edit is either kept
 * (and found under the new reference afterwards) or refused with a 409 saying the reference is
 * being changed, or a 412 for an If-Match read before; none is lost, and nothing is left under
 * the old reference.
 */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clock } from '@waypoint/shared/time/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { tenantContext, type TenantContext } from '../platform/auth/caller.ts';
import { createDocumentClient } from '../platform/database/clients.ts';
import { startLocalDatabase, type LocalDatabase } from '../platform/database/local-database.ts';
import { ensureTable } from '../platform/database/table-bootstrap.ts';
import { createItem, getItem, updateVersioned } from '../platform/database/versioned-items.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { provisionTenant } from '../tenants/tenant-creation.ts';
import { putNewTeam } from '../teams/team-store.ts';
import { getJourney, saveJourney } from '../journey/journey-store.ts';
import { CASE_MOVING_MESSAGE, findCase, getCase, putNewCase, refuseWhileMoving, updateCase } from './case-store.ts';
import { moveCaseReference } from './case-reference-move.ts';
import { REQUEST_LIFETIME_MS, sweepFinishedMoves } from './case-reference-late-sweep.ts';

const TENANT = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746811';
const tableName = 'waypoint';
const AT = '2026-01-01T00:00:00.000Z';
const MONTH = '2026-01';
let database: LocalDatabase;
let db: DynamoDBDocumentClient;
let tenant: TenantContext;

type Outcome = 'kept' | { status: string; message: string };
type Item = Record<string, unknown>;

beforeAll(async () => {
  database = await startLocalDatabase();
  db = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
  await ensureTable(db, tableName);
  tenant = tenantContext({ tenantId: TENANT, db, tableName, portalUrl: 'http://localhost:5173' });
  await provisionTenant({ platform: { db, tableName }, tenant, newTenant: { tenantId: TENANT, slug: 'eastdale', name: 'Eastdale', region: 'North East', at: AT }, adminEmail: 'admin@eastdale.example' });
  await putNewTeam(tenant, { id: 'north', name: 'North Assessment', status: 'open', version: 1, createdAt: AT, updatedAt: AT });
});

afterAll(async () => {
  await database?.close();
});

async function caseWithRecords(ref: string): Promise<void> {
  const k = tenant.keys;
  await putNewCase(tenant, { ref, teamId: 'north', caseType: 'child-in-need', status: 'open', version: 1, createdAt: AT, updatedAt: AT } as Case);
  await saveJourney({ tenant, caseRef: ref, expectedVersion: 0, events: [{ id: 'e1', type: 'referral', date: '2025-01-06', recordedById: 'u1', recordedAt: AT }], at: AT });
  const audit = { id: `A-${ref}`, caseRef: ref, month: MONTH, teamId: 'north', state: 'in-progress', version: 1 };
  await createItem({ tenant, key: k.audit(audit.id), item: { ...audit, ...k.auditIndexEntries(audit) }, what: 'audit' });
}

/** What a route would answer: kept, or the problem it sends. */
async function answer(edit: () => Promise<unknown>): Promise<Outcome> {
  try {
    await edit();
    return 'kept';
  } catch (error) {
    if (error instanceof ApiError) return { status: error.kind, message: error.message };
    throw error;
  }
}

/** The four edits, each as its route makes it, sent to the old reference. */
async function editsTo(ref: string, readBefore: Case) {
  return {
    // PATCH /v1/cases/{ref} with the ETag read before the move began.
    patch: await answer(async () => {
      const found = await findCase(tenant, ref);
      if (!found) throw new ApiError('not-found', 'No such case');
      refuseWhileMoving(found);
      await updateCase({ tenant, current: found, expectedVersion: readBefore.version, changes: { label: 'edited' }, at: AT });
    }),
    // POST /v1/cases/{ref}/journey.
    journey: await answer(async () => {
      const found = await findCase(tenant, ref);
      if (!found) throw new ApiError('not-found', 'No such case');
      refuseWhileMoving(found);
      const stored = await getJourney(tenant, found.ref);
      await saveJourney({ tenant, caseRef: found.ref, expectedVersion: stored?.version ?? 0, events: [...(stored?.events ?? []), { id: 'e2', type: 'visit', date: '2025-02-03', recordedById: 'u1', recordedAt: AT }], at: AT });
    }),
    // PATCH /v1/audits/{id}: an audit of the case, saved by its own id and version.
    audit: await answer(async () => {
      const current = (await getItem<{ version: number }>(tenant, tenant.keys.audit(`A-${readBefore.ref}`)))!;
      await updateVersioned({ tenant, current, key: tenant.keys.audit(`A-${readBefore.ref}`), expectedVersion: current.version, changes: { notes: 'edited' }, at: AT, what: 'audit' });
    }),
    // POST /v1/audits for the case.
    newAudit: await answer(async () => {
      const found = await findCase(tenant, ref);
      if (!found) throw new ApiError('not-found', 'No such case');
      refuseWhileMoving(found);
      const audit = { id: `B-${readBefore.ref}`, caseRef: found.ref, month: MONTH, teamId: 'north', state: 'planned', version: 1 };
      await createItem({ tenant, key: tenant.keys.audit(audit.id), item: { ...audit, ...tenant.keys.auditIndexEntries(audit) }, what: 'audit' });
    }),
  };
}

/** A client that runs `before` once, just before the move's `at`-th write goes out. */
function interleaving(at: number, before: () => Promise<void>): { client: DynamoDBDocumentClient; writes: () => number } {
  let sent = 0;
  const client = {
    send: async (command: { constructor: { name: string } }) => {
      if (/^(Put|Delete|Update|BatchWrite)Command$/.test(command.constructor.name) && ++sent === at) await before();
      return db.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, writes: () => sent };
}

async function itemsOfTenant(): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []).filter((i) => String(i.PK).startsWith(tenant.keys.root)));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const moved = (from: string, to: string, client: DynamoDBDocumentClient) => moveCaseReference(tenantContext({ tenantId: TENANT, db: client, tableName, portalUrl: tenant.portalUrl }), { from, to, importId: 'import-1', at: AT, today: '2026-01-15' });

describe('edits that land while a case’s reference is being changed', () => {
  it('keeps every edit made at any step of the move under the new reference, or tells the client plainly to try again', async () => {
    // A first move, with no edits, counts the writes a move makes.
    await caseWithRecords('C-0');
    const counting = interleaving(Number.POSITIVE_INFINITY, async () => {});
    await moved('C-0', 'MOVED-0', counting.client);
    const steps = counting.writes();
    expect(steps).toBeGreaterThan(8);

    const seen = new Set<string>();
    for (let step = 1; step <= steps + 1; step++) {
      const [from, to] = [`C-${step}`, `MOVED-${step}`];
      await caseWithRecords(from);
      const readBefore = (await getCase(tenant, from))!;
      let outcomes: Awaited<ReturnType<typeof editsTo>> | undefined;
      const { client } = interleaving(step, async () => {
        outcomes = await editsTo(from, readBefore);
      });
      await moved(from, to, client);
      outcomes ??= await editsTo(from, readBefore);

      const label = `edits before write ${step}`;
      for (const [name, outcome] of Object.entries(outcomes)) {
        seen.add(outcome === 'kept' ? `${name} kept` : `${name} ${outcome.status}`);
        // Refused edits say why, in plain words: the reference is changing (409), or the case changed since it was read (412).
        if (outcome !== 'kept') expect([`conflict:${CASE_MOVING_MESSAGE}`, 'precondition-failed']).toContain(outcome.status === 'conflict' ? `conflict:${outcome.message}` : outcome.status);
      }
      // Every kept edit is there under the new reference.
      const after = (await getCase(tenant, to))!;
      expect(after.referenceMovingTo, label).toBeUndefined();
      if (outcomes.patch === 'kept') expect(after.label, label).toBe('edited');
      const journey = (await getJourney(tenant, to))!;
      expect(journey.events.map((e) => e.id).sort(), label).toEqual(outcomes.journey === 'kept' ? ['e1', 'e2'] : ['e1']);
      const audit = (await getItem<{ caseRef: string; notes?: string }>(tenant, tenant.keys.audit(`A-${from}`)))!;
      expect(audit, label).toMatchObject({ caseRef: to, ...(outcomes.audit === 'kept' ? { notes: 'edited' } : {}) });
      const newAudit = await getItem<{ caseRef: string }>(tenant, tenant.keys.audit(`B-${from}`));
      if (outcomes.newAudit === 'kept') expect(newAudit?.caseRef, label).toBe(to);
      else expect(newAudit, label).toBeUndefined();
      // Nothing but the old reference's lookup and the change's record names the old reference.
      const naming = new RegExp(`(?<![A-Za-z0-9-])${from}(?![A-Za-z0-9-])`);
      const left = (await itemsOfTenant()).filter((i) => naming.test(JSON.stringify(i)) && !/#(CASE-REF#|CASE-RENAMES)/.test(String(i.PK)));
      expect(left, label).toEqual([]);
    }
    // The steps cover both sides: edits kept and carried over, and edits refused while the case moves.
    expect(seen).toContain('patch kept');
    expect(seen).toContain('patch conflict');
    expect(seen).toContain('journey kept');
    expect(seen).toContain('journey conflict');
    expect(seen).toContain('newAudit kept');
    expect(seen).toContain('newAudit conflict');
    expect(seen).toContain('audit kept');
  });
});

describe('a request that read the case before its move and wrote after it', () => {
  it('has its record moved by the sweep once no request can still be running, and only once', async () => {
    const [from, to] = ['L-1', 'LATE-1'];
    await caseWithRecords(from);
    const finished = new Date('2026-03-02T09:00:00.000Z');
    clock.set(finished);
    try {
      await moved(from, to, db);
    } finally {
      clock.set(undefined);
    }
    // The late write: an audit started for the case as its page read it, before the move.
    const late = { id: `C-${from}`, caseRef: from, month: MONTH, teamId: 'north', state: 'planned', version: 1 };
    await createItem({ tenant, key: tenant.keys.audit(late.id), item: { ...late, ...tenant.keys.auditIndexEntries(late) }, what: 'audit' });

    // Too soon: a request may still be running, so nothing is swept yet.
    expect(await sweepFinishedMoves(tenant, new Date(finished.getTime() + REQUEST_LIFETIME_MS - 1))).toBe(0);
    expect((await getItem<{ caseRef: string }>(tenant, tenant.keys.audit(late.id)))?.caseRef).toBe(from);

    const sweptAt = new Date(finished.getTime() + REQUEST_LIFETIME_MS);
    expect(await sweepFinishedMoves(tenant, sweptAt)).toBeGreaterThan(0);
    expect((await getItem<{ caseRef: string }>(tenant, tenant.keys.audit(late.id)))?.caseRef).toBe(to);
    const naming = new RegExp(`(?<![A-Za-z0-9-])${from}(?![A-Za-z0-9-])`);
    expect((await itemsOfTenant()).filter((i) => naming.test(JSON.stringify(i)) && !/#(CASE-REF#|CASE-RENAMES)/.test(String(i.PK)))).toEqual([]);

    // Each move is swept again once: a later run looks no more.
    const straggler = { ...late, id: `D-${from}` };
    await createItem({ tenant, key: tenant.keys.audit(straggler.id), item: { ...straggler, ...tenant.keys.auditIndexEntries(straggler) }, what: 'audit' });
    expect(await sweepFinishedMoves(tenant, new Date(sweptAt.getTime() + 86_400_000))).toBe(0);
  });
});
