/**
 * Offboarding over HTTP: the full export's contents (a CSV and a JSON file per record type, the
 * counts in its manifest, formulas escaped, nothing of another authority), the admin's own
 * export, cancelling an offboarding before deletion, re-running a finished deletion, and that a
 * deleted authority can neither sign in nor be read.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { fetchAccessToken } from '@waypoint/functions/local/identity/sign-in-flow';
import { findAccount } from '@waypoint/functions/local/identity/account-store';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, SOUTHMOOR, expectJson, expectProblem, jsonInit, sm } from './api-client.ts';
import { expectReason } from './engagement-support.ts';
import { changeStatus, itemsOf, operatorCall, runJobAfterCoolingOff, startOffboarding, waitForExport } from './offboarding-support.ts';

let stack: TestStack;
beforeAll(async () => {
  // Its own stack: this file deletes one of the demo authorities.
  stack = await startStack({ own: true });
});
afterAll(async () => {
  await stack?.stop();
});

interface ExportView {
  id: string;
  state: string;
  records: { type: string; count: number }[];
  recordsTotal: number;
}

async function download(path: string, email: string | null): Promise<Record<string, string>> {
  const link = await expectJson<{ url: string; expiresInSeconds: number }>(email ? await stack.api(email, path) : await operatorCall(stack, path));
  expect(link.expiresInSeconds).toBeLessThanOrEqual(60);
  const response = await fetch(link.url);
  expect(response.status).toBe(200);
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('the full export', () => {
  it('holds a CSV and a JSON file per record type with the counts in its manifest, formulas escaped, and nothing of another authority', async () => {
    // A team whose name a spreadsheet would run as a formula.
    await expectJson(await stack.api(sm('admin'), '/v1/teams', jsonInit('POST', { name: '=HYPERLINK("http://x.example","y")' })), 201);
    const asked = await expectJson<ExportView>(await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}/exports`, { method: 'POST' }), 201);
    const ready = await waitForExport<ExportView>(() => operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}/exports/${asked.id}`));
    expect(ready.state).toBe('ready');

    const files = await download(`/v1/platform/tenants/${SOUTHMOOR.id}/exports/${asked.id}/download`, null);
    const manifest = JSON.parse(files['manifest.json']!) as { files: { type: string; records: number; json: string; csv: string }[] };
    for (const type of ['cases', 'audits', 'actions', 'journey-events', 'reflections', 'programmes', 'users', 'teams', 'authority', 'activity-log', 'engagement-responses', 'templates']) {
      const entry = manifest.files.find((f) => f.type === type);
      expect(entry, type).toBeDefined();
      const records = JSON.parse(files[entry!.json]!) as Record<string, unknown>[];
      expect(records.length, type).toBe(entry!.records);
      // A header and a row per record.
      expect(files[entry!.csv]!.trimEnd().split('\r\n').length, type).toBeGreaterThanOrEqual(entry!.records + 1);
      expect(ready.records.find((r) => r.type === type)?.count ?? 0, type).toBe(entry!.records);
    }
    expect(manifest.files.find((f) => f.type === 'cases')!.records).toBe(60);
    expect(files['README.txt']).toMatch(/cases\s+60\s+Cases/);
    // Anonymous feedback: no one named, no case.
    const responses = JSON.parse(files['engagement-responses.json']!) as Record<string, unknown>[];
    expect(responses.length).toBeGreaterThan(0);
    for (const response of responses) for (const field of ['caseRef', 'userId', 'email', 'name']) expect(response).not.toHaveProperty(field);
    // The formula is text, not a formula.
    expect(files['teams.csv']).toContain(`"'=HYPERLINK(""http://x.example"",""y"")"`);
    // Nothing of Northvale's, and no storage keys.
    const everything = Object.values(files).join('\n');
    expect(everything).not.toContain(NORTHVALE.id);
    expect(everything).not.toMatch(/NV-\d{5}/);
    expect(everything).not.toContain(`TENANT#${SOUTHMOOR.id}`);
  });

  it('is made for the authority’s own admin too, once per request however often it is retried', async () => {
    const headers = { 'idempotency-key': 'offboarding-export-once' };
    const first = await expectJson<ExportView>(await stack.api(sm('admin'), '/v1/data-exports', { method: 'POST', headers }), 201);
    const again = await expectJson<ExportView>(await stack.api(sm('admin'), '/v1/data-exports', { method: 'POST', headers }), 201);
    expect(again.id).toBe(first.id);
    const ready = await waitForExport<ExportView>(() => stack.api(sm('admin'), `/v1/data-exports/${first.id}`));
    const files = await download(`/v1/data-exports/${ready.id}/download`, sm('admin'));
    expect(Object.keys(files)).toContain('cases.csv');
    const listed = await expectJson<{ items: { id: string }[] }>(await stack.api(sm('admin'), '/v1/data-exports'));
    expect(listed.items.filter((e) => e.id === first.id)).toHaveLength(1);
  });
});

describe('cancelling an offboarding', () => {
  it('before deletion starts keeps everything: the job deletes nothing of an authority that was resumed', async () => {
    const before = (await itemsOf(stack, SOUTHMOOR.id)).size;
    const leaving = await startOffboarding(stack, SOUTHMOOR.id);
    expect(leaving.deletionDueOn).toBeDefined();
    // Without If-Match the change is refused.
    await expectProblem(await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}`, jsonInit('PATCH', { status: 'active' })), 428);
    await changeStatus(stack, SOUTHMOOR.id, { status: 'active' });
    const result = await runJobAfterCoolingOff(stack);
    expect(result.deletionsStarted).toBe(0);
    expect((await itemsOf(stack, SOUTHMOOR.id)).size).toBe(before);
    await expectProblem(await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}/deletion`), 404);
    await expectJson(await stack.api(sm('qa'), '/v1/cases?limit=5'));
  });
});

describe('deleting an authority', () => {
  it('finishes once, so running the job again changes nothing; the authority can neither sign in nor be read, and nothing more can be asked of it', async () => {
    // A token from before the deletion, to show it no longer opens anything.
    const oldToken = await stack.tokenFor(sm('admin'));
    await startOffboarding(stack, SOUTHMOOR.id);
    const first = await runJobAfterCoolingOff(stack);
    expect(first).toMatchObject({ deletionsStarted: 1, deletionsFinished: 1 });
    const certificate = await expectJson<{ step: string; certificateNumber: string; finishedAt: string; records: { type: string; count: number }[]; accountsRemoved: number; signInProvidersRemoved: number }>(
      await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}/deletion`),
    );
    expect(certificate.step).toBe('done');
    expect(certificate.records.find((r) => r.type === 'cases')?.count).toBe(60);
    expect(certificate.accountsRemoved).toBeGreaterThan(5);
    // Southmoor never connected its own provider here.
    expect(certificate.signInProvidersRemoved).toBe(0);
    // The certificate holds counts and dates: no reference, no name of a person.
    expect(JSON.stringify(certificate)).not.toMatch(/SM-\d{5}|@southmoor/);

    const again = await runJobAfterCoolingOff(stack);
    expect(again).toMatchObject({ deletionsStarted: 0, deletionsFinished: 0 });
    const same = await expectJson<{ certificateNumber: string; finishedAt: string; accountsRemoved: number }>(await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}/deletion`));
    expect(same).toMatchObject({ certificateNumber: certificate.certificateNumber, finishedAt: certificate.finishedAt, accountsRemoved: certificate.accountsRemoved });
    expect((await itemsOf(stack, SOUTHMOOR.id)).size).toBe(0);

    const entry = await expectJson<{ status: string; deletedAt?: string }>(await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}`));
    expect(entry.status).toBe('deleted');
    expect(entry.deletedAt).toBeDefined();
    expectReason(await expectProblem(await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}`, jsonInit('PATCH', { status: 'active' }, { 'if-match': '"99"' })), 409), 'tenant-deleted');
    expectReason(await expectProblem(await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}/exports`, { method: 'POST' }), 409), 'tenant-deleted');

    // Nobody signs in any more (their accounts are gone), and a token from before opens nothing.
    await expect(fetchAccessToken({ issuer: stack.issuer, email: sm('admin'), password: DEMO_PASSWORD })).rejects.toThrow();
    expect(await findAccount({ db: stack.jobDependencies.platformClient, tableName: stack.tableName, email: sm('admin') })).toBeUndefined();
    const refused = await fetch(`${stack.apiUrl}/v1/cases?limit=5`, { headers: { authorization: `Bearer ${oldToken}` } });
    expect([401, 403]).toContain(refused.status);
    expect(await fetch(`${stack.apiUrl}/v1/public/southmoor`).then((r) => r.status)).toBe(404);
  });
});
