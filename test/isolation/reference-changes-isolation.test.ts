/**
 * Reference changes across authorities: Southmoor's file cannot name Northvale's cases (they
 * are simply not there for it), a Southmoor case may take a reference Northvale also uses,
 * and nothing of Northvale's moves or starts leading elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson, nv, sm } from '../api/api-client.ts';
import { startStack, type TestStack } from '../support/stack.ts';
import { acceptAndWait, uploadAndCheck } from '../api/imports-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const CHANGES = { kind: 'references', source: 'other', format: 'csv' } as const;

describe('another authority’s case references', () => {
  it('cannot be changed, and can be used by another authority without touching the first', async () => {
    const northvaleBefore = await expectJson<{ ref: string; version: number }>(await stack.api(nv('qa'), '/v1/cases/NV-00003'));
    const file = 'Old case reference,New case reference\nNV-00003,SM-TAKEN\nSM-00003,NV-00004\n';
    const checked = await uploadAndCheck(stack, sm('qa'), CHANGES, file);
    expect(checked).toMatchObject({ status: 'checked', rowsTotal: 2, rowsWithProblems: 1 });
    const { items } = await expectJson<{ items: { row: number; message: string }[] }>(await stack.api(sm('qa'), `/v1/imports/${checked.id}/problems`));
    expect(items).toEqual([expect.objectContaining({ row: 2, message: expect.stringMatching(/^There is no case NV-00003 in Waypoint/) })]);
    const done = await acceptAndWait(stack, sm('qa'), checked.id);
    expect(done.counts).toEqual({ created: 0, updated: 1, unchanged: 0, refused: 1 });

    // Southmoor's case now has a reference Northvale also uses; each authority sees its own.
    expect((await expectJson<{ ref: string }>(await stack.api(sm('qa'), '/v1/cases/NV-00004'))).ref).toBe('NV-00004');
    expect((await expectJson<{ ref: string }>(await stack.api(sm('qa'), '/v1/cases/SM-00003'))).ref).toBe('NV-00004');
    const northvale4 = await expectJson<{ ref: string; teamId: string }>(await stack.api(nv('qa'), '/v1/cases/NV-00004'));
    expect(northvale4.ref).toBe('NV-00004');
    expect((await stack.api(nv('qa'), '/v1/cases/SM-00003')).status).toBe(404);
    expect(await expectJson(await stack.api(nv('qa'), '/v1/cases/NV-00003'))).toEqual(northvaleBefore);
    expect((await stack.api(sm('qa'), '/v1/cases/SM-TAKEN')).status).toBe(404);
  });
});
