/**
 * Changing case references by a file, over HTTP as the portal does: the preview says what is
 * wrong with each row, accepting moves each case with its audits, actions, journey and activity
 * to the new reference, the old reference still finds the case, and importing the same file
 * again changes nothing. (Resuming a move stopped part-way is `functions/src/imports/reference-work.test.ts`.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { NORTHVALE, expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { completedAudit } from './audits-support.ts';
import { acceptAndWait, uploadAndCheck } from './imports-support.ts';

let stack: TestStack;
let auditId: string;
const QA = nv('qa');
const CHANGES = { kind: 'references', source: 'mosaic', format: 'csv' } as const;

beforeAll(async () => {
  stack = await startStack();
  auditId = (await completedAudit(stack, { caseRef: 'NV-00005' })).audit.id;
  // A journey event, if the seeded journey takes one; the move is compared with what is there either way.
  await (await stack.api(QA, '/v1/cases/NV-00005/journey', jsonInit('POST', { type: 'visit', date: '2026-01-06' }))).arrayBuffer();
});
afterAll(async () => {
  await stack?.stop();
});

interface Problem {
  row: number;
  column: string;
  message: string;
}

const auditsOf = async (ref: string) => (await expectJson<{ items: { id: string; caseRef: string }[] }>(await stack.api(QA, `/v1/cases/${ref}/audits`))).items;

describe('changing case references by a file', () => {
  it('lists each row’s problem in plain words and writes nothing before the preview is accepted', async () => {
    const file = 'OLD_PERSON_ID,NEW_PERSON_ID\nNV-00006,NEW-6\nNV-99999,NEW-X\nNV-00009,NV-00010\nNV-00011,NEW-6\nNV-00006,NEW-66\nNV 12,NEW-12\nNV-00013,nv-00013\nNEW-7,NEW-77\nNV-00014,NEW-7\n';
    const checked = await uploadAndCheck(stack, QA, CHANGES, file);
    expect(checked).toMatchObject({ status: 'checked', rowsTotal: 9, mapping: { oldRef: 'OLD_PERSON_ID', newRef: 'NEW_PERSON_ID' } });
    const { items } = await expectJson<{ items: Problem[] }>(await stack.api(QA, `/v1/imports/${checked.id}/problems`));
    const said = items.map((p) => `${p.row} ${p.column}: ${p.message}`);
    expect(said).toContainEqual(expect.stringMatching(/^3 OLD_PERSON_ID: There is no case NV-99999 in Waypoint/));
    expect(said).toContainEqual(expect.stringMatching(/^4 NEW_PERSON_ID: NV-00010 is already the reference of another case/));
    expect(said).toContainEqual(expect.stringMatching(/^5 NEW_PERSON_ID: NEW-6 is also the new reference on row 2/));
    expect(said).toContainEqual(expect.stringMatching(/^6 OLD_PERSON_ID: The case NV-00006 is also changed on row 2/));
    expect(said).toContainEqual(expect.stringMatching(/^7 OLD_PERSON_ID: “NV 12” is not a case reference/));
    expect(said).toContainEqual(expect.stringMatching(/^8 NEW_PERSON_ID: The new reference differs from the old one only in capital letters/));
    // A chain: NEW-7 is given out on row 10 and changed on row 9.
    expect(said).toContainEqual(expect.stringMatching(/^10 NEW_PERSON_ID: NEW-7 is changed on row 9/));
    expect(checked.rowsWithProblems).toBe(8);
    await expectJson(await stack.api(QA, '/v1/cases/NV-00006'));
    await expectProblem(await stack.api(QA, '/v1/cases/NEW-6'), 404);
  });

  it('moves a case with its audits and journey to the new reference; the old one still finds it; the same file again changes nothing', async () => {
    const before = await auditsOf('NV-00005');
    expect(before.map((a) => a.id)).toContain(auditId);
    const journeyBefore = await expectJson<{ events: { id: string }[] }>(await stack.api(QA, '/v1/cases/NV-00005/journey'));
    const file = 'Old case reference,New case reference\nNV-00005,MOS-5005\nNV-00006,MOS-5006\n';
    const checked = await uploadAndCheck(stack, QA, CHANGES, file);
    expect(checked).toMatchObject({ status: 'checked', rowsWithProblems: 0 });
    const done = await acceptAndWait(stack, QA, checked.id);
    expect(done).toMatchObject({ status: 'done', counts: { created: 0, updated: 2, unchanged: 0, refused: 0 } });

    const moved = await expectJson<{ ref: string }>(await stack.api(QA, '/v1/cases/MOS-5005'));
    expect(moved.ref).toBe('MOS-5005');
    const after = await auditsOf('MOS-5005');
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
    expect(after.every((a) => a.caseRef === 'MOS-5005')).toBe(true);
    expect((await expectJson<{ caseRef: string }>(await stack.api(QA, `/v1/audits/${auditId}`))).caseRef).toBe('MOS-5005');
    const journey = await expectJson<{ events: { id: string }[] }>(await stack.api(QA, '/v1/cases/MOS-5005/journey'));
    expect(journey.events.map((e) => e.id)).toEqual(journeyBefore.events.map((e) => e.id));
    // The old reference leads to the case under its new one.
    expect((await expectJson<{ ref: string }>(await stack.api(QA, '/v1/cases/NV-00005'))).ref).toBe('MOS-5005');
    // And stays taken: no new case can have it.
    await expectProblem(await stack.api(QA, '/v1/cases', jsonInit('POST', { ref: 'NV-00005', teamId: 'assessment', caseType: 'child-in-need' })), 409);

    const again = await uploadAndCheck(stack, QA, CHANGES, file);
    expect(again).toMatchObject({ status: 'checked', rowsWithProblems: 0 });
    const second = await acceptAndWait(stack, QA, again.id);
    expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: 2, refused: 0 });
    expect((await auditsOf('MOS-5005')).length).toBe(before.length);
  });

  it('tells a client changing a case whose reference is being changed to try again in a moment, and writes nothing', async () => {
    // A move in progress, as its first step leaves the case: marked with the reference it is moving to.
    const data = stack.jobDependencies.dataClientFor(NORTHVALE.id);
    const key = tenantKeys(NORTHVALE.id).case('NV-00009');
    const mark = (moving: boolean) =>
      data.send(new UpdateCommand({ TableName: stack.tableName, Key: key, UpdateExpression: moving ? 'SET referenceMovingTo = :to' : 'REMOVE referenceMovingTo', ...(moving ? { ExpressionAttributeValues: { ':to': 'MOS-5009' } } : {}) }));
    const { etag } = await readVersioned(stack, QA, '/v1/cases/NV-00009');
    const journeyBefore = await expectJson<{ events: unknown[]; version: number }>(await stack.api(QA, '/v1/cases/NV-00009/journey'));
    await mark(true);
    try {
      for (const refused of [await stack.api(QA, '/v1/cases/NV-00009', jsonInit('PATCH', { label: 'Edited' }, { 'if-match': etag })), await stack.api(QA, '/v1/cases/NV-00009/journey', jsonInit('POST', { type: 'visit', date: '2026-01-06' }))]) {
        const problem = await expectProblem(refused, 409);
        expect(problem.detail).toBe('This case’s reference is being changed; try again in a moment');
      }
    } finally {
      await mark(false);
    }
    const after = await readVersioned(stack, QA, '/v1/cases/NV-00009');
    expect(after.etag).toBe(etag);
    expect((await expectJson<{ events: unknown[] }>(await stack.api(QA, '/v1/cases/NV-00009/journey'))).events).toHaveLength(journeyBefore.events.length);
    // Once the move is over, the same edit goes through.
    await expectJson(await stack.api(QA, '/v1/cases/NV-00009', jsonInit('PATCH', { label: 'Edited' }, { 'if-match': etag })));
  });

  it('is for QA officers and senior managers only', async () => {
    const refused = await stack.api(nv('manager'), '/v1/imports', jsonInit('POST', CHANGES));
    expect([403, 404]).toContain(refused.status);
    await expectProblem(await stack.api(nv('admin'), '/v1/imports', jsonInit('POST', CHANGES)), refused.status);
  });
});
