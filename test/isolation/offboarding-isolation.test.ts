/**
 * Offboarding deletes one authority whole and touches nothing of another: with files stored
 * for both, Southmoor is offboarded and, after the cooling-off period, deleted by the
 * offboarding job; no item under Southmoor's keys and no object under its prefix is left, and
 * every item and object of Northvale is exactly as it was. Sign-in goes with it: no account of
 * Southmoor's is left to sign in with or be found, its own sign-in provider and email domain
 * are gone, while every Northvale account still signs in and Northvale's provider still works.
 * The offboarding routes keep apart
 * too: tenant roles are refused the operator's, and one authority's admin never reaches
 * another's exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { findAccount } from '@waypoint/functions/local/identity/account-store';
import { findLocalFederation } from '@waypoint/functions/local/identity/local-federation';
import { fetchAccessToken } from '@waypoint/functions/local/identity/sign-in-flow';
import { providerNameFor } from '@waypoint/shared/federation/connection-schemas';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import { startStack, type TestStack } from '../support/stack.ts';
import { COUNCIL_DOMAIN, councilToken, northvaleConnection } from '../support/council-sign-in.ts';
import { NORTHVALE, ROLES, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';
import { itemsMentioning, itemsOf, objectsOf, operatorCall, runJobAfterCoolingOff, startOffboarding, waitForExport } from '../api/offboarding-support.ts';

let stack: TestStack;
/** Southmoor's sign-in accounts as they were before its deletion. */
let southmoorAccountEmails: string[] = [];
const itemsOfUsers = async (tenantId: string) => userEmails(await itemsOf(stack, tenantId));
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

/** The email of every user record of the authority, from its items as read whole. */
const userEmails = (items: Map<string, string>) =>
  [...items]
    .filter(([key]) => key.includes('|USER#'))
    .map(([, json]) => (JSON.parse(json) as { email?: string }).email)
    .filter((email): email is string => typeof email === 'string');

async function accountsOf(emails: readonly string[]) {
  const found = await Promise.all(emails.map((email) => findAccount({ db: stack.jobDependencies.platformClient, tableName: stack.tableName, email })));
  return found.filter((account) => account !== undefined);
}

const SOUTHMOOR_STAFF_DOMAIN = 'staff.southmoor.example';
const COUNCIL_PERSON = `ada.nwosu@${COUNCIL_DOMAIN}`;
const discovery = async (email: string) => expectJson<{ method: string; providerName?: string }>(await stack.api(null, '/v1/sign-in/discovery', jsonInit('POST', { email })));

describe('deleting an offboarded authority', () => {
  it('leaves nothing of it in the table or the object store, and every item and object of the other as it was', async () => {
    // Both authorities sign in through their own provider; a Northvale person has signed in through theirs.
    const northvaleProvider = await expectJson<{ providerName: string }>(await stack.api(nv('admin'), '/v1/identity-provider', jsonInit('PUT', northvaleConnection(stack))), 201);
    const southmoorProvider = await expectJson<{ providerName: string }>(await stack.api(sm('admin'), '/v1/identity-provider', jsonInit('PUT', northvaleConnection(stack, { domains: [SOUTHMOOR_STAFF_DOMAIN], groupMappings: [] }))), 201);
    expect(southmoorProvider.providerName).toBe(providerNameFor(SOUTHMOOR.id));
    await councilToken(stack, COUNCIL_PERSON, northvaleProvider.providerName);

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
    const southmoorAccounts = await accountsOf(userEmails(southmoorBefore));
    const northvaleAccounts = await accountsOf(userEmails(northvaleBefore));
    expect(southmoorAccounts.length).toBeGreaterThan(5);
    southmoorAccountEmails = southmoorAccounts.map((a) => a.email);
    expect(northvaleAccounts.map((a) => a.email)).toContain(COUNCIL_PERSON);

    await startOffboarding(stack, SOUTHMOOR.id);
    // Resumed across many runs: each run here does one step (one page of keys) and stops. Once,
    // part-way through a page of accounts, the sign-in service fails: that run stops, the next
    // goes on from the last account saved, and none is counted twice or missed.
    const accounts = stack.jobDependencies.accounts!;
    let removals = 0;
    stack.jobDependencies.accounts = {
      ...accounts,
      remove: async (account) => {
        if (++removals === 4) throw new Error('the sign-in service is unavailable');
        return accounts.remove(account);
      },
    };
    let runs = 0;
    let failedRuns = 0;
    let status = 'offboarding';
    try {
      while (status !== 'deleted' && runs < 500) {
        await runJobAfterCoolingOff(stack, { passMs: 0 }).catch(() => failedRuns++);
        runs++;
        status = (await expectJson<{ status: string }>(await operatorCall(stack, `/v1/platform/tenants/${SOUTHMOOR.id}`))).status;
      }
    } finally {
      stack.jobDependencies.accounts = accounts;
    }
    expect(status).toBe('deleted');
    expect(runs).toBeGreaterThan(3);
    expect(failedRuns).toBe(1);

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
    expect(certificate).toMatchObject({ accountsRemoved: southmoorAccounts.length, signInProvidersRemoved: 1, emailDomainsReleased: 1 });
    // Northvale carries on.
    await expectJson(await stack.api(nv('qa'), '/v1/cases?limit=5'));
  });

  it('leaves no account of it to sign in with or be found, and its own provider gone; every account and the provider of the other still sign in', async () => {
    // Run after the deletion above: Southmoor is gone, Northvale untouched.
    const db = stack.jobDependencies.platformClient;
    expect(southmoorAccountEmails).toEqual(expect.arrayContaining(ROLES.map(sm)));
    for (const email of southmoorAccountEmails) {
      expect(await findAccount({ db, tableName: stack.tableName, email }), email).toBeUndefined();
      await expect(fetchAccessToken({ issuer: stack.issuer, email, password: DEMO_PASSWORD }), email).rejects.toThrow();
    }
    const southmoorProvider = providerNameFor(SOUTHMOOR.id);
    expect(await findLocalFederation({ db, tableName: stack.tableName, providerName: southmoorProvider })).toBeUndefined();
    expect((await db.send(new GetCommand({ TableName: stack.tableName, Key: platformKeys.federatedProvider(southmoorProvider) }))).Item).toBeUndefined();
    expect((await db.send(new GetCommand({ TableName: stack.tableName, Key: platformKeys.emailDomain(SOUTHMOOR_STAFF_DOMAIN) }))).Item).toBeUndefined();
    expect(await discovery(`someone@${SOUTHMOOR_STAFF_DOMAIN}`)).toEqual({ method: 'password' });

    const northvaleProvider = providerNameFor(NORTHVALE.id);
    expect(await findLocalFederation({ db, tableName: stack.tableName, providerName: northvaleProvider })).toMatchObject({ tenantId: NORTHVALE.id });
    expect(await discovery(`someone@${COUNCIL_DOMAIN}`)).toEqual({ method: 'federated', providerName: northvaleProvider });
    const northvale = await accountsOf((await itemsOfUsers(NORTHVALE.id)).filter((email) => email !== COUNCIL_PERSON));
    expect(northvale.length).toBeGreaterThan(5);
    for (const account of northvale) expect(await fetchAccessToken({ issuer: stack.issuer, email: account.email, password: DEMO_PASSWORD }), account.email).toBeTruthy();
    expect(await councilToken(stack, COUNCIL_PERSON, northvaleProvider)).toBeTruthy();
  });
});
