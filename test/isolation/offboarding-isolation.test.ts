/**
 * Offboarding deletes one authority whole and touches nothing of another: with files stored
 * for both, Southmoor is offboarded and, after the cooling-off period, deleted by the
 * offboarding job; no item under Southmoor's keys and no object under its prefix is left, and
 * every item and object of Northvale is exactly as it was. The offboarding routes keep apart
 * too: tenant roles are refused the operator's, and one authority's admin never reaches
 * another's exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, ROLES, SOUTHMOOR, expectJson, expectProblem, nv, sm } from '../api/api-client.ts';
import { itemsMentioning, itemsOf, objectsOf, operatorCall, runJobAfterCoolingOff, startOffboarding, waitForExport } from '../api/offboarding-support.ts';

let stack: TestStack;
beforeAll(async () => {
  // Its own stack: this file deletes one of the demo authorities.
  stack = await startStack({ own: true });
});
afterAll(async () => {
  await stack?.stop();
});

const OPERATOR_ROUTES: [string, RequestInit?][] = [
  [`/v1/platform/tenants/${SOUTHMOOR.id}/exports`],
  [`/v1/platform/tenants/${SOUTHMOOR.id}/exports`, { method: 'POST' }],
  [`/v1/platform/tenants/${SOUTHMOOR.id}/exports/01JEXPORT0000000000000000`],
  [`/v1/platform/tenants/${SOUTHMOOR.id}/exports/01JEXPORT0000000000000000/download`],
  [`/v1/platform/tenants/${SOUTHMOOR.id}/deletion`],
];

describe('the offboarding routes', () => {
  it('refuse every tenant role of either authority the operator’s routes, making no export', async () => {
    for (const email of [...ROLES.map(nv), ...ROLES.map(sm)]) {
      for (const [path, init] of OPERATOR_ROUTES) expect((await expectProblem(await stack.api(email, path, init), 403)).type).toBe('/v1/problems/forbidden');
    }
    expect((await expectJson<{ items: unknown[] }>(await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}/exports`))).items).toEqual([]);
  });

  it('keep one authority’s exports from another’s admin: a 404, as if there were none', async () => {
    const made = await expectJson<{ id: string }>(await stack.api(sm('admin'), '/v1/data-exports', { method: 'POST' }), 201);
    expect((await waitForExport(() => stack.api(sm('admin'), `/v1/data-exports/${made.id}`))).state).toBe('ready');
    await expectProblem(await stack.api(nv('admin'), `/v1/data-exports/${made.id}`), 404);
    await expectProblem(await stack.api(nv('admin'), `/v1/data-exports/${made.id}/download`), 404);
    const theirs = await expectJson<{ items: { id: string }[] }>(await stack.api(nv('admin'), '/v1/data-exports'));
    expect(theirs.items.map((e) => e.id)).not.toContain(made.id);
    // Only admins make or read exports.
    for (const role of ROLES.filter((r) => r !== 'admin')) await expectProblem(await stack.api(sm(role), '/v1/data-exports'), 403);
  });
});

describe('deleting an offboarded authority', () => {
  it('leaves nothing of it in the table or the object store, and every item and object of the other as it was', async () => {
    const objects = stack.jobDependencies.objects;
    for (const tenant of [NORTHVALE, SOUTHMOOR]) {
      await objects.put(`tenants/${tenant.id}/evidence/actions/01JFILE0000000000000000001`, 'evidence', 'text/plain');
      await objects.put(`tenants/${tenant.id}/imports/01JIMPORT000000000000000001`, 'reference,team\r\n', 'text/csv');
    }
    const northvaleBefore = await itemsOf(stack, NORTHVALE.id);
    const northvaleObjectsBefore = await objectsOf(stack, NORTHVALE.id);
    const southmoorBefore = await itemsOf(stack, SOUTHMOOR.id);
    expect(southmoorBefore.size).toBeGreaterThan(500);
    expect((await objectsOf(stack, SOUTHMOOR.id)).length).toBeGreaterThanOrEqual(2);

    await startOffboarding(stack, SOUTHMOOR.id);
    // Resumed across many runs: each run here does one step (one page of keys) and stops.
    let runs = 0;
    let status = 'offboarding';
    while (status !== 'deleted' && runs < 500) {
      await runJobAfterCoolingOff(stack, { passMs: 0 });
      runs++;
      status = (await expectJson<{ status: string }>(await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}`))).status;
    }
    expect(status).toBe('deleted');
    expect(runs).toBeGreaterThan(3);

    expect((await itemsOf(stack, SOUTHMOOR.id)).size).toBe(0);
    expect(await objectsOf(stack, SOUTHMOOR.id)).toEqual([]);
    // What mentions it now is the platform's own: its directory entry, the certificate and the operators' log.
    const left = await itemsMentioning(stack, SOUTHMOOR.id);
    expect(
      left.every((key) => /^PLATFORM#(TENANTS|DELETIONS|ACTIVITY)\|/.test(key)),
      left.join('\n'),
    ).toBe(true);

    const northvaleAfter = await itemsOf(stack, NORTHVALE.id);
    expect(northvaleAfter.size).toBe(northvaleBefore.size);
    for (const [key, json] of northvaleBefore) expect(northvaleAfter.get(key), key).toBe(json);
    expect(await objectsOf(stack, NORTHVALE.id)).toEqual(northvaleObjectsBefore);

    const certificate = await expectJson<{ step: string; recordsTotal: number; filesTotal: number; recordsRemaining: number }>(await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}/deletion`));
    expect(certificate).toMatchObject({ step: 'done', recordsRemaining: 0, filesRemaining: 0 });
    expect(certificate.recordsTotal).toBe(southmoorBefore.size);
    // Northvale carries on.
    await expectJson(await stack.api(nv('qa'), '/v1/cases?limit=5'));
  });
});
